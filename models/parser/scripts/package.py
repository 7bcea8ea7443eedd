"""Writes the trained pipeline into the folder the claimwire package ships, with its meta, licence and sums.

DEST gets: the pipeline (config.cfg, meta.json, one folder per component), data.lock.json (the inputs'
commits and sha256s), metrics/ (the held-out scores, when given), LICENSE and NOTICE (the data's
licences: the pipeline is a work derived from CC BY-SA data, so it is CC BY-SA 4.0) and SHA256SUMS.
"""

import argparse
import hashlib
import json
import shutil
from pathlib import Path

import spacy

NAME = "claimwire_ud"
VERSION = "0.1.0"
LICENSE = "CC BY-SA 4.0"
NOTICE = """\
en_claimwire_ud: a spaCy pipeline trained by claimwire (models/parser in its repository) from:

- GUM, the Georgetown University Multilayer corpus (https://github.com/amir-zeldes/gum), commit {gum}:
  the UD trees (dep/*.conllu) and entity layer of the documents in the genres news and interview
  (texts from Wikinews, CC BY 2.5), academic and court (CC BY 4.0), bio and voyage (texts from Wikipedia
  and Wikivoyage, CC BY-SA 3.0); GUM's annotations are CC BY 4.0. Other GUM genres are not used.
- UD English EWT (https://github.com/UniversalDependencies/UD_English-EWT), commit {ewt}: the dev and test
  files, CC BY-SA 4.0 (annotations (c) 2013-2021 The Board of Trustees of The Leland Stanford Junior
  University; the English Web Treebank texts are LDC2012T13).

data.lock.json names every input file with its sha256. Because the training data include share-alike
material (EWT, CC BY-SA 4.0; GUM bio and voyage, CC BY-SA 3.0), this pipeline's model files are licensed
under the Creative Commons Attribution-ShareAlike 4.0 International licence:
https://creativecommons.org/licenses/by-sa/4.0/ . Attribution: GUM (Zeldes 2017, "The GUM Corpus: Creating
Multilayer Resources in the Classroom", Language Resources and Evaluation 51(3)) and UD English EWT
(Silveira et al. 2014). The claimwire code that loads it is MIT licensed.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--lock", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True, help="stats.json from prepare.py")
    parser.add_argument("--metrics", type=Path, help="the folder evaluate.py wrote")
    args = parser.parse_args()
    lock = json.loads(args.lock.read_text(encoding="utf-8"))
    nlp = spacy.load(args.model)
    sources = lock["sources"]
    nlp.meta.update(
        name=NAME,
        version=VERSION,
        description="UD tagger, morphologizer, lemmatizer, parser (sentences) and named entities (PERSON, ORG, "
        "PLACE) for English news, trained from scratch on GUM (permissive genres) and UD English EWT dev/test",
        author="claimwire",
        license=LICENSE,
        url="https://github.com/amir-zeldes/gum",
        spacy_version=">=3.8.18,<3.9",
        sources=[
            {"name": "GUM (permissive genres: news, interview, academic, court, bio, voyage)",
             "url": sources["gum"]["url"], "commit": sources["gum"]["commit"],
             "license": "CC BY 4.0 annotations; texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0 by genre"},
            {"name": "UD English EWT (dev and test files)", "url": sources["ewt"]["url"],
             "commit": sources["ewt"]["commit"], "license": "CC BY-SA 4.0"},
        ],
        data={"lock_sha256": sha256(args.lock), "files": len(lock["files"]),
              "stats": json.loads(args.stats.read_text(encoding="utf-8"))},
    )
    if args.dest.exists():
        shutil.rmtree(args.dest)
    nlp.to_disk(args.dest)
    shutil.copy2(args.lock, args.dest / "data.lock.json")
    if args.metrics:
        shutil.copytree(args.metrics, args.dest / "metrics")
    (args.dest / "LICENSE").write_text(
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)\n"
        "https://creativecommons.org/licenses/by-sa/4.0/legalcode\n\nSee NOTICE for the data and attribution.\n",
        encoding="utf-8",
    )
    (args.dest / "NOTICE").write_text(
        NOTICE.format(gum=sources["gum"]["commit"], ewt=sources["ewt"]["commit"]), encoding="utf-8"
    )
    files = sorted(p for p in args.dest.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    sums = "".join(f"{sha256(p)}  {p.relative_to(args.dest).as_posix()}\n" for p in files)
    (args.dest / "SHA256SUMS").write_text(sums, encoding="utf-8")
    size = sum(p.stat().st_size for p in files)
    print(f"packaged {NAME} {VERSION} into {args.dest}: {len(files)} files, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
