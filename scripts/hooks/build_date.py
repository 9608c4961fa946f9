"""MkDocs hook: a stable build date, so that two builds of the same sources are byte-identical.

MkDocs 1.6 dates every page (the sitemap's `<lastmod>`, the gzip header of `sitemap.xml.gz`)
with SOURCE_DATE_EPOCH when it is set, and with the current date otherwise. This hook keeps an
explicit SOURCE_DATE_EPOCH (the reproducible-builds convention: CI and packagers set it) and
otherwise sets it to the time of the last git commit, which is when the sources last changed.
Outside a git checkout with no SOURCE_DATE_EPOCH there is no stable date to take: the build
says so and keeps MkDocs' default (today).
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

VARIABLE = "SOURCE_DATE_EPOCH"

log = logging.getLogger("mkdocs.hooks.build_date")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    given = os.environ.get(VARIABLE)
    if given is not None:
        if not given.isdigit():
            raise PluginError(f"build_date: {VARIABLE}={given!r} is not a whole number of seconds since 1970")
        return config
    root = Path(config.config_file_path).parent
    commit_time = last_commit_time(root)
    if commit_time is None:
        log.info(f"build_date: not a git checkout and {VARIABLE} unset; pages are dated today "
                 f"(set {VARIABLE} for a reproducible build)")
        return config
    os.environ[VARIABLE] = str(commit_time)
    return config


def last_commit_time(root: Path) -> int | None:
    """Committer time of HEAD in the repository holding `root`, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    output = result.stdout.strip()
    if result.returncode != 0 or not output.isdigit():
        return None
    return int(output)
