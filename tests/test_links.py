"""No broken link: LinkChecker crawls the built site, served on 127.0.0.1, and checks every
internal link and anchor (its AnchorCheck plugin). Links to other sites are listed, not fetched:
the tests run offline. LinkChecker does not follow links to an anchor on the same page
(`href="#x"`); those are checked in the parsed HTML.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from built_pages import html_files, page_paths
from local_server import QuietHandler, serve

LINKCHECKER_CONFIG = """\
[filtering]
# Links to other hosts are checked for syntax only, never fetched.
checkextern=0

[checking]
# The local server answers with a `LinkChecker` header, which lets LinkChecker lift its
# politeness limit of 10 requests per second for this host.
maxrequestspersecond=200

[AnchorCheck]
"""


class LinkCheckerHandler(QuietHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allowed")
        super().end_headers()


def linkchecker_rows(site: Path, tmp_path: Path) -> list[dict[str, str]]:
    """LinkChecker's CSV report: one row per link checked, from every page of the site."""
    executable = shutil.which("linkchecker", path=str(Path(sys.executable).parent))
    assert executable, "linkchecker is not installed (requirements.txt)"
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)
    with serve(site, LinkCheckerHandler) as base:
        # Every page is a starting point, so that a page no other page links to is checked too.
        urls = [f"{base}/{path}" for path in page_paths(site)]
        result = subprocess.run([executable, "--config", str(config), "--verbose", "--output", "csv",
                                 "--no-status", *urls], capture_output=True, text=True, check=False, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert rows, f"LinkChecker reported nothing (exit {result.returncode}):\n{result.stderr}"
    for row in rows:
        row["internal"] = row["url"].startswith(base)
    return rows


@pytest.fixture(scope="module")
def rows(site, tmp_path_factory):
    return linkchecker_rows(site, tmp_path_factory.mktemp("linkchecker"))


def test_every_internal_link_and_anchor_resolves(rows, site):
    broken = [f"{row['parentname'] or '(start)'} line {row['line']}: {row['urlname']} → {row['result']} {row['warningstring']}"
              for row in rows if row["valid"] != "True" or (row["internal"] and row["warningstring"])]
    assert not broken, "broken links:\n" + "\n".join(broken)
    checked = {row["url"].split("#")[0] for row in rows if row["internal"]}
    anchors = [row for row in rows if row["internal"] and "#" in row["url"]]
    assert len(checked) >= len(page_paths(site)), "LinkChecker did not reach every page"
    assert anchors, "no anchor link was checked: the AnchorCheck plugin did not run"


def test_links_to_other_sites_are_listed_not_fetched(rows):
    external = sorted({row["url"] for row in rows if row["url"].startswith(("http://", "https://")) and not row["internal"]})
    print(f"\n{len(external)} links to other sites (syntax checked, not fetched):")
    print("\n".join(external))
    assert all(row["result"] != "200 OK" for row in rows if row["url"] in external), "an external link was fetched"


def test_every_link_to_an_anchor_on_the_same_page_resolves(site):
    broken, count = [], 0
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        targets = {element["id"] for element in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}
        for link in soup.find_all(href=lambda href: href and href.startswith("#") and len(href) > 1):
            count += 1
            if unquote(link["href"][1:]) not in targets:
                broken.append(f"{file.relative_to(site)}: {link['href']} ({link.get_text(strip=True)[:40]!r})")
    assert count, "no same-page anchor link found"
    assert not broken, "links to anchors missing on their page:\n" + "\n".join(broken)
