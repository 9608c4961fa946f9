"""The Content-Security-Policy in Chromium (scripts/hooks/content_security.py): no page of the
built site reports a violation, search, the glossary popover, a footnote preview and the colour
switch still work under it, and an inline script that reaches a page's content is blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from built_pages import offline_page, page_paths
from conftest import build_site
from local_server import serve

pytestmark = pytest.mark.browser

# Every violation the page reports, and whether the injected script ran.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  event => window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline')));
"""
INJECTED = "<script>window.__injected = 'ran';</script>"


def recording_page(browser, base_url: str):
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text
            and page.console_violations.append(message.text))
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__violations") + page.console_violations


def test_every_page_has_the_policy_and_reports_no_violation(browser, base_url, site: Path, html):
    page = recording_page(browser, base_url)
    try:
        for path in page_paths(site):
            meta = html(path if path.endswith(".html") else path or "/").select_one(
                'head meta[http-equiv="Content-Security-Policy"]')
            assert meta is not None, path
            policy = meta["content"]
            assert "script-src 'self' 'sha256-" in policy and "object-src 'none'" in policy, path
            assert "base-uri 'self'" in policy and "unsafe-inline" not in policy, path
            page.goto(f"{base_url}/{path}")
            page.wait_for_load_state("load")
            # Material's bundle ran (it marks the page) and nothing was refused
            page.wait_for_function("() => document.body.dataset.mdColorScheme !== undefined || !!window.component$")
            assert violations(page) == [], (path, violations(page))
    finally:
        page.context.close()


def test_search_popovers_and_the_colour_switch_work_under_the_policy(browser, base_url):
    page = recording_page(browser, base_url)
    try:
        page.goto(f"{base_url}/article/maras-and-cartels/")
        # the glossary popover (the edition's script)
        page.locator('a.glossary-term[data-term="mano-dura"]').first.hover()
        page.locator(".glossary-popover").wait_for(state="visible", timeout=3000)
        # a footnote preview (Material's bundle)
        page.locator("a.footnote-ref").first.hover()
        page.locator(".md-tooltip2").first.wait_for(state="visible", timeout=3000)
        # the colour switch (the edition's scheme-switch.js; the scheme at first paint comes from
        # Material's palette script and the edition's first-paint script, both hashed inline scripts)
        before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== {before!r}")
        # search (Material's worker, loaded from the site)
        box = page.locator("input.md-search__input")
        page.keyboard.press("/")
        box.fill("sexeni")
        box.press_sequentially("o")
        page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').innerText)")
        assert page.locator(".md-search-result__item").count() > 0
        assert violations(page) == []
    finally:
        page.context.close()


def test_an_inline_script_in_a_page_is_blocked(browser, project_copy: Path, tmp_path: Path):
    # docs/ pages are hand-written Markdown, where raw HTML is allowed: the policy is what stops it
    page_file = project_copy / "docs" / "editorial-method.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + "\n" + INJECTED + "\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(project_copy, site)
    assert result.returncode == 0, result.stderr
    assert INJECTED in (site / "editorial-method" / "index.html").read_text(encoding="utf-8")
    with serve(site) as url:
        page = recording_page(browser, url)
        try:
            page.goto(f"{url}/editorial-method/")
            page.wait_for_load_state("load")
            assert page.evaluate("window.__injected") is None
            assert any(item.startswith("script-src") for item in violations(page)), violations(page)
        finally:
            page.context.close()
