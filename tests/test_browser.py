"""The Chromium the tests and tools drive is started as scripts/browser.py says: the features
Playwright switches off stay off, and the address bar's drop-down page, which costs a process
and its CPU for every browser context, is not made.

Read from the running browser itself: its command line (/proc, by the process id the browser
gives) and the pages it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def command_line(pid: int) -> list[str]:
    return [argument.decode("utf-8", "replace") for argument in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if argument]


def disabled_features(arguments: list[str]) -> list[list[str]]:
    """Each --disable-features value of a command line, in order."""
    prefix = "--disable-features="
    return [argument[len(prefix):].split(",") for argument in arguments if argument.startswith(prefix)]


@pytest.fixture(scope="module")
def launched(browser):
    """(the browser process's command line, the pages it holds with a page of ours open): the
    browser every test of this worker drives (conftest.py starts it with CHROMIUM_ARGS)."""
    context = browser.new_context()
    context.new_page().goto("data:text/html,<p>A page")
    session = browser.new_browser_cdp_session()
    processes = session.send("SystemInfo.getProcessInfo")["processInfo"]
    pid = next(process["id"] for process in processes if process["type"] == "browser")
    yield command_line(pid), session.send("Target.getTargets")["targetInfos"]
    session.detach()
    context.close()


def test_the_features_playwright_switches_off_stay_off(launched):
    arguments, _ = launched
    assert arguments[0].startswith("/usr/lib/chromium/"), arguments[0]
    lists = disabled_features(arguments)
    assert len(lists) >= 2, "Playwright's own --disable-features and the edition's were expected"
    playwright_own, effective = lists[0], lists[-1]  # Chromium reads the last one only
    assert set(playwright_own) <= set(effective), \
        f"scripts/browser.py turns back on what Playwright switches off: {sorted(set(playwright_own) - set(effective))}"


def test_no_address_bar_page_is_made_for_a_window(launched):
    _, targets = launched
    assert "data:text/html,<p>A page" in [target["url"] for target in targets if target["type"] == "page"]
    assert not [target["url"] for target in targets if "omnibox" in target["url"]]
