"""Lone surrogates in decoded JSON become U+FFFD; everything else is left as it is."""

from claimwire.jsontext import loads_text, without_lone_surrogates


def test_lone_surrogates_in_strings_and_keys_are_replaced_and_counted():
    """Escaped halves of UTF-16 pairs, anywhere in the document, are replaced one for one."""
    value, replaced = loads_text('{"text": "a\\ud800b\\udfff", "k\\udc00": ["\\ud83d", {"x": 1}]}')
    assert ({"text": "a\ufffdb\ufffd", "k\ufffd": ["\ufffd", {"x": 1}]}, 4) == (value, replaced)


def test_valid_pairs_and_clean_documents_are_untouched():
    """An escaped pair is one character (an emoji here); a clean document comes back as the same object."""
    assert ({"text": "\U0001f600"}, 0) == loads_text('{"text": "\\ud83d\\ude00"}')
    document = {"a": ["b", {"c": "d"}], "n": 1.5}
    assert (document, 0) == without_lone_surrogates(document)
    assert document is without_lone_surrogates(document)[0]


def test_raw_surrogate_bytes_let_through_by_json_loads_are_replaced_too():
    """`json.loads` of bytes decodes with surrogatepass: raw surrogate bytes are repaired like escapes."""
    assert ({"t": "x\ufffd"}, 1) == loads_text(b'{"t": "x\xed\xa0\x80"}')
