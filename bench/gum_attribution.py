"""GUM's attribution relations as claimwire gold: plain text with source, cue and content character spans.

    uv run python bench/gum_attribution.py convert --gum /work/.mirror/amir-zeldes+gum/repo
    uv run python bench/gum_attribution.py stats

`convert` reads a GUM checkout or bare git dir (dep/*.conllu for tokens and text, rst/rstweb/*.rs4 for the
eRST trees and their signals, splits.md for the split) and writes bench/data/gum_attribution/{train,dev,test}.jsonl,
one document a line. Only the genres whose text licence allows redistribution are read (`GENRES`). How GUM's
units become claims is documented in bench/data/gum_attribution/README.md; in short:

- text: the conllu tokens joined by their SpaceAfter, sentences of a paragraph by one space, paragraphs
  (`# newpar`) by a blank line;
- an `attribution-positive`/`-negative` relation (tree edge or eRST secondary edge) is one claim: its
  satellite is the attributing unit, its nucleus (without the nucleus's other satellites) the content;
- source = the `semantic-attribution_source` signal tokens, cue = the `lexical-indicative_word`/`_phrase`
  tokens of that relation not already in the source; each one contiguous run of its tokens;
- `credit`: true for image credits, bylines and author blocks (no cue, no verbal head, whole sentences);
- content = the nucleus tokens, trimmed at both edges of punctuation, source and cue tokens and a leading
  complementizer `that`.
"""

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "bench" / "data" / "gum_attribution"

#: Genres whose texts may be redistributed (GUM LICENSE.txt); the annotations are CC BY 4.0 throughout.
GENRES: dict[str, str] = {
    "news": "CC BY 2.5 (Wikinews)",
    "interview": "CC BY 2.5 (Wikinews)",
    "academic": "CC BY 4.0",
    "court": "CC BY 4.0",
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
}
SPLITS = ("train", "dev", "test")
ATTRIBUTION = ("attribution-positive", "attribution-negative")
CUE_SUBTYPES = ("indicative_word", "indicative_phrase")

Span = tuple[int, int]


@dataclass(frozen=True)
class Token:
    """One syntactic word of the conllu, with its character offsets in the rebuilt text."""

    start: int
    end: int
    form: str
    upos: str
    lemma: str
    deprel: str
    head: int
    """GUM token number of the syntactic head, 0 for a sentence root."""
    sentence: int
    """Number of the sentence, from 0."""


@dataclass(frozen=True)
class Text:
    """A document's plain text and its words, in order (GUM token n is `tokens[n - 1]`)."""

    text: str
    tokens: tuple[Token, ...]


# ---------------------------------------------------------------------------------------------- text


def rebuild_text(conllu: str) -> Text:
    """Plain text of one conllu document and the character span of every word.

    Words are joined with one space unless SpaceAfter=No (on the word, or on its multiword token, whose
    words then split its surface form); the sentences of a paragraph by one space unless the last word has
    SpaceAfter=No; a `# newpar` starts a new paragraph after a blank line. Each sentence must equal its
    `# text` comment.
    """
    parts: list[str] = []
    tokens: list[Token] = []
    pos = 0
    sep = ""
    expected = ""
    sentence_start = 0
    sentence = -1
    base = 0  # words before the current sentence
    mwt_end, mwt_space = 0, True
    for line in conllu.splitlines():
        if line == "# newpar" or line.startswith("# newpar "):
            sep = "\n\n" if parts else ""
        elif line.startswith("# text = "):
            expected = line.removeprefix("# text = ")
            sentence_start = pos + len(sep)
            sentence += 1
            base = len(tokens)
        elif not line and expected:
            actual = "".join(parts)[sentence_start:]
            if actual != expected:
                raise ValueError(f"sentence rebuilt as {actual!r}, its # text is {expected!r}")
            expected = ""
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            space_after = "SpaceAfter=No" not in cols[9].split("|")
            if "-" in cols[0]:
                mwt_end, mwt_space = int(cols[0].split("-")[1]), space_after
                continue
            if "." in cols[0]:
                continue
            word_id, form = int(cols[0]), cols[1]
            if word_id < mwt_end:
                space_after = False
            elif word_id == mwt_end:
                space_after, mwt_end = mwt_space, 0
            parts += [sep, form]
            pos += len(sep)
            head = int(cols[6]) + base if cols[6] != "0" else 0
            tokens.append(Token(pos, pos + len(form), form, cols[3], cols[2], cols[7], head, sentence))
            pos += len(form)
            sep = " " if space_after else ""
    return Text("".join(parts), tuple(tokens))


# ---------------------------------------------------------------------------------------------- eRST


@dataclass
class Node:
    """An eRST node: a segment (EDU, with its GUM token numbers) or a span or multinuc group."""

    node_id: str
    kind: str
    parent: str | None
    relname: str
    tokens: range = range(0)
    forms: tuple[str, ...] = ()
    members: list["Node"] = field(default_factory=list)
    satellites: list["Node"] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    """One attribution relation: attributing node, attributed node, polarity, and its signal tokens."""

    satellite: str
    nucleus: str
    polarity: str
    secondary: bool
    source: frozenset[int]
    cue: frozenset[int]


def read_rs4(xml: str) -> tuple[dict[str, Node], list[Relation]]:
    """Nodes of an rs4 document (segment tokens numbered from 1 in segment order) and its attributions.

    rstWeb's model: a satellite points at its nucleus; a span group's head has relname `span`; a multinuc
    group's members carry the group's multinuclear relation. So a node's children are either its
    structure (head or members) or satellites attached to it.
    """
    root = ET.fromstring(xml)
    multinuc = {r.get("name") for r in root.iter("rel") if r.get("type") == "multinuc"}
    body = root.find("body")
    nodes: dict[str, Node] = {}
    next_token = 1
    for el in body if body is not None else ():
        if el.tag == "segment":
            forms = tuple((el.text or "").split())
            span = range(next_token, next_token + len(forms))
            nodes[el.get("id", "")] = Node(
                el.get("id", ""), "segment", el.get("parent"), el.get("relname", ""), span, forms
            )
            next_token += len(forms)
        elif el.tag == "group":
            nodes[el.get("id", "")] = Node(
                el.get("id", ""), el.get("type", ""), el.get("parent"), el.get("relname", "")
            )
    for node in nodes.values():
        if node.parent is None:
            continue
        parent = nodes[node.parent]
        is_member = (parent.kind == "span" and node.relname == "span") or (
            parent.kind == "multinuc" and node.relname in multinuc
        )
        (parent.members if is_member else parent.satellites).append(node)
    return nodes, _relations(root, nodes)


def _relations(root: ET.Element, nodes: dict[str, Node]) -> list[Relation]:
    signals: dict[str, dict[str, set[int]]] = {}
    for sig in root.iter("signal"):
        kind = None
        if sig.get("type") == "semantic" and sig.get("subtype") == "attribution_source":
            kind = "source"
        elif sig.get("type") == "lexical" and sig.get("subtype") in CUE_SUBTYPES:
            kind = "cue"
        if kind is not None:
            toks = {int(t) for t in (sig.get("tokens") or "").split(",") if t}
            signals.setdefault(sig.get("source", ""), {}).setdefault(kind, set()).update(toks)
    edges = [(n.node_id, n.parent or "", n.relname, False) for n in nodes.values()]
    edges += [(e.get("source", ""), e.get("target", ""), e.get("relname", ""), True) for e in root.iter("secedge")]
    relations = []
    for sat, nuc, relname, secondary in edges:
        if relname in ATTRIBUTION and sat and nuc:
            marks = signals.get(f"{sat}-{nuc}" if secondary else sat, {})
            relations.append(
                Relation(
                    sat,
                    nuc,
                    relname.removeprefix("attribution-"),
                    secondary,
                    frozenset(marks.get("source", set())),
                    frozenset(marks.get("cue", set())),
                )
            )
    return relations


def own_tokens(node: Node) -> set[int]:
    """Tokens of `node` as the nucleus of a relation: its segment, or its head / members with everything
    under them, but not the satellites attached to `node` itself (they stand beside it)."""
    toks = set(node.tokens)
    for member in node.members:
        toks |= all_tokens(member)
    return toks


def all_tokens(node: Node) -> set[int]:
    """Every token under `node`, the satellites attached to it included."""
    toks = own_tokens(node)
    for sat in node.satellites:
        toks |= all_tokens(sat)
    return toks


# ---------------------------------------------------------------------------------------------- claims


def runs(toks: Iterable[int]) -> list[list[int]]:
    """Runs of consecutive token numbers, in order."""
    out: list[list[int]] = []
    for t in sorted(toks):
        if out and t == out[-1][-1] + 1:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def heads_of(unit: set[int], text: Text) -> set[int]:
    """Tokens of `unit` whose syntactic head lies outside it: what the unit hangs from."""
    return {t for t in unit if text.tokens[t - 1].head not in unit}


def cue_run(cue: set[int], unit_heads: set[int]) -> list[int]:
    """The run of cue tokens that holds a head of the attributing unit (`when asked about it, she later
    added`: added), else the longest, the last of equal length."""
    found = runs(cue)
    with_head = [r for r in found if unit_heads & set(r)]
    return with_head[0] if with_head else max(reversed(found), key=len, default=[])


def source_run(source: set[int], cue: list[int]) -> list[int]:
    """The longest run of source tokens, the one nearest the cue of equal length."""
    anchor = cue[0] if cue else 0
    found = runs(source)
    return min(found, key=lambda r: (-len(r), min(abs(r[0] - anchor), abs(r[-1] - anchor))), default=[])


def is_credit(unit: set[int], has_cue: bool, text: Text) -> bool:
    """A credit or byline rather than a claim: no cue signalled, nothing verbal or adjectival that the unit
    hangs from, and either whole sentences (an author block, a speaker's name before a court argument) or
    no preposition (`Photo: Jane Roe.` after a caption, `— Daily Gazette, May 2, 2010`). `according to X`
    and `in the words of X` keep their preposition and stay claims."""
    if has_cue or any(text.tokens[t - 1].upos in ("VERB", "AUX", "ADJ") for t in heads_of(unit, text)):
        return False
    first, last = min(unit), max(unit)
    starts = first == 1 or text.tokens[first - 2].sentence != text.tokens[first - 1].sentence
    ends = last == len(text.tokens) or text.tokens[last].sentence != text.tokens[last - 1].sentence
    return (starts and ends) or not any(text.tokens[t - 1].upos == "ADP" for t in unit)


def _char_span(run: list[int], text: Text) -> Span | None:
    if not run:
        return None
    return text.tokens[run[0] - 1].start, text.tokens[run[-1] - 1].end


QUOTES = frozenset({'"', "“", "”", "``", "''"})


def content_run(toks: set[int], skip: set[int], text: Text) -> list[int]:
    """The nucleus tokens from first to last, trimmed at both edges of punctuation, of source and cue
    tokens and of a leading complementizer `that`. A quote mark at an edge goes only when the quote marks
    left inside stay paired (`"waive" means to drop` keeps its opening mark)."""
    run = list(range(min(toks), max(toks) + 1))

    def quote(t: int) -> bool:
        return text.tokens[t - 1].form in QUOTES

    def paired(ts: list[int]) -> bool:
        return sum(map(quote, ts)) % 2 == 0

    def droppable(t: int, leading: bool) -> bool:
        tok = text.tokens[t - 1]
        if t in skip or (tok.upos in ("PUNCT", "SYM") and not tok.form.isalnum() and not quote(t)):
            return True
        return leading and tok.lemma.lower() == "that" and tok.deprel == "mark"

    while run:
        if droppable(run[0], leading=True):
            run.pop(0)
        elif droppable(run[-1], leading=False):
            run.pop()
        elif len(run) > 1 and quote(run[0]) and quote(run[-1]) and paired(run[1:-1]):
            run = run[1:-1]
        elif quote(run[0]) and paired(run[1:]):
            run.pop(0)
        elif quote(run[-1]) and paired(run[:-1]):
            run.pop()
        else:
            break
    return run


def attribution_claims(nodes: dict[str, Node], relations: list[Relation], text: Text) -> list[dict[str, Any]]:
    """One gold claim per attribution relation, in text order of content, then cue."""
    claims = []
    for rel in relations:
        content = own_tokens(nodes[rel.nucleus])
        unit = all_tokens(nodes[rel.satellite])
        cue = cue_run(set(rel.cue - rel.source) or set(rel.cue), heads_of(unit, text))
        source = source_run(set(rel.source), cue)
        body = content_run(content, set(rel.source) | set(rel.cue), text)
        if not body:
            continue
        claims.append(
            {
                "source": _char_span(source, text),
                "cue": _char_span(cue, text),
                "content": _char_span(body, text),
                "polarity": rel.polarity,
                "credit": is_credit(unit, bool(rel.cue), text),
                "rst": {"satellite": rel.satellite, "nucleus": rel.nucleus, "secondary": rel.secondary},
            }
        )
    return sorted(claims, key=lambda c: (c["content"], c["cue"] or (0, 0)))


# ---------------------------------------------------------------------------------------------- documents


def convert_document(doc_id: str, genre: str, split: str, conllu: str, rs4: str) -> dict[str, Any]:
    """One JSONL record: the rebuilt text and its gold attributions."""
    text = rebuild_text(conllu)
    nodes, relations = read_rs4(rs4)
    n_rst = max((t for n in nodes.values() for t in n.tokens), default=0)
    if n_rst != len(text.tokens):
        raise ValueError(f"{doc_id}: {n_rst} eRST tokens but {len(text.tokens)} conllu words")
    differ = [
        (t, form, text.tokens[t - 1].form)
        for node in nodes.values()
        for t, form in zip(node.tokens, node.forms, strict=True)
        if form != text.tokens[t - 1].form
    ]
    if len(differ) > 3:
        raise ValueError(f"{doc_id}: {len(differ)} tokens differ between rs4 and conllu, first {differ[:3]}")
    for t, rst_form, form in differ:  # a spelling corrected in one layer only: the token order still holds
        print(f"note: {doc_id} token {t} is {rst_form!r} in rs4, {form!r} in conllu", file=sys.stderr)
    return {
        "doc_id": doc_id,
        "genre": genre,
        "split": split,
        "tokens": len(text.tokens),
        "text": text.text,
        "attributions": attribution_claims(nodes, relations, text),
    }


def read_splits(splits_md: str) -> dict[str, str]:
    """Document name → split, from GUM's splits.md (`## dev` headings, `  * GUM_x` items)."""
    split = ""
    out = {}
    for line in splits_md.splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif m := re.match(r"\s*\*\s*(\S+)", line):
            out[m.group(1)] = split
    return out


def _materialise(gum: Path, into: Path) -> str:
    """Copy dep/, rst/rstweb/, splits.md and LICENSE.txt of `gum` (a bare git dir or a checkout) under
    `into`; return the commit converted ("unknown" for a folder outside git)."""
    paths = ["dep", "rst/rstweb", "splits.md", "LICENSE.txt"]
    checkout = (gum / "dep").is_dir()
    git = ["git", "-C", str(gum)] if checkout else ["git", "--git-dir", str(gum)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=False).stdout.strip()
    if checkout:
        for p in paths:
            (into / p).parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["cp", "-r", str(gum / p), str(into / p)], check=True)
        return commit or "unknown"
    archive = subprocess.run([*git, "archive", "HEAD", *paths], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return commit


def documents(root: Path) -> Iterator[tuple[str, str, str]]:
    """(doc id, genre, split) of every permissively licensed GUM document, in split then name order."""
    splits = read_splits((root / "splits.md").read_text(encoding="utf-8"))
    for split in SPLITS:
        for doc_id in sorted(d for d, s in splits.items() if s == split):
            genre = doc_id.split("_")[1]
            if doc_id.startswith("GUM_") and genre in GENRES:
                yield doc_id, genre, split


def convert(gum: Path, out_dir: Path) -> None:
    """Write {train,dev,test}.jsonl and SOURCES.sha256 (inputs read, with the GUM commit) into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        commit = _materialise(gum, root)
        records: dict[str, list[str]] = {s: [] for s in SPLITS}
        inputs = ["splits.md", "LICENSE.txt"]
        for doc_id, genre, split in documents(root):
            conllu = f"dep/{doc_id}.conllu"
            rs4 = f"rst/rstweb/{doc_id}.rs4"
            inputs += [conllu, rs4]
            record = convert_document(
                doc_id,
                genre,
                split,
                (root / conllu).read_text(encoding="utf-8"),
                (root / rs4).read_text(encoding="utf-8"),
            )
            records[split].append(json.dumps(record, ensure_ascii=False))
        for split, lines in records.items():
            (out_dir / f"{split}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        sums = [f"# amir-zeldes/gum commit {commit}"]
        sums += [f"{hashlib.sha256((root / p).read_bytes()).hexdigest()}  {p}" for p in inputs]
        (out_dir / "SOURCES.sha256").write_text("\n".join(sums) + "\n", encoding="utf-8")
    print(f"converted GUM {commit}: " + ", ".join(f"{s} {len(r)} docs" for s, r in records.items()))


# ---------------------------------------------------------------------------------------------- stats


def load(split: str, data_dir: Path = OUT_DIR) -> list[dict[str, Any]]:
    """The documents of one split, as written by `convert`."""
    path = data_dir / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def stats(data_dir: Path = OUT_DIR) -> str:
    """A Markdown table per split and genre: documents, tokens, attributions, those scored (not credits), of
    those the ones without a cue, and negative attributions."""
    rows = [
        "| split | genre | docs | tokens | attributions | scored (not credits) | of which null cue | negative |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split in SPLITS:
        per: dict[str, Counter[str]] = {}
        for doc in load(split, data_dir):
            c = per.setdefault(doc["genre"], Counter())
            atts = doc["attributions"]
            c["docs"] += 1
            c["tokens"] += doc["tokens"]
            c["attributions"] += len(atts)
            c["scored"] += sum(not a["credit"] for a in atts)
            c["null cue"] += sum(a["cue"] is None and not a["credit"] for a in atts)
            c["negative"] += sum(a["polarity"] == "negative" for a in atts)
        total: Counter[str] = sum(per.values(), Counter())
        for genre, c in [*sorted(per.items()), ("all", total)]:
            cells = [c[k] for k in ("docs", "tokens", "attributions", "scored", "null cue", "negative")]
            rows.append(f"| {split} | {genre} | " + " | ".join(f"{v:,}" for v in cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="rebuild the JSONL from a GUM checkout or bare git dir")
    conv.add_argument(
        "--gum", type=Path, required=True, help="GUM checkout or bare git dir (fetch github:amir-zeldes/gum)"
    )
    conv.add_argument("--out", type=Path, default=OUT_DIR)
    st = sub.add_parser("stats", help="sizes per split and genre, as a Markdown table")
    st.add_argument("--data", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    if args.command == "convert":
        convert(args.gum, args.out)
    else:
        print(stats(args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
