"""The general reader's cost beside the shape loaders', on the same documents, in one run.

Run:  python bench/bench_general.py [--repeat N]

For each real plan (../shared/corpus) it times extraction by the plan's own shape loader and by
the general reader (``extract(doc, "general")``), best of N, side by side; then the general
reader on the development corpus (tests/dev_corpus, 25 web-page plans) repeated to about 1 MB,
as MB/s. The shape loader is the peer: a plan in no known shape should not cost much more to
read than one in a known shape.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from stratgraph.loaders.read import read_document
from stratgraph.loaders.read.model import Document
from stratgraph.loaders.registry import extract

from bench_extract import best_of  # the same timing as the extraction bench (bench/ is on the path)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEV = ROOT / "tests" / "dev_corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if CORPUS.is_dir():
        print(f"{'plan':48} {'shape loader':>22} {'general reader':>22}")
        for path in sorted(CORPUS.glob("*.txt")):
            doc = read_document(path)
            shape = best_of(args.repeat, lambda: extract(doc))
            general = best_of(args.repeat, lambda: extract(doc, "general"))
            print(f"{path.name[:48]:48} {shape[0] * 1000:8.1f} ms (med {shape[1] * 1000:6.1f})"
                  f" {general[0] * 1000:8.1f} ms (med {general[1] * 1000:6.1f})")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.md"))
                       if p.name != "SOURCES.md")
    copies = max(1, int(1_000_000 / len(text.encode())))
    big = Document("dev-corpus-repeated.md", "\n\n".join([text] * copies), format="markdown")
    size = len(big.text.encode()) / 1e6
    best, median = best_of(max(2, args.repeat // 2), lambda: extract(Document(big.name, big.text)))
    print(f"general reader on the development corpus x{copies} ({size:.2f} MB): "
          f"best {best:.2f} s ({size / best:.2f} MB/s), median {median:.2f} s")


if __name__ == "__main__":
    main()
