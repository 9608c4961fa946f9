"""Shared fixtures: the site built once per test session, served on 127.0.0.1, and a
headless Chromium page that refuses every request leaving this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from built_pages import offline_page
from local_server import serve
from browser import CHROMIUM, CHROMIUM_ARGS

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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site (strict build); the build's log must carry no warning."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, destination)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
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
