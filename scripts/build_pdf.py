"""The formats a reader takes away, made from the built site (scripts/formats/):

    python scripts/build_pdf.py SITE_DIR     # writes into SITE_DIR the files named in editorial/publication.yml

- the article PDF (pdf_file): laid out like the journal's, notes at the foot of the page of their mark;
- the companion PDF (companion_pdf_file): the editors' apparatus;
- the EPUB 3 (epub_file): the article and its apparatus, for e-readers.

`EDITION_PDF=1 mkdocs build` runs this at the end of the build (scripts/hooks/edition_pdf.py), so
the build that deploys the site makes its formats. The edition's address comes only from SITE_URL
(none, or this machine's, and the formats carry no address of the edition: the DOI is the
article's permanent link). The PDFs' and the EPUB's dates are SOURCE_DATE_EPOCH, so the same
inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from edition import publication
from formats import epub, pdf
from formats.errors import FormatError

PdfError = FormatError  # the name the hook and older callers know


@dataclass
class Made:
    file: str
    size: int
    pages: int  # PDF pages, or EPUB chapters
    seconds: float


def make_formats(site: Path, source: publication.Publication, site_url: str | None,
                 output: Path | None = None) -> list[Made]:
    """Write the three formats into `output` (default: the site's root); what was made."""
    output = output or site
    made = []
    for name, maker in ((source.pdf_file, pdf.make_article_pdf), (source.companion_pdf_file, pdf.make_companion_pdf),
                        (source.epub_file, epub.make_epub)):
        start = time.perf_counter()
        count = maker(site, output / name, source, site_url)
        made.append(Made(name, (output / name).stat().st_size, count, time.perf_counter() - start))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the built site (mkdocs build -d SITE_DIR)")
    parser.add_argument("--output", type=Path, help="the folder to write the formats to (default: SITE_DIR)")
    args = parser.parse_args()
    source = publication.load(Path(__file__).resolve().parents[1])
    try:
        made = make_formats(args.site, source, os.environ.get("SITE_URL"), args.output)
    except FormatError as error:
        sys.exit(f"build_pdf: {error}")
    for item in made:
        unit = "chapters" if item.file.endswith(".epub") else "pages"
        print(f"{item.file}: {item.pages} {unit}, {item.size / 1024:.0f} KiB, {item.seconds:.1f} s")


if __name__ == "__main__":
    main()
