"""Reproducible: the same sources give byte-identical output, whatever day the build runs.

The second build runs with MkDocs' clock moved 400 days ahead, as if it ran next year: every
file of the two sites must be identical. The dates come from SOURCE_DATE_EPOCH when it is set,
else from the last git commit (scripts/hooks/build_date.py); they show in the sitemap and its
gzip header, which only a build with SITE_URL writes (test_site_address.py), as deployed.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT, build_site

SITE_URL = "https://example.org/edition/"  # a sitemap is written only for a build with an address

# Runs `mkdocs build` with the clock MkDocs reads its build date from moved ahead by 400 days.
BUILD_NEXT_YEAR = """
import datetime as real, sys
import mkdocs.utils

class NextYear(real.datetime):
    @classmethod
    def now(cls, tz=None):
        return real.datetime.now(tz) + real.timedelta(days=400)

mkdocs.utils.datetime = NextYear
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "--clean", "-d", sys.argv[1]]
cli()
"""


def build_next_year(destination: Path, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run([sys.executable, "-c", BUILD_NEXT_YEAR, str(destination)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def tree(site: Path) -> dict[str, bytes]:
    return {file.relative_to(site).as_posix(): file.read_bytes() for file in sorted(site.rglob("*")) if file.is_file()}


def test_two_builds_on_different_days_are_byte_identical(site, tmp_path):
    later = tmp_path / "later"
    result = build_next_year(later)
    assert result.returncode == 0, result.stderr
    first, second = tree(site), tree(later)
    assert sorted(first) == sorted(second), "the two builds wrote different files"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, "files that differ between two builds:\n" + "\n".join(differing)


def test_source_date_epoch_dates_the_sitemap_and_its_gzip_header(tmp_path):
    epoch = 1_561_939_200  # 2019-07-01, the year: far from any build day
    result = build_site(ROOT, tmp_path / "site", {"SOURCE_DATE_EPOCH": str(epoch), "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_bytes()
    dates = {tag.get_text() for tag in BeautifulSoup(sitemap, "xml").find_all("lastmod")}
    assert dates == {datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")}
    compressed = (tmp_path / "site" / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(compressed[4:8], "little") == epoch, "gzip header MTIME is not SOURCE_DATE_EPOCH"
    assert gzip.decompress(compressed) == sitemap


def test_without_source_date_epoch_the_date_is_the_last_commits(tmp_path):
    # safe.directory: in CI's container the checkout belongs to another user, and git refuses it
    commit = subprocess.run(["git", "-c", "safe.directory=*", "log", "-1", "--format=%ct"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    if commit.returncode != 0:
        raise AssertionError(f"the project is not a git checkout here: {commit.stderr}")
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site" / "sitemap.xml").read_bytes()
    dates = {tag.get_text() for tag in BeautifulSoup(sitemap, "xml").find_all("lastmod")}
    assert dates == {datetime.fromtimestamp(int(commit.stdout), UTC).strftime("%Y-%m-%d")}
