"""MkDocs hook: what a page may run. Every page gets a Content-Security-Policy `<meta>` (the
second line of defence behind the data files' markup rule, `edition/markup.py`): scripts only
from the site itself (`script-src 'self'`) plus the inline scripts the theme writes outside the
page's content, allowed by their SHA-256 computed here, at build time, from the finished page
(Material writes three a page, and one of them differs with the page's depth: six in all,
measured); no plugins (`object-src 'none'`); no `<base>` pointing elsewhere (`base-uri 'self'`).
An inline script inside the content is never hashed, so one that got there would not run.

And no page may link to a script: a link (href, src, action) whose scheme is not http(s),
mailto or tel, or none (relative), such as `javascript:` in a docs/ page, stops the build,
naming the file and the line.

`mkdocs serve` gets no policy: its live-reload script is written into each page as it is sent,
with a new time stamp every time, so no hash could allow it; the published site (build,
gh-deploy) always has one.

Listed last in mkdocs.yml, and its page events run last (priority -100): the hashes must be
those of the page as written, after every other hook's changes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

INLINE_SCRIPT_RE = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
# The inline scripts that run: no src, and no type or a JavaScript type (JSON and JSON-LD do not run).
NOT_RUN_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?(?!(?:text/javascript|module)\b)""", re.IGNORECASE)
CONTENT_START = '<article class="md-content__inner'
META_AFTER = '<meta charset="utf-8">'
LINK_ATTRIBUTE_RE = re.compile(r"""\s(?:href|src|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)')""",
                               re.IGNORECASE)
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
LINK_SCHEMES = ("http", "https", "mailto", "tel")
POLICY = "script-src 'self' {hashes}; object-src 'none'; base-uri 'self'"


_serving = {"on": False}


def on_startup(command: str, dirty: bool) -> None:
    _serving["on"] = command == "serve"


def digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def theme_scripts(output: str) -> list[str]:
    """The bodies of the inline scripts that run, outside the page's content (`<article>`)."""
    start = output.find(CONTENT_START)
    end = output.rfind("</article>", 0, output.find("</main>")) if start >= 0 else -1
    found = []
    for match in INLINE_SCRIPT_RE.finditer(output):
        attributes = match.group("attributes")
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE) or NOT_RUN_TYPE_RE.search(attributes):
            continue
        if start <= match.start() < end:
            continue  # inside the content: never allowed to run
        found.append(match.group("body"))
    return found


def with_policy(output: str, name: str) -> str:
    if META_AFTER not in output:
        raise PluginError(f"content security: {name}: no {META_AFTER} in the page's head to put the policy after")
    hashes = " ".join(sorted({digest(script) for script in theme_scripts(output)}))
    policy = POLICY.format(hashes=hashes).replace("  ", " ")
    meta = f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"  # no quote or & in it
    return output.replace(META_AFTER, META_AFTER + meta, 1)


def link_problem(value: str) -> str | None:
    # as a browser reads it: character references resolved, white space and controls dropped
    target = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value))
    scheme = SCHEME_RE.match(target)
    if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
        return (f"the link {value[:60]!r} uses the scheme '{scheme.group(1)}:'; a page may link only with "
                f"{', '.join(name + ':' for name in LINK_SCHEMES)} or a relative address")
    return None


def source_line(page: Page, value: str, config: MkDocsConfig) -> str:
    """`docs/FILE:LINE` of the link's target in the page's own Markdown, else the page's name."""
    if page.file.abs_src_path is None:
        return f"{page.file.src_uri} (generated)"
    root = Path(config.config_file_path).parent
    where = (Path(page.file.abs_src_path).relative_to(root)).as_posix()
    wanted = html.unescape(value)
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        if wanted in line or value in line:
            return f"{where}:{number}"
    return where


@event_priority(-100)
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for match in LINK_ATTRIBUTE_RE.finditer(content):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        problem = link_problem(value)
        if problem:
            raise PluginError(f"content security: {source_line(page, value, config)}: {problem}")
    return content


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _serving["on"]:
        return output
    return with_policy(output, page.file.src_uri)


@event_priority(-100)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html") and not _serving["on"]:
        return with_policy(output, template_name)
    return output
