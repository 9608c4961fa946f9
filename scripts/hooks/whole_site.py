"""MkDocs hook: a build either replaces the site folder whole or leaves it as it was.

MkDocs writes into the site folder as it goes: a build that fails on a page, or in a hook
that runs once every page is written (the search index's folding, the PDF), would leave a
half-written site, or a whole site from inputs that were refused. So the build writes into a
fresh folder beside the site folder (`.SITE.partial`, same disk), and only once every hook has
finished is that folder moved into place; on any error it is deleted, and the previous site,
if there was one, stays exactly as it was (no site folder at all if there was none).

Its on_config runs first and its on_post_build last (priorities), whatever the hooks' order.
A strict build counts its warnings only after on_post_build and then fails: this hook counts
them too, and keeps the previous site when there is any.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

_state: dict = {}
# A --dirty build rewrites only what changed, in the site folder itself: it is left to do so.
_dirty = {"on": False}


def on_startup(command: str, dirty: bool) -> None:
    _dirty["on"] = dirty


def partial_folder(site: Path) -> Path:
    return site.parent / f".{site.name}.partial"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _dirty["on"]:
        return config
    site = Path(config.site_dir).resolve()
    partial = partial_folder(site)
    if partial.exists():
        shutil.rmtree(partial)  # left by a build that was killed
    partial.mkdir(parents=True)
    warnings = CountHandler()
    warnings.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(warnings)
    _state.update(site=site, partial=partial, warnings=warnings)
    config.site_dir = str(partial)
    return config


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    if "site" not in _state:
        return
    site, partial, warnings = _state.pop("site"), _state.pop("partial"), _state.pop("warnings")
    logging.getLogger("mkdocs").removeHandler(warnings)
    config.site_dir = str(site)
    if config.strict and warnings.get_counts():
        shutil.rmtree(partial)  # MkDocs fails the build next: keep the previous site
        return
    previous = site.parent / f".{site.name}.previous"
    if previous.exists():
        shutil.rmtree(previous)
    if site.exists():
        site.rename(previous)
    partial.rename(site)
    if previous.exists():
        shutil.rmtree(previous)


def on_build_error(error: Exception) -> None:
    partial = _state.pop("partial", None)
    if _state.get("warnings") is not None:
        logging.getLogger("mkdocs").removeHandler(_state.pop("warnings"))
    _state.clear()
    if partial is not None and partial.exists():
        shutil.rmtree(partial)
