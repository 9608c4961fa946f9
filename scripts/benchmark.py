"""Measure the site against the tools a reader's edition could otherwise be built with, and
print one table (also written, with the date and the machine, to benchmark/RESULTS.md).

    python scripts/benchmark.py [--runs 5] [--lighthouse-runs 3] [--no-lighthouse] [--out FILE]
    python scripts/benchmark.py --reader   # only the reader's pages: weight and mobile Lighthouse

Needs `pip install -r requirements-bench.txt` (pandoc, Sphinx, sphinxcontrib-bibtex) and, for
Lighthouse, `npm ci --prefix benchmark`. Figures, not pass/fail: the targets are stated in the
table's notes. Everything is served from 127.0.0.1 with gzip; requests to other hosts are blocked.

- Build time: median of --runs. Cold: a new process, an empty output folder, no bytecode cache
  of the project's own modules. Warm: a new process again, the previous output in place.
- Page weight: a first visit in Chromium (empty cache); every HTML, CSS, JS and font file the
  page loads from its own origin, raw and gzip -6. The search index is counted apart.
- Lighthouse (npm, pinned in benchmark/package.json): mobile and desktop presets, median of
  --lighthouse-runs per category.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from benchmark_baselines import Baseline, article_markdown, make_material, make_pandoc, make_sphinx
import local_server
from browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "benchmark" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
WEIGHED_SUFFIXES = (".html", ".css", ".js", ".woff", ".woff2", ".ttf", ".otf")
SITE = "This site"


# ---- Serving with compression, so that Lighthouse measures the pages, not the server.

class GzipHandler(local_server.QuietHandler):
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", "/")

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and path.name.endswith(self.COMPRESSIBLE[:-1])
        if gzipped:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path):
    return local_server.serve(directory, GzipHandler)


# ---- Build times.

def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def build_times(systems: list[Baseline], runs: int, caches: dict[str, list[Path]]) -> tuple[dict, dict]:
    """Cold and warm medians in seconds, by system. The systems take turns, run after run, so
    that a slower spell of a shared machine does not fall on one of them alone."""
    cold: dict[str, list[float]] = {system.name: [] for system in systems}
    warm: dict[str, list[float]] = {system.name: [] for system in systems}
    for _ in range(runs):
        for system in systems:
            shutil.rmtree(system.output, ignore_errors=True)
            for folder in caches.get(system.name, []):
                for cache in folder.rglob("__pycache__"):
                    shutil.rmtree(cache, ignore_errors=True)
            system.output.mkdir(parents=True)
            cold[system.name].append(timed(system.command, system.project))
            warm[system.name].append(timed(system.command, system.project))
    return ({name: statistics.median(values) for name, values in cold.items()},
            {name: statistics.median(values) for name, values in warm.items()})


# ---- Page weight, in a real first visit.

def page_weight(browser, site: Path, base: str, path: str) -> dict:
    context = browser.new_context()
    loaded, blocked = [], []

    def route(route):
        if route.request.url.startswith(base):
            loaded.append(route.request.url)
            route.continue_()
        else:
            blocked.append(urlsplit(route.request.url).netloc)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("networkidle")
    context.close()
    raw = compressed = html = 0
    files = set()
    for url in loaded:
        local = unquote(urlsplit(url).path)
        file = site / local.lstrip("/")
        if file.is_dir() or local.endswith("/"):
            file = file / "index.html"
        if file in files or not file.name.endswith(WEIGHED_SUFFIXES) or not file.is_file():
            continue
        files.add(file)
        data = file.read_bytes()
        size = len(gzip.compress(data, 6, mtime=0))
        raw += len(data)
        compressed += size
        if file.suffix == ".html":
            html += size
    return {"raw": raw, "gzip": compressed, "html_gzip": html, "files": len(files), "blocked": sorted(set(blocked))}


FOLDED_WORD_RE = re.compile(r'<span class="search-fold">(.*?)<span hidden>.*?</span></span>')


def folding_bytes(site: Path) -> int:
    """What the hidden unaccented forms (scripts/hooks/search_folding.py) add to the index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sum(len(doc[field]) - len(FOLDED_WORD_RE.sub(r"\1", doc[field]))
               for doc in index["docs"] for field in ("title", "text") if field in doc)


def search_index(site: Path) -> Path | None:
    for candidate in ("search/search_index.json", "searchindex.js"):
        if (site / candidate).is_file():
            return site / candidate
    return None


# ---- Lighthouse.

def lighthouse(url: str, preset: str, runs: int) -> dict[str, float]:
    scores: dict[str, list[float]] = {category: [] for category in CATEGORIES}
    lcp = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.json"
            command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                       f"--only-categories={','.join(CATEGORIES)}",
                       "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"]
            if preset == "desktop":
                command.append("--preset=desktop")
            subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
                           check=True, timeout=300)
            data = json.loads(report.read_text(encoding="utf-8"))
        for category in CATEGORIES:
            scores[category].append(100 * (data["categories"][category]["score"] or 0))
        lcp.append(data["audits"]["largest-contentful-paint"]["numericValue"] / 1000)
    result = {category: statistics.median(values) for category, values in scores.items()}
    result["lcp"] = statistics.median(lcp)
    return result


# ---- The table.

def ratio(value, baseline) -> str:
    if value is None or baseline is None or baseline == 0:
        return ""
    return f" (×{value / baseline:.2f})"


def kb(size: int | None) -> str:
    return "—" if size is None else f"{size / 1024:.1f} KB"


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def count(value: int | None) -> str:
    return "—" if value is None else f"{value}"


def html_pages(site: Path) -> int:
    """The pages a build wrote (Sphinx's and MkDocs' own search and index pages included)."""
    return sum(1 for _ in site.rglob("*.html"))


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def table(rows: list[tuple[str, dict[str, object], callable]], systems: list[str]) -> str:
    """One Markdown table; each baseline cell carries the site's figure as a ratio to it."""
    lines = ["| Measure | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    for label, values, formatter in rows:
        cells = [formatter(values.get(SITE))]
        for system in systems[1:]:
            cells.append(formatter(values.get(system)) + (ratio(values.get(SITE), values.get(system))
                                                          if values.get(system) is not None else ""))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) / 1024 ** 2 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    versions = [f"Python {platform.python_version()}"]
    for name, command in [("", [CHROMIUM, "--version"]), ("Node ", ["node", "--version"]),
                          ("Lighthouse ", [str(LIGHTHOUSE), "--version"])]:
        try:
            versions.append(name + subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip())
        except (OSError, subprocess.SubprocessError):
            versions.append(f"{name or command[0]} absent")
    from importlib.metadata import version
    versions += [f"{package} {version(package)}" for package in
                 ("mkdocs", "mkdocs-material", "sphinx", "sphinxcontrib-bibtex", "pypandoc-binary")]
    import pypandoc
    versions.append(f"pandoc {pypandoc.get_pandoc_version()}")
    return f"{platform.platform()}; {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB memory; " + ", ".join(versions)


def pages_of_site(site: Path) -> dict[str, str]:
    """The measured pages: the landing page, the longest section, a glossary page and the
    bibliography when they exist."""
    pages = {"landing": ""}
    sections = sorted(site.glob("article/*/index.html"), key=lambda file: (-file.stat().st_size, file.as_posix()))
    pages["section"] = sections[0].parent.relative_to(site).as_posix() + "/"
    glossary = sorted(site.glob("glossary/**/index.html"))
    if glossary:
        pages["glossary"] = glossary[0].parent.relative_to(site).as_posix() + "/"
    if (site / "bibliography" / "index.html").is_file():
        pages["bibliography"] = "bibliography/"
    return pages


def reader_pages(runs: int) -> int:
    """The figures the reader's tools answer for (issue 15), without the build times: the
    section page's first-visit weight against default Material's, and Lighthouse mobile
    performance and largest paint (median of `runs`) on the landing page, the longest section,
    a glossary entry and the bibliography, with the section's largest paint against default
    Material's and Sphinx's. One build of each; about five minutes."""
    from playwright.sync_api import sync_playwright

    def say(line: str) -> None:  # each figure as soon as it is measured: a run takes a while
        print(line, flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="edition-benchmark-reader-"))
    try:
        landing, sections = article_markdown(workdir)
        site = Baseline(SITE, ROOT, [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d",
                                     str(workdir / "site")], workdir / "site")
        material, sphinx = make_material(workdir, landing, sections), make_sphinx(workdir, landing, sections)
        for system in (site, material, sphinx):
            system.output.mkdir(parents=True, exist_ok=True)
            timed(system.command, system.project)
        site.pages = pages_of_site(site.output)
        slug = site.pages["section"].split("/")[1]
        material.pages = {"section": f"article/{slug}/"}
        sphinx.pages = {"section": f"article/{slug}.html"}
        say(f"Reader's pages, {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, on {machine()}; "
            f"section measured: {slug} (the longest)")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            weights = {}
            for system in (site, material):
                with serve(system.output) as base:
                    weights[system.name] = page_weight(browser, system.output, base, system.pages["section"])
            browser.close()
        ours, theirs = weights[SITE], weights[material.name]
        say(f"Section page, first visit: {kb(ours['gzip'])} gzip, {kb(ours['raw'])} raw; default Material "
                     f"{kb(theirs['gzip'])} gzip{ratio(ours['gzip'], theirs['gzip'])}, {kb(theirs['raw'])} raw"
                     f"{ratio(ours['raw'], theirs['raw'])}")
        if not LIGHTHOUSE.exists():
            say("Lighthouse not installed (npm ci --prefix benchmark): not measured")
        else:
            lcp = {}
            for system in (site, material, sphinx):
                for role, path in system.pages.items():
                    print(f"lighthouse mobile {system.name} {role}…", file=sys.stderr)
                    with serve(system.output) as base:
                        result = lighthouse(f"{base}/{path}", "mobile", runs)
                    if system is site:
                        say(f"Lighthouse mobile, {role}: performance {score(result['performance'])}, "
                                     f"largest paint {seconds(result['lcp'])}")
                    if role == "section":
                        lcp[system.name] = result["lcp"]
            say(f"Section's largest paint: {seconds(lcp[SITE])}; default Material "
                         f"{seconds(lcp[material.name])}{ratio(lcp[SITE], lcp[material.name])}; Sphinx "
                         f"{seconds(lcp[sphinx.name])}{ratio(lcp[SITE], lcp[sphinx.name])}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmark" / "RESULTS.md")
    parser.add_argument("--reader", action="store_true",
                        help="only the reader's pages: section weight against default Material, Lighthouse mobile")
    args = parser.parse_args()
    if args.reader:
        return reader_pages(args.lighthouse_runs)
    notes: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="edition-benchmark-"))
    try:
        landing, sections = article_markdown(workdir)
        site = Baseline(SITE, ROOT, [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d",
                                     str(workdir / "site")], workdir / "site")
        baselines = [make_material(workdir, landing, sections), make_sphinx(workdir, landing, sections),
                     make_pandoc(workdir, landing, sections)]
        systems = [site, *baselines]
        names = [system.name for system in systems]
        print(f"building each ×{args.runs}, cold and warm…", file=sys.stderr)
        cold, warm = build_times(systems, args.runs, {SITE: [ROOT / "scripts"]})
        for system in systems:
            notes += [f"{system.name}: {note}" for note in system.notes]
        rows = [("Build, cold (median of %d)" % args.runs, cold, seconds),
                ("Build, warm (median of %d)" % args.runs, warm, seconds),
                ("HTML pages built", {system.name: html_pages(system.output) for system in systems}, count)]

        pdf = ROOT / "scripts" / "build_pdf.py"
        pdf_time = {}
        if pdf.exists():
            try:
                # from the site just built (the PDF is printed from its print view), not counting that build
                command = [sys.executable, str(pdf), str(site.output), "--output", str(workdir / "edition.pdf")]
                pdf_time[SITE] = statistics.median(timed(command, ROOT) for _ in range(3))
            except RuntimeError as error:
                notes.append(f"PDF: scripts/build_pdf.py failed, not measured: {str(error).splitlines()[-1]}")
        else:
            notes.append("PDF: scripts/build_pdf.py absent on this branch, PDF build time not measured")
        rows.append(("PDF build from the built site (median of 3)", pdf_time, seconds))
        if pdf_time:
            from pypdf import PdfReader
            made = workdir / "edition.pdf"
            rows += [("PDF size", {SITE: made.stat().st_size}, kb),
                     ("PDF pages", {SITE: len(PdfReader(str(made)).pages)}, count)]

        site.pages = pages_of_site(site.output)
        for role in ("glossary", "bibliography"):
            if role not in site.pages:
                notes.append(f"{role} page absent on this branch: not measured")
        section_slug = site.pages["section"].split("/")[1]
        baselines[0].pages = {"landing": "", "section": f"article/{section_slug}/"}
        baselines[1].pages = {"landing": "index.html", "section": f"article/{section_slug}.html"}
        baselines[2].pages = {"landing": "index.html", "section": "index.html"}
        if "bibliography" in site.pages and (baselines[1].output / "bibliography.html").is_file():
            baselines[1].pages["bibliography"] = "bibliography.html"
            baselines[2].pages["bibliography"] = "index.html"  # the one page holds the bibliography too
        notes.append(f"Section page measured: {section_slug} (the site's longest); pandoc makes one page of the whole article")

        from playwright.sync_api import sync_playwright
        weights: dict[str, dict[str, dict]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for system in systems:
                with serve(system.output) as base:
                    weights[system.name] = {role: page_weight(browser, system.output, base, path)
                                            for role, path in system.pages.items()}
            browser.close()
        for role in site.pages:
            rows.append((f"{role.capitalize()} page, first visit, raw",
                         {name: weights[name][role]["raw"] for name in names if role in weights[name]}, kb))
            rows.append((f"{role.capitalize()} page, first visit, gzip",
                         {name: weights[name][role]["gzip"] for name in names if role in weights[name]}, kb))
            rows.append((f"{role.capitalize()} page, of which the HTML, gzip",
                         {name: weights[name][role]["html_gzip"] for name in names if role in weights[name]}, kb))
            rows.append((f"{role.capitalize()} page, files loaded",
                         {name: weights[name][role]["files"] for name in names if role in weights[name]}, count))
        for name in names:
            blocked = sorted({host for page in weights[name].values() for host in page["blocked"]})
            if blocked:
                notes.append(f"{name}: requests to other hosts blocked and not counted: {', '.join(blocked)}")
        index_raw, index_gzip = {}, {}
        for system in systems:
            index = search_index(system.output)
            if index:
                data = index.read_bytes()
                index_raw[system.name], index_gzip[system.name] = len(data), len(gzip.compress(data, 6, mtime=0))
        rows += [("Search index, raw", index_raw, kb), ("Search index, gzip", index_gzip, kb),
                 ("Search index, of which accent folding, raw", {SITE: folding_bytes(site.output)}, kb)]

        if args.no_lighthouse:
            notes.append("Lighthouse skipped (--no-lighthouse)")
        elif not LIGHTHOUSE.exists():
            notes.append("Lighthouse not installed (npm ci --prefix benchmark): not measured")
        else:
            for preset in ("mobile", "desktop"):
                for role in site.pages:
                    results = {}
                    for system in systems:
                        if role not in system.pages:
                            continue
                        print(f"lighthouse {preset} {system.name} {role}…", file=sys.stderr)
                        with serve(system.output) as base:
                            results[system.name] = lighthouse(f"{base}/{system.pages[role]}", preset, args.lighthouse_runs)
                    for category in CATEGORIES:
                        rows.append((f"Lighthouse {preset}, {role}: {category}",
                                     {name: value[category] for name, value in results.items()}, score))
                    rows.append((f"Lighthouse {preset}, {role}: LCP",
                                 {name: value["lcp"] for name, value in results.items()}, seconds))

        date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        report = "\n".join([
            "# Benchmark", "",
            f"Run {date} by `python scripts/benchmark.py` on: {machine()}.", "",
            "Each baseline cell gives its figure and, in brackets, this site's figure as a ratio to it "
            "(×1.00 is equal; below 1 the site is smaller, faster or lower).", "",
            table(rows, names), "",
            "Targets: Lighthouse 100 in all four categories on the measured pages (mobile, median); a section "
            "page's first-visit weight no heavier than a default Material page of the same text; the full "
            "build no slower than Sphinx on the same content.", "",
            "Notes:", "", *[f"- {note}" for note in notes], ""])
        print(report)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
