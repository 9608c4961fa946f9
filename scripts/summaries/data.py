"""Loading the at-a-glance data files; every entry checked against the article.

Every sentence, takeaway, figure and event names a paragraph (`par`) and quotes `evidence`
from it; the quotation must be found in that paragraph or the build stops, naming the file
and the line. So a link can only point at a passage that says what the entry claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition import datafiles, sourcing
from edition.errors import EditionError, shortened
from edition.sections import Section

from . import hedges
from .passages import Anchor, Passage, anchor

# `hedge_dropped_because`: why the sentence may state firmly what the authors hedge (see hedges.py)
LINKED_FIELDS = {"text": str, "par": str, "evidence": str, "hedge_dropped_because": (str, type(None))}
SOURCED_FIELDS = {"sources": (list, type(None)), "status": (str, type(None))}
SENTENCES_PER_SECTION = (3, 5)


@dataclass(frozen=True)
class Linked:
    """A sentence of the editors' that rests on one paragraph."""
    text: str
    anchor: Anchor


@dataclass(frozen=True)
class Summaries:
    reading_rate: int
    argument: str
    takeaways: list[Linked]
    sections: dict[str, list[Linked]]


@dataclass(frozen=True)
class Figure:
    figure: str
    measure: str
    when: str
    check: str | None
    anchor: Anchor
    sources: tuple[str, ...]
    status: str | None


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: int


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    points: list[ChartPoint]
    anchor: Anchor


@dataclass(frozen=True)
class Event:
    year: int
    date: str
    event: str
    note: str | None
    anchor: Anchor
    sources: tuple[str, ...]
    status: str | None


def fields(entry: Any, spec: dict[str, type | tuple[type, ...]], path: Path, line: int, what: str) -> dict:
    """`entry` checked to be a mapping with exactly the fields of `spec`."""
    if not isinstance(entry, dict):
        raise EditionError(path, line, f"{what} must be a mapping, got {entry!r}")
    line = entry.get(datafiles.LINE_KEY, line)
    for name in entry:
        if name != datafiles.LINE_KEY and name not in spec:
            raise EditionError(path, datafiles.line_of(entry, name),
                               f"{what}: unknown field '{name}' (known: {', '.join(spec)})")
    checked = {datafiles.LINE_KEY: line}
    for name, kind in spec.items():
        optional = isinstance(kind, tuple) and type(None) in kind
        if name not in entry and not optional:
            raise EditionError(path, line, f"{what}: missing field '{name}'")
        value = entry.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise EditionError(path, datafiles.line_of(entry, name), f"{what}: field '{name}' should be "
                               f"{datafiles.describe(kind)}, got {shortened(value)!r}")
        checked[name] = value
    return checked


def linked(entry: Any, passages: dict[str, Passage], path: Path, line: int, what: str,
           claims: list[hedges.Claim]) -> Linked:
    """The sentence, its paragraph checked; its claim added to `claims` for the hedge lint."""
    item = fields(entry, LINKED_FIELDS, path, line, what)
    line = item[datafiles.LINE_KEY]
    if "[" in item["text"] or "]" in item["text"]:
        raise EditionError(path, line, f"{what}: no square brackets, please (the sentence is a link's text)")
    found = anchor(passages, item["par"], item["evidence"], path, line)
    claims.append(hedges.Claim(item["text"], item["par"], item["evidence"], item["hedge_dropped_because"],
                               path, line, what))
    return Linked(item["text"], found)


def sourced(item: dict, path: Path, what: str) -> tuple[tuple[str, ...], str | None]:
    """The entry's sources (strings) and status, by the sourcing rule."""
    line = item[datafiles.LINE_KEY]
    sources, status = sourcing.check(item["sources"], item["status"], path, line, what)
    if not all(isinstance(source, str) and source.strip() for source in sources):
        raise EditionError(path, line, f"{what}: every source must be a line of text naming where the fact is found")
    return tuple(" ".join(source.split()) for source in sources), status


def load_summaries(path: Path, passages: dict[str, Passage], sections: list[Section]) -> Summaries:
    document = fields(datafiles.load(path), {"reading_rate": int, "overview": dict, "sections": list},
                      path, 1, "the summaries file")
    if document["reading_rate"] <= 0:
        raise EditionError(path, datafiles.line_of(document, "reading_rate"),
                           "reading_rate must be a positive number of words a minute")
    overview = fields(document["overview"], {"argument": str, "takeaways": list}, path, 1, "overview")
    claims: list[hedges.Claim] = []
    takeaways = [linked(entry, passages, path, overview[datafiles.LINE_KEY], "takeaway", claims)
                 for entry in overview["takeaways"]]
    slugs = [section.slug for section in sections]
    found: dict[str, list[Linked]] = {}
    for entry in document["sections"]:
        section = fields(entry, {"slug": str, "sentences": list}, path, 1, "section summary")
        line = section[datafiles.LINE_KEY]
        slug = section["slug"]
        if slug not in slugs:
            raise EditionError(path, line, f"unknown section '{slug}' (sections: {', '.join(slugs)})")
        if slug in found:
            raise EditionError(path, line, f"section '{slug}' is summarised twice")
        low, high = SENTENCES_PER_SECTION
        if not low <= len(section["sentences"]) <= high:
            raise EditionError(path, line, f"section '{slug}' has {len(section['sentences'])} sentences; "
                               f"a summary has {low} to {high}")
        sentences = [linked(sentence, passages, path, line, f"section '{slug}'", claims)
                     for sentence in section["sentences"]]
        for sentence in sentences:
            if sentence.anchor.section.slug != slug:
                raise EditionError(path, line, f"section '{slug}': a sentence rests on {sentence.anchor.paragraph}, "
                                   f"which is in section '{sentence.anchor.section.slug}'")
        found[slug] = sentences
    if list(found) != slugs:
        raise EditionError(path, 1, f"the summaries must cover every section once, in order: {slugs}; "
                           f"they cover {list(found)}")
    hedges.check(claims, passages)
    return Summaries(document["reading_rate"], overview["argument"], takeaways, found)


def load_figures(path: Path, passages: dict[str, Passage]) -> tuple[list[Figure], Chart]:
    document = fields(datafiles.load(path), {"figures": list, "chart": dict}, path, 1, "the key figures file")
    figures = []
    for entry in document["figures"]:
        item = fields(entry, {"figure": str, "measure": str, "when": str, "par": str, "evidence": str,
                              "check": (str, type(None)), **SOURCED_FIELDS}, path, 1, "figure")
        what = f"figure {item['figure']!r}"
        sources, status = sourced(item, path, what)
        if item["check"] is None and status is None:
            raise EditionError(path, item[datafiles.LINE_KEY], f"{what}: say under 'check' what the sources say")
        figures.append(Figure(item["figure"], item["measure"], item["when"], item["check"],
                              anchor(passages, item["par"], item["evidence"], path, item[datafiles.LINE_KEY]),
                              sources, status))
    chart = fields(document["chart"], {"title": str, "unit": str, "par": str, "evidence": str, "points": list},
                   path, 1, "chart")
    line = chart[datafiles.LINE_KEY]
    points = []
    for entry in chart["points"]:
        point = fields(entry, {"label": str, "value": int}, path, line, "chart point")
        if f"{point['value']:,}" not in chart["evidence"]:
            raise EditionError(path, point[datafiles.LINE_KEY], f"chart value {point['value']:,} is not in the "
                               f"chart's evidence {chart['evidence']!r}")
        points.append(ChartPoint(point["label"], point["value"]))
    if len(points) < 2:
        raise EditionError(path, line, "a chart needs at least two points")
    return figures, Chart(chart["title"], chart["unit"], points,
                          anchor(passages, chart["par"], chart["evidence"], path, line))


def load_timeline(path: Path, passages: dict[str, Passage]) -> list[Event]:
    document = fields(datafiles.load(path), {"events": list}, path, 1, "the timeline file")
    events: list[Event] = []
    for entry in document["events"]:
        item = fields(entry, {"year": int, "date": str, "event": str, "par": str, "evidence": str,
                              "note": (str, type(None)), **SOURCED_FIELDS}, path, 1, "event")
        line = item[datafiles.LINE_KEY]
        # The event itself is the article's (its paragraph is checked below); a note adds the
        # editors' facts, and those need their sources.
        if item["note"] is None and not item["sources"] and item["status"] is None:
            sources, status = (), None
        else:
            sources, status = sourced(item, path, f"event {item['date']!r} (its note)")
        if str(item["year"]) not in item["date"]:
            raise EditionError(path, line, f"the date {item['date']!r} does not contain its year {item['year']}")
        if events and item["year"] < events[-1].year:
            raise EditionError(path, line, f"events must run in order of year: {item['year']} comes after "
                               f"{events[-1].year}")
        events.append(Event(item["year"], item["date"], item["event"], item["note"],
                            anchor(passages, item["par"], item["evidence"], path, line), sources, status))
    return events
