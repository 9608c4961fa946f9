"""MkDocs hook: a stable build date, so that two builds of the same sources are byte-identical.

MkDocs 1.6 dates every page (the sitemap's `<lastmod>`, the gzip header of `sitemap.xml.gz`)
with SOURCE_DATE_EPOCH when it is set, and with the current date otherwise. This hook keeps an
explicit SOURCE_DATE_EPOCH and otherwise sets it to the time of the last git commit
(edition/source_date.py), even when git would refuse a checkout owned by another user, as in a
CI container. With neither, the build stops and says how to give a date: it never dates the
pages today.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from edition.source_date import VARIABLE, BuildDateError, build_epoch


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        epoch = build_epoch(Path(config.config_file_path).parent, os.environ)
    except BuildDateError as error:
        raise PluginError(f"build date: {error}") from None
    os.environ[VARIABLE] = str(epoch)
    return config
