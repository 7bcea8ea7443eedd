"""The GUM converter on a hand-made document: text from conllu, claims from eRST attribution relations."""

from typing import Any

from bench.gum_attribution import (
    all_tokens,
    convert_document,
    own_tokens,
    read_rs4,
    read_splits,
    rebuild_text,
)

# Written for this test (not GUM text): two paragraphs, a multiword token (won't), quotes, a photo credit.
CONLLU = """\
# newdoc id = TEST_news_bridge
# newpar
# sent_id = TEST_news_bridge-1
# text = The mayor said that the bridge won't reopen.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tmayor\tmayor\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthat\tthat\tSCONJ\tIN\t_\t9\tmark\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
6\tbridge\tbridge\tNOUN\tNN\t_\t9\tnsubj\t_\t_
7-8\twon't\t_\t_\t_\t_\t_\t_\t_\t_
7\two\twill\tAUX\tMD\t_\t9\taux\t_\t_
8\tn't\tnot\tPART\tRB\t_\t9\tadvmod\t_\t_
9\treopen\treopen\tVERB\tVB\t_\t3\tccomp\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# newpar
# newpar_block = p (2 s)
# sent_id = TEST_news_bridge-2
# text = "Repairs take time," she added.
1\t"\t"\tPUNCT\t``\t_\t3\tpunct\t_\tSpaceAfter=No
2\tRepairs\trepair\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\ttake\ttake\tVERB\tVBP\t_\t8\tccomp\t_\t_
4\ttime\ttime\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No
5\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\tSpaceAfter=No
6\t"\t"\tPUNCT\t''\t_\t3\tpunct\t_\t_
7\tshe\tshe\tPRON\tPRP\t_\t8\tnsubj\t_\t_
8\tadded\tadd\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# sent_id = TEST_news_bridge-3
# text = Photo: Jane Roe.
1\tPhoto\tphoto\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
2\t:\t:\tPUNCT\t:\t_\t3\tpunct\t_\t_
3\tJane\tJane\tPROPN\tNNP\t_\t1\tappos\t_\t_
4\tRoe\tRoe\tPROPN\tNNP\t_\t3\tflat\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

"""

# Segment 1 attributes segment 2; segment 4 attributes segment 3, which also carries a photo credit (5);
# a secondary edge adds a negative attribution of segment 2 to segment 4's cue.
RS4 = """\
<rst>
 <header><relations>
  <rel name="attribution-positive" type="rst"/><rel name="attribution-negative" type="rst"/>
  <rel name="elaboration-additional" type="rst"/><rel name="joint-list" type="multinuc"/>
 </relations></header>
 <body>
  <segment id="1" parent="2" relname="attribution-positive">The mayor said</segment>
  <segment id="2" parent="7" relname="span">that the bridge wo n't reopen .</segment>
  <segment id="3" parent="8" relname="span">" Repairs take time , "</segment>
  <segment id="4" parent="3" relname="attribution-positive">she added .</segment>
  <segment id="5" parent="3" relname="attribution-positive">Photo : Jane Roe .</segment>
  <group id="7" type="span" parent="9" relname="joint-list"/>
  <group id="8" type="span" parent="9" relname="joint-list"/>
  <group id="9" type="multinuc"/>
  <secedges><secedge id="4-2" source="4" target="2" relname="attribution-negative"/></secedges>
  <signals>
   <signal source="1" type="semantic" subtype="attribution_source" tokens="1,2"/>
   <signal source="1" type="lexical" subtype="indicative_word" tokens="3"/>
   <signal source="1" type="dm" subtype="dm" tokens="4"/>
   <signal source="2" type="lexical" subtype="indicative_word" tokens="9"/>
   <signal source="4" type="semantic" subtype="attribution_source" tokens="17"/>
   <signal source="4" type="lexical" subtype="indicative_word" tokens="18"/>
   <signal source="5" type="semantic" subtype="attribution_source" tokens="22,23"/>
   <signal source="4-2" type="lexical" subtype="indicative_word" tokens="18"/>
  </signals>
 </body>
</rst>
"""

TEXT = 'The mayor said that the bridge won\'t reopen.\n\n"Repairs take time," she added. Photo: Jane Roe.'


def _span(text: str, part: str, after: int = 0) -> list[int]:
    start = text.index(part, after)
    return [start, start + len(part)]


def _claim(**fields: Any) -> dict[str, Any]:
    return {"source": None, "cue": None, "polarity": "positive", "credit": False, **fields}


def test_text_is_rebuilt_from_tokens_spaces_and_paragraphs() -> None:
    """SpaceAfter=No joins words, a multiword token's words split its surface form, # newpar is a blank line."""
    text = rebuild_text(CONLLU)
    assert TEXT == text.text
    assert ["wo", "n't"] == [text.text[t.start : t.end] for t in text.tokens[6:8]]
    assert [t.form for t in text.tokens] == [text.text[t.start : t.end] for t in text.tokens]
    assert 18 == text.tokens[12].head  # "take" hangs from "added", counted over the whole document


def test_nucleus_tokens_leave_out_the_nucleus_own_satellites() -> None:
    """A nucleus is its own tokens; satellites attached to it stand beside it (and are under its group)."""
    nodes, _ = read_rs4(RS4)
    assert set(range(11, 17)) == own_tokens(nodes["3"])
    assert set(range(11, 25)) == all_tokens(nodes["3"])
    assert set(range(1, 11)) == all_tokens(nodes["7"])


def test_attributions_become_claims_with_character_spans() -> None:
    """Source and cue come from the signals, content from the nucleus without `that`, quotes or punctuation;
    a secondary edge counts; a cue-less credit line is flagged."""
    record = convert_document("TEST_news_bridge", "news", "dev", CONLLU, RS4)
    bridge = _span(TEXT, "the bridge won't reopen")
    repairs = _span(TEXT, "Repairs take time")
    added = _span(TEXT, "added")
    expected = [
        _claim(source=_span(TEXT, "The mayor"), cue=_span(TEXT, "said"), content=bridge),
        _claim(cue=added, content=bridge, polarity="negative"),
        _claim(source=_span(TEXT, "Jane Roe"), content=repairs, credit=True),
        _claim(source=_span(TEXT, "she"), cue=added, content=repairs),
    ]
    actual = [{k: v for k, v in a.items() if k != "rst"} for a in record["attributions"]]  # type: ignore[attr-defined]
    assert expected == [{k: list(v) if isinstance(v, tuple) else v for k, v in a.items()} for a in actual]
    assert (TEXT, 24) == (record["text"], record["tokens"])


def test_splits_are_read_from_splits_md() -> None:
    """splits.md lists documents under `## dev`, `## test`, `## train` headings."""
    md = "# Splits\n\n## dev\n\n  * GUM_news_a\n\n## train\n\n  * GUM_news_b\n  * GUM_bio_c\n"
    assert {"GUM_news_a": "dev", "GUM_news_b": "train", "GUM_bio_c": "train"} == read_splits(md)
