"""Write the generated Markdown of the edition to a folder, for review.

    python scripts/build_edition.py OUT_DIR

The site does not need this: `mkdocs build` generates the same pages in memory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from edition import landing, pipeline, render
from edition.errors import EditionError


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(sys.argv[1])
    try:
        edition = pipeline.build(Path(__file__).resolve().parents[1])
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    (out / "article").mkdir(parents=True, exist_ok=True)
    (out / "index.md").write_text(landing.landing_page(edition), encoding="utf-8")
    for section in edition.sections:
        (out / "article" / f"{section.slug}.md").write_text(render.section_page(edition, section), encoding="utf-8")
    print(f"wrote {len(edition.sections) + 1} pages to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
