"""The search queries a reader would type (benchmark/search-queries.yml), and how to type them
into Material's search box in Chromium and read the ranked pages back.

Used by scripts/benchmark.py (ranking figures) and tests/test_search.py (asserted ranks). Each
query costs four calls into the browser: one to note how many queries the search worker has
answered so far, two keystroke calls (the text as a paste would put it, then its last key, on
which Material searches), and one that waits in the page for the worker's answer and reads
every result at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "benchmark" / "search-queries.yml"
KINDS = {"acronym", "name-es", "name-en", "alias", "person", "place", "phrase", "misspelling", "page", "topic"}
FIELDS = {"query", "page", "section", "kind", "test"}


@dataclass(frozen=True)
class Query:
    query: str
    page: str  # the page's address in the site, "glossary/sica/"; "" for the landing page
    section: str | None  # "#definition": that section must be listed under the page
    kind: str
    test: bool
    line: int


class QueryFileError(ValueError):
    pass


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The queries, each checked: a mistake in the file names the file and its line."""
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise QueryFileError(f"{where}: not valid YAML: {error}") from None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise QueryFileError(f"{where}: expected a list under 'queries:'")
    nodes = next(value for key, value in document.value if key.value == "queries").value
    queries = []
    for node, entry in zip(nodes, data["queries"], strict=True):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict):
            raise QueryFileError(f"{where}:{line}: each query is a mapping (query:, page:, kind:)")
        unknown = set(entry) - FIELDS
        if unknown:
            raise QueryFileError(f"{where}:{line}: unknown field(s) {', '.join(sorted(unknown))}; "
                                 f"known: {', '.join(sorted(FIELDS))}")
        for name in ("query", "page", "kind"):
            if not isinstance(entry.get(name), str):
                raise QueryFileError(f"{where}:{line}: '{name}' is missing or not text")
        if entry["kind"] not in KINDS:
            raise QueryFileError(f"{where}:{line}: kind '{entry['kind']}' is not one of {', '.join(sorted(KINDS))}")
        if entry["page"] and not entry["page"].endswith("/"):
            raise QueryFileError(f"{where}:{line}: page '{entry['page']}' must end with '/' (glossary/sica/)")
        section = entry.get("section")
        if section is not None and not (isinstance(section, str) and section.startswith("#")):
            raise QueryFileError(f"{where}:{line}: section must be an anchor such as '#definition'")
        queries.append(Query(entry["query"], entry["page"], section, entry["kind"], bool(entry.get("test")), line))
    return queries


# Counts the search worker's queries and answers (Material's worker protocol: 2 is a query, 3 a
# result), so that a reading never takes the previous query's results for this one's.
COUNTER_SCRIPT = """(() => {
  const post = Worker.prototype.postMessage;
  window.__searchAsked = 0; window.__searchAnswered = 0;
  Worker.prototype.postMessage = function (message) {
    if (!this.__counted) {
      this.__counted = true;
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) window.__searchAnswered++;
      });
    }
    if (message && message.type === 2) window.__searchAsked++;
    return post.apply(this, arguments);
  };
})();"""

READ_RESULTS = """async (asked) => {
  const deadline = Date.now() + 15000;
  while (!(window.__searchAsked > asked && window.__searchAnswered >= window.__searchAsked)) {
    if (Date.now() > deadline) return null;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  // Material renders the answer on the next frames
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return Array.from(document.querySelectorAll(".md-search-result__item")).map(item => ({
    href: item.querySelector("a.md-search-result__link").href,
    title: item.querySelector("article h1").innerText.split(/\\s+/).join(" ").trim(),
    links: Array.from(item.querySelectorAll("a.md-search-result__link")).map(link => link.href),
    sections: Array.from(item.querySelectorAll("article h2")).map(h => h.innerText.split(/\\s+/).join(" ").trim()),
  }));
}"""


class SearchBox:
    """Material's search box on one open page (prepared with `prepare(context)` before it loads)."""

    def __init__(self, page):
        self.page = page
        self.last: str | None = None
        self.results: list[dict] = []

    @staticmethod
    def prepare(context) -> None:
        context.add_init_script(COUNTER_SCRIPT)

    def search(self, query: str) -> list[dict]:
        """Type the query as a reader does; the results as shown: [{href, title, links, sections}]."""
        if query == self.last:  # Material does not search again for the same text
            return self.results
        asked = self.page.evaluate("() => window.__searchAsked")
        box = self.page.locator("input.md-search__input")
        box.fill(query[:-1])
        box.press_sequentially(query[-1])
        results = self.page.evaluate(READ_RESULTS, asked)
        if results is None:
            raise TimeoutError(f"the search worker did not answer “{query}”")
        self.last, self.results = query, results
        return results


def page_of(href: str, base: str) -> str:
    """The page address ("glossary/sica/") of a result link."""
    path = urlsplit(href).path
    prefix = urlsplit(base).path.rstrip("/") + "/"
    return path[len(prefix):] if path.startswith(prefix) else path.lstrip("/")


def rank(results: list[dict], query: Query, base: str) -> int | None:
    """1 for the first result; None when the page (with its section, if given) is not shown."""
    for position, result in enumerate(results, start=1):
        if page_of(result["href"], base) != query.page:
            continue
        if query.section and not any(urlsplit(link).fragment == query.section[1:] for link in result["links"]):
            continue
        return position
    return None


def scores(ranks: list[int | None]) -> dict[str, float]:
    """top-1 and top-3 (shares of the queries) and the mean reciprocal rank."""
    total = len(ranks) or 1
    return {"top1": sum(r == 1 for r in ranks) / total,
            "top3": sum(r is not None and r <= 3 for r in ranks) / total,
            "mrr": sum(1 / r for r in ranks if r) / total}
