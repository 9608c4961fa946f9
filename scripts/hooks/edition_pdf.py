"""MkDocs hook: with EDITION_PDF=1, the build ends by making the formats a reader takes away (the
article PDF, the companion PDF and the EPUB: scripts/build_pdf.py, scripts/formats/), so the
build that deploys the site also makes them.

Their file names (editorial/publication.yml) go into `config.extra` only when they are made: the
download links and the `citation_pdf_url` tag are printed from them, so a build without the
formats (local serving, most tests) has no link to a missing file. Making them takes about
20 s (measured in scripts/benchmark.py), too long for every build.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition import publication
from edition.errors import reported

SWITCH = "EDITION_PDF"
CONFIG_KEY = "edition_pdf"
COMPANION_KEY = "edition_companion_pdf"
EPUB_KEY = "edition_epub"
log = logging.getLogger("mkdocs.hooks.edition_pdf")


def enabled() -> bool:
    value = os.environ.get(SWITCH, "")
    if value not in ("", "0", "1"):
        raise PluginError(f"edition PDF: {SWITCH} must be 1 (make the PDF) or 0/unset (do not); it is {value!r}")
    return value == "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    source = load(config) if enabled() else None
    config.extra[CONFIG_KEY] = source.pdf_file if source else None
    config.extra[COMPANION_KEY] = source.companion_pdf_file if source else None
    config.extra[EPUB_KEY] = source.epub_file if source else None
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if not config.extra.get(CONFIG_KEY):
        return
    # imported here, not at the top: it loads WeasyPrint, which a build without the formats
    # (serving, most tests) would load for nothing.
    import build_pdf

    source = load(config)
    try:
        made = build_pdf.make_formats(Path(config.site_dir), source, os.environ.get("SITE_URL"))
    except (build_pdf.FormatError, OSError) as error:
        raise PluginError(f"edition formats: {error}") from error
    for item in made:
        log.info(f"Edition format: {item.file}, {item.size // 1024} KiB, {item.seconds:.1f} s")


def load(config: MkDocsConfig) -> publication.Publication:
    root = Path(config.config_file_path).parent
    with reported("edition PDF", root):
        return publication.load(root)
