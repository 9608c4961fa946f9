"""Shared fixtures: the site built once per test run, served on 127.0.0.1, and a headless
Chromium page that refuses every request leaving this machine.

The suite runs in parallel (pytest-xdist, pytest.ini): the site is built once for all the
workers (the first one to need it builds it under a file lock, the others wait and read it),
and each worker serves it and drives its own Chromium. Tests are scheduled by group
(`--dist loadgroup`, `pytest_collection_modifyitems` below): a file's tests stay together, so
its module fixtures are made once, except the files listed in SPLIT_FILES, whose tests are
independent and long, and every test that reads the published site (built with its PDF for
the port its worker serves it on) goes to one worker, so that it is built once.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import CHROMIUM, CHROMIUM_ARGS
from built_pages import offline_page
from local_server import serve

ROOT = Path(__file__).resolve().parents[1]


def build_site(root: Path, destination: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project at `root` into `destination`; the result, not raised."""
    # A scratch copy (project_copy) is no git checkout, so it has no commit to take its date from
    # and the build would stop (scripts/hooks/build_date.py): it gets a fixed date instead.
    dated = {} if root == ROOT else {"SOURCE_DATE_EPOCH": "1561939200"}
    # SITE_URL only when a test gives it: the default build is the one without (test_site_address.py)
    inherited = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env = {**inherited, "NO_MKDOCS_2_WARNING": "1", **dated, **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(destination)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)


def assert_fails_cleanly(project: Path, destination: Path, *expected: str) -> None:
    """The build of `project` fails, its message holds every `expected` text, and it leaves no site."""
    result = build_site(project, destination)
    assert result.returncode != 0
    for text in expected:
        assert text in result.stderr, result.stderr
    assert not destination.exists(), "a failed build must not leave a half-written site"


# Files whose tests share nothing costly within the module: each test is scheduled on its own,
# so that a long file spreads over the workers. The rest run file by file.
SPLIT_FILES = {"test_accessibility.py", "test_keyboard.py"}
# Tests that need the published site (built with its PDF) all go to one worker.
PUBLISHED_GROUP = "published-site"
# The slowest files, slowest first (measured, README.md): they are handed out first, so that no
# long file starts last and keeps one worker busy after the others are done
# (pytest.ini: --no-loadscope-reorder keeps this order).
# The keyboard walk comes first: its two parts that hold the print view are the suite's longest
# tests (100-120 s each in a clean clone), then axe (12 parts of 35-60 s), then the published
# site's chain of builds (~210 s on one worker).
SLOWEST_FIRST = ["test_keyboard.py", "test_accessibility.py", "test_pdf.py", "test_privacy.py",
                 "test_search.py", "test_print.py", "test_html_valid.py", "test_glossary_browser.py"]


# The fixtures that mark a test as needing Chromium or the built site (pytest.ini's markers),
# so that the quick run (-m "not browser and not site") leaves every such test out by itself.
BROWSER_FIXTURES = {"browser", "page"}
SITE_FIXTURES = {"site", "html", "base_url", "published_site"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups and pytest selects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if fixtures & (SITE_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.site)
        if "published_site" in fixtures:
            group = PUBLISHED_GROUP
        elif item.path.name in SPLIT_FILES:
            group = item.nodeid
        else:
            group = item.path.name
        item.add_marker(pytest.mark.xdist_group(group))
    rank = {name: number for number, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: file order otherwise


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this test run, shared by its xdist workers (each has its own
    folder inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def run_lock(tmp_path_factory: pytest.TempPathFactory, name: str):
    """An exclusive lock shared by every worker of this test run."""
    with open(run_folder(tmp_path_factory) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (strict build), built once per run; the build's log must carry no warning."""
    destination = run_folder(tmp_path_factory) / "site"
    outcome = run_folder(tmp_path_factory) / "site-build.json"
    with run_lock(tmp_path_factory, "site"):
        if not outcome.exists():
            result = build_site(ROOT, destination)
            outcome.write_text(json.dumps({"returncode": result.returncode, "stderr": result.stderr}), encoding="utf-8")
    result = json.loads(outcome.read_text(encoding="utf-8"))
    assert result["returncode"] == 0, result["stderr"]
    assert "WARNING" not in result["stderr"], result["stderr"]
    return destination


@pytest.fixture(scope="session")
def html(site: Path):
    """Parse a built page: html('article/introduction') → BeautifulSoup."""
    def parse(path: str) -> BeautifulSoup:
        file = site / path.strip("/") / "index.html" if not path.endswith(".html") else site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return parse


@pytest.fixture(scope="session")
def base_url(site: Path):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page; requests that leave 127.0.0.1 are aborted and recorded in page.outside."""
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    yield page
    page.context.close()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A scratch copy of the project (sources only) for tests that corrupt an input."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "site", ".venv", "__pycache__", ".pytest_cache"))
    return copy


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory):
    """The site as it is deployed on GitHub Pages: built for http://127.0.0.1:PORT/REPO/ with its
    PDF (EDITION_PDF=1, strict, no warning) and served under that sub-path (tests/publishing.py)."""
    from edition.publication import load
    from publishing import PublishedSite, serve_under_subpath

    destination = tmp_path_factory.mktemp("published")
    with serve_under_subpath(destination) as url:
        result = build_site(ROOT, destination, {"SITE_URL": url, "EDITION_PDF": "1"})
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        yield PublishedSite(destination, url, destination / load(ROOT).pdf_file)
