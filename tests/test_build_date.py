"""The build date (scripts/hooks/build_date.py): the last commit's time even in a checkout that
belongs to another user, as in GitHub's container jobs, where git refuses such a repository as
of "dubious ownership" (actions/checkout#766); an explicit SOURCE_DATE_EPOCH wins; and with
neither the build stops with a message saying what to do, instead of dating the pages today.

Each test builds a one-page MkDocs project that uses only this hook, so that the sitemap's
<lastmod> shows the date the build took."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

HOOK = ROOT / "scripts" / "hooks" / "build_date.py"
COMMIT_TIME = 1_561_939_200  # 2019-07-01 00:00 UTC: far from any day the tests run
OTHER_USER = 4321  # owns the repository; the tests run git and MkDocs as root


def day(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment without SOURCE_DATE_EPOCH, with a git configuration of its own (an empty
    home, no system file), so that no setting of this machine trusts the repository."""
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", NO_MKDOCS_2_WARNING="1", **extra)
    env.pop("GIT_CONFIG_GLOBAL", None)
    return env


def one_page_project(directory: Path) -> Path:
    (directory / "docs").mkdir(parents=True)
    (directory / "docs" / "index.md").write_text("# A page\n", encoding="utf-8")
    (directory / "mkdocs.yml").write_text(f"site_name: Build date\nsite_url: https://example.org/\n"
                                          f"hooks:\n  - {HOOK}\n", encoding="utf-8")
    return directory


def build(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


def sitemap_dates(project: Path) -> set[str]:
    sitemap = (project / "site" / "sitemap.xml").read_bytes()
    return {tag.get_text() for tag in BeautifulSoup(sitemap, "xml").find_all("lastmod")}


@pytest.fixture
def foreign_checkout(tmp_path: Path) -> Path:
    """A git repository with one commit (of COMMIT_TIME) whose files belong to another user."""
    if os.geteuid() != 0:
        pytest.skip("making a checkout owned by another user needs root (CI's container runs as root)")
    home = tmp_path / "home"
    home.mkdir()
    project = one_page_project(tmp_path / "checkout")
    env = clean_env(home, GIT_AUTHOR_DATE=f"@{COMMIT_TIME} +0000", GIT_COMMITTER_DATE=f"@{COMMIT_TIME} +0000",
                    GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
                    GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "sources"]):
        subprocess.run(["git", *command], cwd=project, env=env, check=True)
    subprocess.run(["chown", "-R", f"{OTHER_USER}:{OTHER_USER}", str(project)], check=True)
    return project


def test_plain_git_refuses_the_foreign_checkout(foreign_checkout, tmp_path):
    # the situation the hook must survive: without help, git reads nothing there
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=foreign_checkout,
                            env=clean_env(tmp_path / "home"), capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "dubious ownership" in result.stderr, result.stderr


def test_a_checkout_owned_by_another_user_is_dated_by_its_last_commit(foreign_checkout, tmp_path):
    result = build(foreign_checkout, clean_env(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    assert sitemap_dates(foreign_checkout) == {day(COMMIT_TIME)}


def test_an_explicit_source_date_epoch_wins_over_the_commit(foreign_checkout, tmp_path):
    given = COMMIT_TIME + 86_400 * 40
    result = build(foreign_checkout, clean_env(tmp_path / "home", SOURCE_DATE_EPOCH=str(given)))
    assert result.returncode == 0, result.stderr
    assert sitemap_dates(foreign_checkout) == {day(given)}


def test_outside_a_checkout_without_a_date_the_build_stops_and_says_what_to_do(tmp_path):
    project = one_page_project(tmp_path / "copy")
    home = tmp_path / "home"
    home.mkdir()
    # GIT_CEILING_DIRECTORIES: git must not find a repository above the temporary folder
    result = build(project, clean_env(home, GIT_CEILING_DIRECTORIES=str(tmp_path)))
    assert result.returncode != 0
    assert "build date:" in result.stderr and "SOURCE_DATE_EPOCH=" in result.stderr, result.stderr
    assert "not a git repository" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not (project / "site" / "sitemap.xml").exists(), "it must not write pages dated today"


def test_a_malformed_source_date_epoch_stops_the_build(tmp_path):
    project = one_page_project(tmp_path / "copy")
    home = tmp_path / "home"
    home.mkdir()
    result = build(project, clean_env(home, SOURCE_DATE_EPOCH="2019-07-01"))
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH='2019-07-01' is not a whole number of seconds" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
