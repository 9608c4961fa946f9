"""Measure the site against the tools a reader's edition could otherwise be built with, and
print one table (also written, with the date and the machine, to benchmark/RESULTS.md).

    python scripts/benchmark.py [--runs 5] [--lighthouse-runs 3] [--trace-runs 5] [--no-lighthouse] [--out FILE]
    python scripts/benchmark.py --search-only     # the search rows alone, in a few minutes
    python scripts/benchmark.py --reader   # only the reader's pages: weight, main thread, mobile Lighthouse

Needs `pip install -r requirements-bench.txt` (pandoc, Sphinx, sphinxcontrib-bibtex) and, for
Lighthouse, `npm ci --prefix benchmark`. Figures, not pass/fail: the targets are stated in the
table's notes. Everything is served from 127.0.0.1 with gzip; requests to other hosts are blocked.

- Build time: median of --runs. Cold: a new process, an empty output folder, no bytecode cache
  of the project's own modules. Warm: a new process again, the previous output in place.
- Page weight: a first visit in Chromium (empty cache); every HTML, CSS, JS and font file the
  page loads from its own origin, raw and gzip -6. The search index is counted apart.
- Lighthouse (npm, pinned in benchmark/package.json): mobile and desktop presets, median of
  --lighthouse-runs per category, largest paint and total blocking time; the systems taken in
  turn within each round, so that a drift in the machine's speed moves them alike.
- Main thread: the section page loaded on a phone with a 4× slower processor and traced in
  Chromium (scripts/page_trace.py), median of --trace-runs, the systems in turn: the blocking
  time after the first contentful paint (each task's time beyond 50 ms), the longest task then,
  all the main thread's tasks, and the restyles of the whole page after the first paint.
- Search: the queries of benchmark/search-queries.yml typed into the search box in Chromium,
  on this site and on the same site with Material's search as it comes (top-1, top-3, mean
  reciprocal rank); what search downloads on a first visit and on the first search; the time
  from the first keystroke to the first result on a throttled phone (CDP: 4× slower CPU,
  1.6 Mbit/s down, 150 ms latency), median of 3.
"""

from __future__ import annotations

import argparse
import contextlib
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
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import local_server
import page_trace
import search_benchmark
from benchmark_baselines import (
    Baseline,
    article_markdown,
    make_material,
    make_material_search,
    make_pandoc,
    make_sphinx,
)
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


# ---- Search: ranking, and what it costs a reader.

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
FIRST_SEARCH = "sica"
PAGEFIND = "Pagefind 1.5.2"


def search_ranks(browser, base: str, queries: list) -> list[int | None]:
    """The rank of each query's expected page, typed into the search box of the landing page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    search_benchmark.SearchBox.prepare(context)
    page = context.new_page()
    page.goto(f"{base}/")
    box = search_benchmark.SearchBox(page)
    ranks = [search_benchmark.rank(box.search(query.query), query, base) for query in queries]
    context.close()
    return ranks


def throttled_page(context):
    """A new page of `context` as a slow phone loads it: no cache, a slow network, a 4× slower CPU."""
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return page


def search_costs(browser, site: Path, base: str) -> dict[str, float]:
    """On a throttled phone, from an empty cache: the bytes of search files (worker, index, lunr
    languages) fetched by the time the page is idle, the bytes the first search adds, and the
    time from focusing the box to the first result on screen."""
    context = browser.new_context(**PHONE)
    search_benchmark.SearchBox.prepare(context)
    page = throttled_page(context)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{base}/", wait_until="load")
    page.wait_for_load_state("networkidle")
    at_load = list(fetched)
    start = time.perf_counter()
    page.locator("label.md-search__icon[for=__search], header label[for=__search]").first.click()
    box = search_benchmark.SearchBox(page)
    box.search(FIRST_SEARCH)
    page.locator(".md-search-result__item").first.wait_for()
    elapsed = time.perf_counter() - start
    context.close()

    def search_bytes(urls: list[str]) -> int:
        total = 0
        for url in set(urls):
            path = unquote(urlsplit(url).path).lstrip("/")
            if "search" in path or "lunr" in path or "pagefind" in path:
                file = site / path
                if file.is_file():
                    total += len(gzip.compress(file.read_bytes(), 6, mtime=0))
        return total

    first_visit = search_bytes(at_load)
    return {"first_visit": first_visit, "first_search": search_bytes(fetched) - first_visit, "time": elapsed}


# Pagefind, the candidate engine, measured on the same built pages through its JavaScript API
# (no interface was built for it: the figures decided the engine before one was needed).
PAGEFIND_SEARCH = """async ([base, query]) => {
  window.__pagefind = window.__pagefind || await import(base + "/pagefind/pagefind.js");
  const found = await window.__pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 10).map(result => result.data()));
  return pages.map(page => ({href: new URL(page.url, base + "/").href, title: page.meta.title || "",
                             links: [new URL(page.url, base + "/").href], sections: []}));
}"""


def make_pagefind(workdir: Path, site: Path) -> tuple[Path, float]:
    """A copy of the built site with a Pagefind index of each page's article (the print view left
    out, as from Material's index); the seconds Pagefind took."""
    copy = workdir / "pagefind-site"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    shutil.rmtree(copy / "print", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(copy), "--root-selector",
                    "article.md-content__inner", "--exclude-selectors", ".headerlink", "--quiet"],
                   check=True, capture_output=True, text=True)
    return copy, time.perf_counter() - start


def pagefind_figures(browser, copy: Path, queries: list) -> dict:
    with serve(copy) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/")
        ranks = [search_benchmark.rank(page.evaluate(PAGEFIND_SEARCH, [base, query.query]), query, base)
                 for query in queries]
        context.close()
        times, added = [], 0
        for _ in range(3):
            context = browser.new_context(**PHONE)
            page = throttled_page(context)
            fetched: list[str] = []
            page.on("request", lambda request, fetched=fetched: fetched.append(request.url))
            page.goto(f"{base}/", wait_until="load")
            page.wait_for_load_state("networkidle")
            before = len(fetched)
            start = time.perf_counter()
            page.evaluate(PAGEFIND_SEARCH, [base, FIRST_SEARCH])
            times.append(time.perf_counter() - start)
            added = sum(len(gzip.compress(data, 6, mtime=0))
                        if not name.endswith(("pf_meta", "pf_index", "pf_fragment"))
                        else len(data)  # Pagefind's own files are compressed already
                        for name, data in ((url, (copy / unquote(urlsplit(url).path).lstrip("/")).read_bytes())
                                           for url in set(fetched[before:])
                                           if (copy / unquote(urlsplit(url).path).lstrip("/")).is_file()))
            context.close()
    bundle = copy / "pagefind"
    return {"ranks": ranks, "time": statistics.median(times), "first_search": added,
            "index": sum(file.stat().st_size for file in bundle.rglob("*") if file.is_file()
                         and file.suffix in (".pf_meta", ".pf_index", ".pf_fragment"))}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f} %"


def ratio_cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def search_rows(site: Baseline, material: Baseline, pagefind: tuple[Path, float], notes: list[str]) -> list[tuple]:
    """The search rows of the table, for this site, Material's default search of the same
    pages, and Pagefind over them; the queries whose page is not first go into the notes."""
    from playwright.sync_api import sync_playwright

    queries = search_benchmark.load_queries()
    systems = [site, material]
    ranks, costs, index_raw, index_gzip = {}, {}, {}, {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        found = pagefind_figures(browser, pagefind[0], queries)
        ranks[PAGEFIND] = found["ranks"]
        costs[PAGEFIND] = {"first_visit": 0, "first_search": found["first_search"], "time": found["time"]}
        index_gzip[PAGEFIND] = found["index"]  # its files are compressed as written
        for system in systems:
            with serve(system.output) as base:
                ranks[system.name] = search_ranks(browser, base, queries)
                runs = [search_costs(browser, system.output, base) for _ in range(3)]
            costs[system.name] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            index = search_index(system.output)
            data = index.read_bytes()
            index_raw[system.name], index_gzip[system.name] = len(data), len(gzip.compress(data, 6, mtime=0))
        browser.close()
    rows = []
    for key, label, formatter in (("top1", "first", percent), ("top3", "in the first three", percent),
                                  ("mrr", "mean reciprocal rank", ratio_cell)):
        rows.append((f"Search, {len(queries)} queries: expected page {label}" if key != "mrr"
                     else f"Search, {len(queries)} queries: {label}",
                     {name: search_benchmark.scores(values)[key] for name, values in ranks.items()}, formatter))
    rows += [("Search files on a first visit, before any search, gzip",
              {name: value["first_visit"] for name, value in costs.items()}, kb),
             ("Search files the first search adds, gzip",
              {name: value["first_search"] for name, value in costs.items()}, kb),
             ("Search: opening the box to the first result, throttled phone (median of 3)",
              {name: value["time"] for name, value in costs.items()}, seconds),
             ("Search index, raw", index_raw, kb), ("Search index, gzip", index_gzip, kb),
             ("Search index, of which accent folding, raw", {SITE: folding_bytes(site.output)}, kb)]
    for name, values in ranks.items():
        missed = [f"“{query.query}” {('not in the first ten' if rank is None else f'at {rank}')}"
                  for query, rank in zip(queries, values, strict=True) if rank != 1]
        notes.append(f"{name}: queries whose page is not first: {'; '.join(missed) if missed else 'none'}")
    return rows


def search_section(workdir: Path, site: Baseline, runs: int, notes: list[str]) -> str:
    """The search table: this site against the same site with Material's search as it comes
    (both built here: the build-time row is what the edition's search changes cost)."""
    material = make_material_search(workdir)
    print(f"search: building both ×{runs}, then typing the queries…", file=sys.stderr)
    cold, _ = build_times([site, material], runs, {SITE: [ROOT / "scripts"]})
    pagefind = make_pagefind(workdir, material.output)
    cold[PAGEFIND] = cold[material.name] + pagefind[1]
    rows = [(f"Build, cold (median of {runs}; Pagefind: Material's build and the indexing)", cold, seconds),
            *search_rows(site, material, pagefind, notes)]
    notes.append(f"{PAGEFIND}: indexing alone {pagefind[1]:.2f} s; queries sent through its JavaScript API "
                 "(pagefind.search), not typed into an interface; its index counts its own compressed files "
                 "(pf_meta, pf_index, pf_fragment); nothing of it loads before the first search")
    return table(rows, [SITE, material.name, PAGEFIND])


def search_index(site: Path) -> Path | None:
    for candidate in ("search/search_index.json", "searchindex.js"):
        if (site / candidate).is_file():
            return site / candidate
    return None


# ---- Lighthouse.

def lighthouse_once(url: str, preset: str) -> dict[str, float]:
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
    result = {category: 100 * (data["categories"][category]["score"] or 0) for category in CATEGORIES}
    result["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    result["tbt"] = data["audits"]["total-blocking-time"]["numericValue"] / 1000
    return result


def lighthouse(pages: dict[str, tuple[Path, str]], preset: str, runs: int) -> dict[str, dict[str, float]]:
    """Each system's page (name: (site folder, path)) measured `runs` times, the systems taken in
    turn within each round, and the median of each figure. In turn, not one system's runs after
    another's: Lighthouse simulates the phone from the time the tasks took on this machine, and a
    shared machine's speed drifts within minutes (on 2 December 2026 the same section page's
    median went from 99 to 94 within an hour, and default Material's single runs from 100 to
    94); taken in turn, a drift moves every system's figures alike, and the ratios hold."""
    figures: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
    with contextlib.ExitStack() as stack:
        bases = {name: stack.enter_context(serve(site)) for name, (site, _) in pages.items()}
        for round_number in range(runs):
            for name, (_, path) in pages.items():
                print(f"lighthouse {preset} {name} {path or '/'} ({round_number + 1}/{runs})…", file=sys.stderr)
                figures[name].append(lighthouse_once(f"{bases[name]}/{path}", preset))
    return {name: {key: statistics.median(run[key] for run in runs_of) for key in runs_of[0]}
            for name, runs_of in figures.items()}


# ---- The main thread, from a trace.

def main_thread(pages: dict[str, tuple[Path, str]], runs: int) -> dict[str, dict[str, float]]:
    """Each system's page (name: (site folder, path)) loaded and traced `runs` times on a phone
    with a 4× slower processor, the systems in turn within each round, and the median of each
    figure (scripts/page_trace.py)."""
    from playwright.sync_api import sync_playwright

    loads: dict[str, list[page_trace.MainThread]] = {name: [] for name in pages}
    with contextlib.ExitStack() as stack, sync_playwright() as playwright:
        bases = {name: stack.enter_context(serve(site)) for name, (site, _) in pages.items()}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for round_number in range(runs):
            for name, (_, path) in pages.items():
                print(f"trace {name} {path or '/'} ({round_number + 1}/{runs})…", file=sys.stderr)
                loads[name].append(page_trace.traced_load(browser, f"{bases[name]}/{path}", bases[name]))
        browser.close()
    return {name: page_trace.median_figures(runs_of) for name, runs_of in loads.items()}


def main_thread_rows(results: dict[str, dict[str, float]], runs: int) -> list:
    where = f"section page, phone, 4× slower processor, median of {runs}"
    return [(f"Main thread after the first paint: blocking time ({where})",
             {name: value["blocking_ms"] / 1000 for name, value in results.items()}, milliseconds),
            (f"Main thread after the first paint: longest task ({where})",
             {name: value["longest_task_ms"] / 1000 for name, value in results.items()}, milliseconds),
            (f"Main thread, all tasks of the load ({where})",
             {name: value["busy_ms"] / 1000 for name, value in results.items()}, milliseconds),
            (f"Whole-page restyles after the first paint ({where})",
             {name: value["whole_page_restyles"] for name, value in results.items()}, count)]


# ---- The table.

def ratio(value, baseline, least: float = 0) -> str:
    """The site's figure over the baseline's, left out where the baseline is `least` or less."""
    if value is None or baseline is None or baseline <= least:
        return ""
    return f" (×{value / baseline:.2f})"


def kb(size: int | None) -> str:
    return "—" if size is None else f"{size / 1024:.1f} KB"


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def count(value: float | None) -> str:
    """A count, or a median of counts (which may fall between two)."""
    if value is None:
        return "—"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def html_pages(site: Path) -> int:
    """The pages a build wrote (Sphinx's and MkDocs' own search and index pages included)."""
    return sum(1 for _ in site.rglob("*.html"))


def milliseconds(value: float | None) -> str:
    return "—" if value is None else f"{value * 1000:.0f} ms"


# The baseline figure at or below which a row gives no ratio, by the row's formatter: a blocking
# time of 10 ms or less is Lighthouse's "none" (Sphinx's section measured 1 ms: ours ×385 of it).
LEAST_BASELINE = {milliseconds: 0.01}


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def table(rows: list[tuple[str, dict[str, object], callable]], systems: list[str]) -> str:
    """One Markdown table; each baseline cell carries the site's figure as a ratio to it."""
    lines = ["| Measure | " + " | ".join(systems) + " |", "|---|" + "---|" * len(systems)]
    for label, values, formatter in rows:
        cells = [formatter(values.get(SITE))]
        for system in systems[1:]:
            cells.append(formatter(values.get(system)) + (ratio(values.get(SITE), values.get(system),
                                                                LEAST_BASELINE.get(formatter, 0))
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
            versions.append(f"{name or command[0]} not installed")
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


def format_rows(site: Path, workdir: Path, notes: list[str], runs: int = 3) -> list:
    """The formats made from the built site (scripts/build_pdf.py: article PDF, companion PDF,
    EPUB): each one's build time (median of `runs`, the site's build not counted), size and pages."""
    try:
        import build_pdf
        from edition import publication
    except ImportError as error:
        notes.append(f"formats: scripts/build_pdf.py not importable, not measured ({error})")
        return []
    source = publication.load(ROOT)
    out = workdir / "formats"
    out.mkdir(exist_ok=True)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    try:
        made = [build_pdf.make_formats(site, source, None, out) for _ in range(runs)]
    except build_pdf.FormatError as error:
        notes.append(f"formats: scripts/build_pdf.py failed, not measured: {error}")
        return []
    rows = []
    for index, (label, unit) in enumerate((("Article PDF", "pages"), ("Companion PDF", "pages"), ("EPUB", "chapters"))):
        last = made[-1][index]
        rows += [(f"{label}: build from the built site (median of {runs})",
                  {SITE: statistics.median(run[index].seconds for run in made)}, seconds),
                 (f"{label}: size", {SITE: last.size}, kb),
                 (f"{label}: {unit}", {SITE: last.pages}, count)]
    return rows


def reader_pages(runs: int, trace_runs: int) -> int:
    """The figures the reader's tools answer for (issue 15), without the build times: the
    section page's first-visit weight against default Material's, its main thread traced on a
    slowed phone (median of `trace_runs`) beside default Material's and Sphinx's, and Lighthouse
    mobile performance, largest paint and total blocking time (median of `runs`) on the landing
    page, the longest section, a glossary entry and the bibliography; the section's beside
    default Material's and Sphinx's, measured in the same rounds. One build of each; about ten
    minutes."""
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
        say(f"Reader's pages, {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}, on {machine()}; "
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
        traced = main_thread({system.name: (system.output, system.pages["section"])
                              for system in (site, material, sphinx)}, trace_runs)
        for label, values, formatter in main_thread_rows(traced, trace_runs):
            say(f"{label}: {formatter(values[SITE])}; " + "; ".join(
                f"{name} {formatter(values[name])}{ratio(values[SITE], values[name], LEAST_BASELINE.get(formatter, 0))}"
                for name in (material.name, sphinx.name)))
        if not LIGHTHOUSE.exists():
            say("Lighthouse not installed (npm ci --prefix benchmark): not measured")
        else:
            for role in site.pages:
                others = (material, sphinx) if role == "section" else ()
                results = lighthouse({system.name: (system.output, system.pages[role]) for system in (site, *others)},
                                     "mobile", runs)
                ours = results[SITE]
                say(f"Lighthouse mobile, {role}: performance {score(ours['performance'])}, largest paint "
                    f"{seconds(ours['lcp'])}, total blocking time {milliseconds(ours['tbt'])}")
                for system in others:
                    theirs = results[system.name]
                    say(f"  {system.name}, same round: performance {score(theirs['performance'])}, largest paint "
                        f"{seconds(theirs['lcp'])}{ratio(ours['lcp'], theirs['lcp'])}, total blocking time "
                        f"{milliseconds(theirs['tbt'])}"
                        f"{ratio(ours['tbt'], theirs['tbt'], LEAST_BASELINE[milliseconds])}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def runs_count(text: str) -> int:
    """A number of runs for argparse: a median needs at least one."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} runs: a median needs at least one")
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=runs_count, default=5)
    parser.add_argument("--lighthouse-runs", type=runs_count, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--trace-runs", type=runs_count, default=5,
                        help="traced loads of each system's section page (the main thread's figures)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmark" / "RESULTS.md")
    parser.add_argument("--search-only", action="store_true",
                        help="only the search rows (ranking, bytes, time to first result); printed, not written")
    parser.add_argument("--reader", action="store_true",
                        help="only the reader's pages: section weight and main thread against default Material's "
                             "and Sphinx's, Lighthouse mobile")
    args = parser.parse_args()
    if args.reader:
        return reader_pages(args.lighthouse_runs, args.trace_runs)
    notes: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="edition-benchmark-"))
    try:
        site = Baseline(SITE, ROOT, [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d",
                                     str(workdir / "site")], workdir / "site")
        if args.search_only:
            search_table = search_section(workdir, site, min(args.runs, 3), notes)
            print("\n".join(["# Search benchmark", "", search_table, "", "Notes:", "",
                             *[f"- {note}" for note in notes], ""]))
            return 0
        landing, sections = article_markdown(workdir)
        baselines = [make_material(workdir, landing, sections), make_sphinx(workdir, landing, sections),
                     make_pandoc(workdir, landing, sections)]
        systems = [site, *baselines]
        names = [system.name for system in systems]
        print(f"building each ×{args.runs}, cold and warm…", file=sys.stderr)
        cold, warm = build_times(systems, args.runs, {SITE: [ROOT / "scripts"]})
        for system in systems:
            notes += [f"{system.name}: {note}" for note in system.notes]
        rows = [(f"Build, cold (median of {args.runs})", cold, seconds),
                (f"Build, warm (median of {args.runs})", warm, seconds),
                ("HTML pages built", {system.name: html_pages(system.output) for system in systems}, count)]

        rows += format_rows(site.output, workdir, notes)

        site.pages = pages_of_site(site.output)
        for role in ("glossary", "bibliography"):
            if role not in site.pages:
                notes.append(f"{role} page not built: not measured")
        section_slug = site.pages["section"].split("/")[1]
        baselines[0].pages = {"landing": "", "section": f"article/{section_slug}/"}
        baselines[1].pages = {"landing": "index.html", "section": f"article/{section_slug}.html"}
        baselines[2].pages = {"landing": "index.html", "section": "index.html"}
        if "bibliography" in site.pages and (baselines[1].output / "bibliography.html").is_file():
            baselines[1].pages["bibliography"] = "bibliography.html"
            baselines[2].pages["bibliography"] = "index.html"  # the one page holds the bibliography too
        notes.append(f"Section page measured: {section_slug} (the site's longest); "
                     "pandoc makes one page of the whole article")

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
        rows += [("Search index, raw", index_raw, kb), ("Search index, gzip", index_gzip, kb)]
        rows += main_thread_rows(main_thread({system.name: (system.output, system.pages["section"])
                                              for system in systems}, args.trace_runs), args.trace_runs)
        search_table = search_section(workdir, site, args.runs, notes)

        if args.no_lighthouse:
            notes.append("Lighthouse skipped (--no-lighthouse)")
        elif not LIGHTHOUSE.exists():
            notes.append("Lighthouse not installed (npm ci --prefix benchmark): not measured")
        else:
            for preset in ("mobile", "desktop"):
                for role in site.pages:
                    results = lighthouse({system.name: (system.output, system.pages[role])
                                          for system in systems if role in system.pages}, preset, args.lighthouse_runs)
                    for category in CATEGORIES:
                        rows.append((f"Lighthouse {preset}, {role}: {category}",
                                     {name: value[category] for name, value in results.items()}, score))
                    rows.append((f"Lighthouse {preset}, {role}: LCP",
                                 {name: value["lcp"] for name, value in results.items()}, seconds))
                    rows.append((f"Lighthouse {preset}, {role}: total blocking time",
                                 {name: value["tbt"] for name, value in results.items()}, milliseconds))

        date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        report = "\n".join([
            "# Benchmark", "",
            f"Run {date} by `python scripts/benchmark.py` on: {machine()}.", "",
            "Each baseline cell gives its figure and, in brackets, this site's figure as a ratio to it "
            "(×1.00 is equal; below 1 the site is smaller, faster or lower).", "",
            table(rows, names), "",
            "## Search", "",
            ("This site against the same pages with Material's search as it comes, and Pagefind; the "
             "target: every query's page among the first three, and at least 90 % first."), "",
            search_table, "",
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
