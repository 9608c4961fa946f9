"""Write the edition's generated Markdown (the landing page and one page per section) to a folder,
for review. The site does not need it: `mkdocs build` generates the same pages in memory.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from edition import landing, pipeline, render
from edition.errors import EditionError

# the project this file belongs to (scripts/ sits in its root)
PROJECT = Path(__file__).resolve().parents[1]


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="edition-markdown", description=__doc__,
        epilog="Example: edition-markdown /tmp/edition-markdown (then read /tmp/edition-markdown/article/*.md)")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="the folder to write into (created if missing)")
    parser.add_argument("--project", type=Path, default=PROJECT,
                        help="the project folder holding seeds/ and editorial/ (default: %(default)s)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    root = args.project.resolve()
    try:
        edition = pipeline.build(root)
    except EditionError as error:
        print(f"edition-markdown: {error.where(root)}: {error.message}", file=sys.stderr)
        return 1
    (args.out / "index.md").parent.mkdir(parents=True, exist_ok=True)
    (args.out / "index.md").write_text(landing.landing_page(edition), encoding="utf-8")
    for section in edition.sections:
        path = args.out / section.page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render.section_page(edition, section), encoding="utf-8")
    print(f"wrote {len(edition.sections) + 1} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
