"""MkDocs hook: with EDITION_PDF=1, the build ends by making the edition's PDF from the print view
(scripts/build_pdf.py), so the build that deploys the site also makes its PDF.

The PDF's file name (editorial/publication.yml) goes into `config.extra.edition_pdf` only when the
PDF is made: the "Download PDF" link and the `citation_pdf_url` tag are printed from it, so a
build without the PDF (local serving, most tests) has no link to a missing file. Without
Chromium the build fails with a clear message rather than deploying a site whose link is dead.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition import publication  # noqa: E402
from edition.errors import reported  # noqa: E402

SWITCH = "EDITION_PDF"
CONFIG_KEY = "edition_pdf"
log = logging.getLogger("mkdocs.hooks.edition_pdf")


def enabled() -> bool:
    value = os.environ.get(SWITCH, "")
    if value not in ("", "0", "1"):
        raise PluginError(f"edition PDF: {SWITCH} must be 1 (make the PDF) or 0/unset (do not); it is {value!r}")
    return value == "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra[CONFIG_KEY] = load(config).pdf_file if enabled() else None
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if not config.extra.get(CONFIG_KEY):
        return
    # imported here, not at the top: it loads Playwright and pypdf, which a build without the PDF
    # (serving, most tests) would load for nothing.
    import build_pdf

    source = load(config)
    site = Path(config.site_dir)
    try:
        pages = build_pdf.make_pdf(site, site / source.pdf_file, source)
    except (build_pdf.PdfError, OSError) as error:
        raise PluginError(f"edition PDF: {error}") from error
    except Exception as error:  # Playwright's errors (no Chromium, a crash) have no common base
        raise PluginError(f"edition PDF: Chromium could not make the PDF: {error}") from error
    log.info(f"Edition PDF: {source.pdf_file}, {pages} pages")


def load(config: MkDocsConfig) -> publication.Publication:
    root = Path(config.config_file_path).parent
    with reported("edition PDF", root):
        return publication.load(root)
