"""MkDocs hook: remove the pieces of invalid HTML that Material 9.8's templates write, so that
the Nu HTML checker reports no error (tests/test_html_valid.py).

Both come from templates that cannot be overridden by a block (`base.html` writes the toggles
outside any block; `partials/nav-item.html` is 170 lines to copy for one attribute), and
neither change alters what a browser does:

- `tabindex=""` on navigation section labels: an empty tabindex is invalid, and browsers
  already ignore it (the label is not focusable either way).
- `autocomplete="off"` on the drawer and search checkboxes: only allowed on text-like
  inputs. Material sets it so that Firefox does not restore an open drawer or search after a
  reload; Material's script closes both 125 ms after every page load anyway.
- `for="__toc"` on the table of contents' title when the page has no `__toc` toggle: on a
  page kept out of the nav (a glossary entry) Material writes the label but not the input it
  names; the label toggles nothing either way.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

EMPTY_TABINDEX_RE = re.compile(r'(<label class="md-nav__link[^"]*"[^>]*?) tabindex=""')
TOGGLE_AUTOCOMPLETE_RE = re.compile(r'(<input class="md-toggle" [^>]*type="checkbox"[^>]*?) autocomplete="off"')
TOC_LABEL_FOR_RE = re.compile(r'(<label class="md-nav__title") for="__toc"')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages that are not documentation pages (404.html)."""
    return valid(output_content) if template_name.endswith(".html") else output_content


def valid(html: str) -> str:
    html = EMPTY_TABINDEX_RE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = TOC_LABEL_FOR_RE.sub(r"\1", html)
    return TOGGLE_AUTOCOMPLETE_RE.sub(r"\1", html)
