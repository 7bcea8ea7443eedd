"""Reads the pinned GUM and UD English EWT trees from local git repositories and writes spaCy corpora.

Nothing is downloaded: GUM and EWT are read from git repositories already on disk (a clone or a bare
mirror), at the commits named in data.lock.json, and every input file's sha256 is checked against that
lock. `--update-lock` re-pins to the repositories' HEAD and rewrites the lock instead.

Output, under OUT:
- train.spacy: GUM train (permissive genres) + EWT dev + EWT test, one Doc per document;
- dev.spacy, test.spacy: GUM dev and test (permissive genres), one Doc per document;
- dev/<genre>.spacy, test/<genre>.spacy: the same, per genre;
- stats.json: documents, sentences and tokens per split and source.

GUM documents carry named entities derived from GUM's entity layer (the conllu's Entity= attributes; see
named_entities); EWT documents have no entity layer here, so their entities are left missing, not "O".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin, Span, Token
from spacy.training.converters import conllu_to_docs

#: GUM genres whose text licence lets us train on and ship a model from them (GUM's LICENSE.txt).
PERMISSIVE_GENRES = {
    "news": "CC BY 2.5 (Wikinews)",
    "interview": "CC BY 2.5 (Wikinews)",
    "academic": "CC BY 4.0",
    "court": "CC BY 4.0",
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
}
EWT_FILES = {"en_ewt-ud-dev.conllu": "train", "en_ewt-ud-test.conllu": "train"}
GUM_META_FILES = ("LICENSE.txt", "splits.md")
EWT_META_FILES = ("LICENSE.txt",)
#: GUM entity types kept as named entities, and their labels.
ENTITY_LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
#: Function words that may stand between two words of one name ("Bank of America"); not "and", which
#: joins two names more often than it sits inside one.
BRIDGE_POS = {"ADP", "DET"}
#: How paragraphs are separated in the training documents, in turn: as news text ("\n", "\n\n") or as UD
#: text (a space, "").
PARAGRAPH_BREAKS = ("\n", "", "\n\n", "")
SOURCES = {
    "gum": {"url": "https://github.com/amir-zeldes/gum", "license": "CC BY 4.0 annotations; texts per genre"},
    "ewt": {"url": "https://github.com/UniversalDependencies/UD_English-EWT", "license": "CC BY-SA 4.0"},
}


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def read_splits(text: str) -> dict[str, str]:
    """GUM's splits.md: '## dev' headings followed by '  * GUM_x_y' lines; documents not listed are train."""
    splits, current = {}, ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current:
            splits[line.strip()[2:].strip()] = current
    return splits


def gum_inputs(repo: Path, commit: str) -> dict[str, dict[str, str]]:
    """The GUM documents in permissive genres, with their split and genre."""
    splits = read_splits(git(repo, "show", f"{commit}:splits.md").decode())
    files = {}
    for path in git(repo, "ls-tree", "--name-only", commit, "dep/").decode().split():
        name = Path(path).stem
        parts = name.split("_")
        if not path.endswith(".conllu") or parts[0] != "GUM" or parts[1] not in PERMISSIVE_GENRES:
            continue
        files[path] = {"split": splits.get(name, "train"), "genre": parts[1]}
    return files


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def build_lock(gum: Path, ewt: Path) -> dict[str, Any]:
    lock: dict[str, Any] = {"sources": {}, "files": {}}
    for key, repo in (("gum", gum), ("ewt", ewt)):
        commit = git(repo, "rev-parse", "HEAD").decode().strip()
        date = git(repo, "show", "-s", "--format=%cI", commit).decode().strip()
        lock["sources"][key] = {**SOURCES[key], "commit": commit, "commit_date": date}
    gum_commit, ewt_commit = lock["sources"]["gum"]["commit"], lock["sources"]["ewt"]["commit"]
    entries: list[tuple[str, Path, str, dict[str, str]]] = [
        *(("gum", gum, p, {"role": "metadata"}) for p in GUM_META_FILES),
        *(("gum", gum, p, meta) for p, meta in sorted(gum_inputs(gum, gum_commit).items())),
        *(("ewt", ewt, p, {"role": "metadata"}) for p in EWT_META_FILES),
        *(("ewt", ewt, p, {"split": split, "genre": "ewt"}) for p, split in EWT_FILES.items()),
    ]
    for key, repo, path, meta in entries:
        commit = gum_commit if key == "gum" else ewt_commit
        lock["files"][f"{key}/{path}"] = {**meta, "sha256": sha256(git(repo, "show", f"{commit}:{path}"))}
    return lock


def read_locked(lock: dict[str, Any], repos: dict[str, Path]) -> dict[str, bytes]:
    """Every file named in the lock, read at its pinned commit; fails on any checksum mismatch."""
    contents = {}
    for name, entry in lock["files"].items():
        key, path = name.split("/", 1)
        data = git(repos[key], "show", f"{lock['sources'][key]['commit']}:{path}")
        if sha256(data) != entry["sha256"]:
            raise SystemExit(f"checksum mismatch for {name}: expected {entry['sha256']}, got {sha256(data)}")
        contents[name] = data
    return contents


def split_documents(conllu: str) -> list[str]:
    """Cuts a multi-document conllu file at '# newdoc' comments."""
    documents: list[list[str]] = []
    for block in conllu.strip().split("\n\n"):
        if block.startswith("# newdoc") or "\n# newdoc" in block or not documents:
            documents.append([])
        documents[-1].append(block)
    return ["\n\n".join(blocks) + "\n" for blocks in documents]


def conllu_document(conllu: str) -> Doc:
    """One Doc for one document; multiword tokens stay split into their words (all of GUM's and EWT's join
    back to the surface form, e.g. "don't" = "do" + "n't", as spaCy's English tokenizer splits them)."""
    (doc,) = conllu_to_docs(conllu, n_sents=10**9, no_print=True)
    return doc


def paragraph_starts(conllu: str) -> list[int]:
    """Word indices (over the document) of the sentences that open a paragraph, the first one excepted."""
    starts, index = [], 0
    for block in conllu.strip().split("\n\n"):
        lines = block.splitlines()
        if index and any(line.startswith("# newpar") for line in lines):
            starts.append(index)
        index += sum(1 for line in lines if line.split("\t", 1)[0].isdigit())
    return starts


def with_paragraph_breaks(doc: Doc, starts: list[int], break_text: str) -> Doc:
    """The document as news text is written: a whitespace token ("\n" or "\n\n") ends each paragraph.

    UD text joins sentences with spaces; real articles separate paragraphs with newlines, which spaCy's
    tokenizer keeps as whitespace tokens. Trained on both forms, the parser learns to attach such a token
    to the word before it (dep "dep", tag "_SP", POS "SPACE", as spaCy's own pipelines do) and to start a
    sentence after it. Heads and entities are carried over to the new token positions.
    """
    breaks = set(starts)
    words, spaces, tags, poses, morphs, lemmas, deps, heads, ents = [], [], [], [], [], [], [], [], []
    new_index: dict[int, int] = {}
    space_heads: dict[int, int] = {}
    for token in doc:
        if token.i in breaks:
            spaces[-1] = False
            space_heads[len(words)] = token.i - 1
            words.append(break_text)
            spaces.append(False)
            tags.append("_SP")
            poses.append("SPACE")
            morphs.append("")
            lemmas.append(break_text)
            deps.append("dep")
            heads.append(-1)
            ents.append("O" if doc.has_annotation("ENT_IOB") else "")
        new_index[token.i] = len(words)
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        tags.append(token.tag_)
        poses.append(token.pos_)
        morphs.append(str(token.morph))
        lemmas.append(token.lemma_)
        deps.append(token.dep_)
        heads.append(token.head.i)
        ents.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else token.ent_iob_)
    for position, head in enumerate(heads):
        heads[position] = new_index[head] if head >= 0 else -1
    for position, old in space_heads.items():
        heads[position] = new_index[old]
    return Doc(
        doc.vocab, words=words, spaces=spaces, tags=tags, pos=poses, morphs=morphs, lemmas=lemmas,
        heads=heads, deps=deps, ents=ents if doc.has_annotation("ENT_IOB") else None,
    )


ENTITY_PART = re.compile(r"\(([^()]*)(\))?|(\d+)\)")


def mentions(conllu: str) -> list[tuple[int, int, str]]:
    """GUM's entity mentions as (first word, last word, entity type), word indices over the document."""
    found: list[tuple[int, int, str]] = []
    open_: dict[str, list[tuple[int, str]]] = defaultdict(list)
    index = -1
    for line in conllu.splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        index += 1
        for part in cols[9].split("|"):
            if not part.startswith("Entity="):
                continue
            for match in ENTITY_PART.finditer(part[len("Entity="):]):
                if match.group(1) is not None:
                    ident, etype = match.group(1).split("-")[:2]
                    if match.group(2):
                        found.append((index, index, etype))
                    else:
                        open_[ident].append((index, etype))
                else:
                    start, etype = open_[match.group(3)].pop()
                    found.append((start, index, etype))
    return found


def is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.pos_ in {"ADJ", "NUM", "VERB"} and token.text[:1].isupper())


def is_bridge(token: Token) -> bool:
    """A function word inside a name, or a hyphen that joins two words of one ("Bailey-Ross")."""
    joined = token.tag_ == "HYPH" and not token.whitespace_ and not token.nbor(-1).whitespace_
    return token.pos_ in BRIDGE_POS or joined


def name_span(doc: Doc, start: int, end: int) -> Span | None:
    """The name in the mention doc[start:end+1], or None: the mention's head must be a proper noun, and the
    name is the run of proper nouns (and capitalised adjectives) around it, bridged by up to two function
    words between names ("University of the Witwatersrand"); so "the", a possessive "'s", an apposition
    (", 42,") or a relative clause are left out."""
    mention = doc[start : end + 1]
    if not is_name_word(mention.root) or mention.root.pos_ != "PROPN":
        return None
    first = last = mention.root.i
    while True:
        for gap in (0, 1, 2):
            j = last + gap + 1
            bridge = doc[last + 1 : j]
            if j <= end and is_name_word(doc[j]) and all(is_bridge(t) for t in bridge):
                last = j
                break
        else:
            break
    while True:
        for gap in (0, 1, 2):
            j = first - gap - 1
            bridge = doc[j + 1 : first]
            if j >= start and is_name_word(doc[j]) and all(is_bridge(t) for t in bridge):
                first = j
                break
        else:
            break
    return doc[first : last + 1]


def named_entities(doc: Doc, conllu: str) -> list[Span]:
    """Outermost named mentions of the kept types; a mention that is not a name may hold names inside."""
    spans = []
    for start, end, etype in mentions(conllu):
        if etype in ENTITY_LABELS and (span := name_span(doc, start, end)) is not None:
            spans.append(Span(doc, span.start, span.end, label=ENTITY_LABELS[etype]))
    spans.sort(key=lambda s: (s.start, -len(s)))
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def convert(lock: dict[str, Any], contents: dict[str, bytes], out: Path) -> dict[str, Any]:
    groups: dict[tuple[str, str], list[Doc]] = defaultdict(list)
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    trained = 0
    for name, entry in lock["files"].items():
        if "split" not in entry:
            continue
        text = contents[name].decode("utf-8")
        for document in split_documents(text) if name.startswith("ewt/") else [text]:
            doc = conllu_document(document)
            if name.startswith("gum/"):
                doc.ents = named_entities(doc, document)  # type: ignore[misc]
            source = "gum" if name.startswith("gum/") else "ewt"
            counts = stats[f"{entry['split']}/{source}/{entry['genre']}"]
            counts.update(docs=1, sentences=len(list(doc.sents)), tokens=len(doc), entities=len(doc.ents))
            if entry["split"] == "train":
                # Half the training documents as news text ("\n" or "\n\n" between paragraphs), half as UD
                # text; dev and test stay UD text, so their scores compare with other UD English results.
                trained += 1
                if break_text := PARAGRAPH_BREAKS[trained % len(PARAGRAPH_BREAKS)]:
                    doc = with_paragraph_breaks(doc, paragraph_starts(document), break_text)
            groups[(entry["split"], entry["genre"])].append(doc)
    for split in ("train", "dev", "test"):
        docs = [d for (s, _), ds in sorted(groups.items()) if s == split for d in ds]
        DocBin(docs=docs).to_disk(out / f"{split}.spacy")
        if split != "train":
            (out / split).mkdir(parents=True, exist_ok=True)
            for (s, genre), genre_docs in sorted(groups.items()):
                if s == split:
                    DocBin(docs=genre_docs).to_disk(out / split / f"{genre}.spacy")
    return {key: dict(value) for key, value in sorted(stats.items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gum", type=Path, help="a git repository of amir-zeldes/gum (clone or bare mirror)")
    parser.add_argument("ewt", type=Path, help="a git repository of UniversalDependencies/UD_English-EWT")
    parser.add_argument("out", type=Path, help="folder for the .spacy corpora and stats.json")
    parser.add_argument("--lock", type=Path, required=True, help="data.lock.json: pinned commits and sha256s")
    parser.add_argument("--update-lock", action="store_true", help="re-pin to the repositories' HEAD")
    args = parser.parse_args()
    if args.update_lock or not args.lock.exists():
        args.lock.write_text(json.dumps(build_lock(args.gum, args.ewt), indent=1) + "\n", encoding="utf-8")
    lock = json.loads(args.lock.read_text(encoding="utf-8"))
    contents = read_locked(lock, {"gum": args.gum, "ewt": args.ewt})
    args.out.mkdir(parents=True, exist_ok=True)
    stats = convert(lock, contents, args.out)
    (args.out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    for key, counts in stats.items():
        print(key, counts)


if __name__ == "__main__":
    main()
