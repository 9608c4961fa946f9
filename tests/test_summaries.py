"""The article at a glance as a reader meets it: each section page opens with its reading time
and the editors' summary; every summary sentence, takeaway, key figure and timeline event
leads to a paragraph that says what it claims, on the printed page it names; reading times
add up; the trade chart is a valid, self-described SVG with its values in a table. Also bad
data refused."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import build_site
from passage_links import follow, page_of, paragraph, reading_text, squash
from summaries.reading_time import count_words

ROOT = Path(__file__).resolve().parents[1]
EDITORIAL = ROOT / "editorial"
SECTIONS = yaml.safe_load((EDITORIAL / "sections.yml").read_text(encoding="utf-8"))["sections"]
SUMMARIES = yaml.safe_load((EDITORIAL / "summaries.yml").read_text(encoding="utf-8"))
FIGURES = yaml.safe_load((EDITORIAL / "key-figures.yml").read_text(encoding="utf-8"))
TIMELINE = yaml.safe_load((EDITORIAL / "timeline.yml").read_text(encoding="utf-8"))["events"]
RATE = SUMMARIES["reading_rate"]
SVG_NS = "{http://www.w3.org/2000/svg}"


def sentences_of(slug: str) -> list[dict]:
    return next(entry["sentences"] for entry in SUMMARIES["sections"] if entry["slug"] == slug)


def text_of(markup: str) -> str:
    """A data sentence as the reader sees it (tags dropped)."""
    return squash(re.sub(r"<[^>]+>", "", markup))


def check_supported(site, html, page: str, link, entry: dict) -> None:
    """The link leads to the entry's paragraph, and the paragraph holds the entry's evidence."""
    target = paragraph(site, page, link["href"])
    assert target["id"] == entry["par"], (page, entry["text"] if "text" in entry else entry)
    assert squash(entry["evidence"]) in reading_text(target), (page, entry["evidence"])


def minutes(words: int) -> int:
    return max(1, math.ceil(words / RATE))


def section_words(html, slug: str) -> int:
    return sum(count_words(reading_text(block)) for block in html(f"article/{slug}").select("p.article-paragraph"))


def test_each_section_page_opens_with_its_reading_time_and_summary(html):
    for section in SECTIONS:
        content = html(f"article/{section['slug']}").select_one("article.md-content__inner")
        heading = content.select_one("h1")
        label = heading.find_next_sibling()
        assert "editorial-label" in label["class"]
        reading = label.find_next_sibling()
        box = reading.find_next_sibling()
        assert "reading-time" in reading["class"]
        # closed, so that the authors' text starts on a phone's first screen (tests/test_reader_tools.py)
        assert box.name == "details" and "editorial-summary" in box["class"] and not box.has_attr("open")
        assert box.find_next_sibling()["class"][0] == "article-paragraph"
        assert box.select_one("summary").get_text().startswith("Editors’ summary")
        assert "Written by the editors" in box.get_text()
        shown = [squash(sentence.get_text().removesuffix(sentence.select_one("a.summary-source").get_text()))
                 for sentence in box.select(".summary-sentence")]
        assert shown == [text_of(entry["text"]) for entry in sentences_of(section["slug"])]
        assert 3 <= len(shown) <= 5
        words = section_words(html, section["slug"])
        assert squash(reading.get_text()) == (f"Reading time: about {minutes(words)} minute"
                                              f"{'s' if minutes(words) != 1 else ''} ({words:,} words, "
                                              f"at {RATE} words a minute)")


def test_every_summary_sentence_leads_to_the_paragraph_that_supports_it(site, html):
    for section in SECTIONS:
        page = f"article/{section['slug']}"
        links = html(page).select(".editorial-summary a.summary-source")
        for link, entry in zip(links, sentences_of(section["slug"]), strict=True):
            check_supported(site, html, page, link, entry)
    collected = html("at-a-glance/summaries")
    for section in SECTIONS:
        heading = collected.find(id=section["slug"])
        assert follow(site, "at-a-glance/summaries", heading.select_one("a")["href"])[1] == f"article/{section['slug']}"
        links = heading.find_next_sibling("p", class_="section-summary").select("a.summary-sentence")
        for link, entry in zip(links, sentences_of(section["slug"]), strict=True):
            assert squash(link.get_text()) == text_of(entry["text"])
            check_supported(site, html, "at-a-glance/summaries", link, entry)
            printed = int(re.search(r"printed page (\d+)", link["title"]).group(1))
            assert printed == page_of(html(f"article/{section['slug']}"), entry["par"], entry["evidence"])


def test_the_overview_gives_the_argument_the_takeaways_and_the_reading_times(site, html):
    page = html("at-a-glance")
    content = page.select_one("article.md-content__inner")
    argument = content.select_one("h2#the-argument").find_next_sibling("h2")
    words = 0
    for block in content.select_one("h2#the-argument").find_next_siblings():
        if block is argument:
            break
        words += count_words(block.get_text())
    assert 250 <= words <= 380, f"the argument runs to {words} words; about 300 are wanted"
    takeaways = content.select_one("h2#key-takeaways").find_next_sibling("ol").select("li")
    assert len(takeaways) == len(SUMMARIES["overview"]["takeaways"]) >= 3
    for item, entry in zip(takeaways, SUMMARIES["overview"]["takeaways"], strict=True):
        check_supported(site, html, "at-a-glance", item.select_one("a.summary-sentence"), entry)
    total = sum(section_words(html, section["slug"]) for section in SECTIONS)
    assert f"about {minutes(total)} minutes ({total:,} words, at {RATE} words a minute)" in \
        squash(content.select_one("p.reading-time").get_text())
    rows = content.select_one("h2#sections-and-reading-times").find_next_sibling("table").select("tbody tr")
    assert len(rows) == len(SECTIONS) + 1
    # the table's last row is the whole article's total: the sections pair with the rows before it
    for row, section in zip(rows, SECTIONS, strict=False):
        cells = [squash(cell.get_text()) for cell in row.select("td")]
        words = section_words(html, section["slug"])
        assert cells[2:] == [f"{words:,}", f"{minutes(words)} min"]
        assert follow(site, "at-a-glance", row.select_one("a")["href"])[1] == f"article/{section['slug']}"


def test_key_figures_stand_in_their_passages(site, html):
    table = html("at-a-glance/key-figures").select_one(".key-figures table")
    rows = table.select("tbody tr")
    assert len(rows) == len(FIGURES["figures"])
    for row, entry in zip(rows, FIGURES["figures"], strict=True):
        assert squash(row.select_one(".key-figures__figure").get_text()) == entry["figure"]
        link = row.select_one("a.passage-link")
        check_supported(site, html, "at-a-glance/key-figures", link, entry)
        section = follow(site, "at-a-glance/key-figures", link["href"])[0]
        assert squash(link.get_text()) == f"p. {page_of(section, entry['par'], entry['evidence'])}"
    shown = squash(table.get_text())
    # the figures
    for figure in ("1,836", "6,554", "500,000", "72", "57,000", "94 %", "1.4 billion"):
        assert figure in shown, figure


def test_the_trade_chart_is_a_valid_accessible_svg(site, html):
    source = (site / "at-a-glance" / "key-figures" / "index.html").read_text(encoding="utf-8")
    markup = re.findall(r"<svg\b.*?</svg>", source, flags=re.S)
    svg = next(etree.fromstring(item) for item in markup if 'class="bar-chart"' in item)
    assert svg.tag == f"{SVG_NS}svg" and svg.get("role") == "img"
    title, desc = (svg.find(f"{SVG_NS}{name}") for name in ("title", "desc"))
    assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    points = FIGURES["chart"]["points"]
    assert title.text.strip() and all(f"{point['label']}: {point['value']:,}" in desc.text for point in points)
    bars = svg.findall(f".//{SVG_NS}rect")
    assert [int(bar.get("data-value")) for bar in bars] == [point["value"] for point in points]
    heights = [float(bar.get("height")) for bar in bars]
    for bar, point in zip(heights, points, strict=True):
        assert bar / heights[-1] == pytest.approx(point["value"] / points[-1]["value"], rel=0.01)
    baseline = {round(float(bar.get("y")) + float(bar.get("height")), 1) for bar in bars}
    assert len(baseline) == 1, "bars must stand on one baseline"
    assert not svg.findall(f".//{SVG_NS}script") and "href" not in etree.tostring(svg).decode()
    # the text alternative on the page: the values in a table beside the chart
    figure = html("at-a-glance/key-figures").select_one("figure.chart-figure")
    data = figure.find_next_sibling("table")
    assert [[squash(cell.get_text()) for cell in row.select("td")] for row in data.select("tbody tr")] == \
        [[point["label"], f"{point['value']:,}"] for point in points]
    check_supported(site, html, "at-a-glance/key-figures", figure.find_next_sibling("p").select_one("a"),
                    FIGURES["chart"])


def test_the_timeline_runs_in_order_and_every_event_leads_to_its_passage(site, html):
    events = html("at-a-glance/timeline").select("ol.timeline > li")
    assert len(events) == len(TIMELINE)
    years = [int(item.select_one("time")["datetime"]) for item in events]
    assert years == sorted(years) and years[0] == 1906 and years[-1] == 2018
    for item, entry in zip(events, TIMELINE, strict=True):
        assert squash(item.select_one("time").get_text()) == entry["date"]
        link = item.select_one("a.passage-link")
        check_supported(site, html, "at-a-glance/timeline", link, entry)
        section = follow(site, "at-a-glance/timeline", link["href"])[0]
        assert squash(link.get_text()) == f"p. {page_of(section, entry['par'], entry['evidence'])}"


# ---- bad data is refused ---------------------------------------------------------------------

def broken_build(project, tmp_path, name: str, old: str, new: str) -> tuple[str, str]:
    data = project / "editorial" / name
    text = data.read_text(encoding="utf-8")
    assert old in text
    data.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "out")
    assert result.returncode != 0
    assert not (tmp_path / "out").exists()
    return text, result.stderr


def line_of(text: str, snippet: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if snippet in line)


def test_a_summary_sentence_pointing_at_the_wrong_paragraph_stops_the_build(project_copy, tmp_path):
    old = 'evidence: "the most typical reason undocumented migrants give to leave their home countries"'
    text, errors = broken_build(project_copy, tmp_path, "summaries.yml", "par: par-16\n        " + old,
                                "par: par-17\n        " + old)
    line = line_of(text, "Violence in the Northern Triangle is usually blamed") - 1
    assert (f"editorial/summaries.yml:{line}: the evidence 'the most typical reason undocumented migrants give to "
            "leave their home countries' is not found in par-17; it is found in par-16") in errors


def test_a_key_figure_whose_words_are_not_in_the_article_stops_the_build(project_copy, tmp_path):
    text, errors = broken_build(project_copy, tmp_path, "key-figures.yml", "the killing of 72 migrants in San Fernando",
                                "the killing of 73 migrants in San Fernando")
    line = line_of(text, 'figure: "72"')
    assert f"editorial/key-figures.yml:{line}: the evidence" in errors
    assert "is found nowhere in the article" in errors


def test_a_chart_value_not_in_the_article_stops_the_build(project_copy, tmp_path):
    _text, errors = broken_build(project_copy, tmp_path, "key-figures.yml", "value: 6554", "value: 6545")
    assert "editorial/key-figures.yml:" in errors and "chart value 6,545 is not in the chart's evidence" in errors


def test_a_timeline_out_of_order_stops_the_build(project_copy, tmp_path):
    text, errors = broken_build(project_copy, tmp_path, "timeline.yml", '  - year: 1909\n    date: "1909"',
                                '  - year: 1899\n    date: "1899"')
    assert f"editorial/timeline.yml:{line_of(text, 'year: 1909')}: events must run in order of year" in errors


def test_a_section_without_its_summary_stops_the_build(project_copy, tmp_path):
    _text, errors = broken_build(project_copy, tmp_path, "summaries.yml", "  - slug: conclusion\n",
                                 "  - slug: conclusions\n")
    assert "unknown section 'conclusions'" in errors
