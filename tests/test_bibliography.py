"""The bibliography page, the reference-list textual notes, the downloads and "Cite this
article", read from the built site and checked against bib/ and the seed's printed list."""

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pybtex.database import parse_file, parse_string

ROOT = Path(__file__).resolve().parents[1]
BIB = parse_file(ROOT / "bib" / "references.bib")
ENTRIES = sorted(BIB.entries.values(), key=lambda entry: int(entry.fields["originalnumber"]))
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))
SEED_LIST = (ROOT / "seeds" / "journal-page.txt").read_text(encoding="utf-8") \
    .split("Данные скачивания пока недоступны.")[1].split("Как цитировать")[0]
PRINTED = [" ".join(part.split()) for part in re.split(r"\n\s*\n", SEED_LIST) if part.strip()]
RIS_LINE_RE = re.compile(r"^[A-Z][A-Z0-9]  - .*$")


def plain(value):
    return value.replace("{", "").replace("}", "").replace("\\%", "%").replace("--", "–")


def target(site, page_dir, href):
    """The element an internal link points at, or None."""
    path, _, anchor = href.partition("#")
    file = (page_dir / path).resolve() / "index.html"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find(id=anchor) if file.exists() else None


def test_the_bibliography_lists_the_43_references_in_printed_order(html):
    items = html("bibliography").select("ol.bibliography > li")
    assert len(PRINTED) == 43 and len(items) == 43
    assert [item["id"] for item in items] == [f"ref-{number}" for number in range(1, 44)]
    assert [item["value"] for item in items] == [str(number) for number in range(1, 44)]
    for item, entry in zip(items, ENTRIES, strict=True):
        text = re.sub("[“”‘’]", '"', item.select_one(".bibliography__reference").get_text())
        assert re.sub("[“”‘’]", '"', plain(entry.fields["title"])) in text
        if "url" in entry.fields:
            assert item.select_one(f".bibliography__reference a[href='{entry.fields['url']}']") is not None
        if "isbn" in entry.fields:
            assert f"ISBN {entry.fields['isbn']}" in text


def test_corrected_entries_show_the_correction_and_not_the_misprint(html):
    items = html("bibliography").select("ol.bibliography > li")
    corrected = 0
    for item, entry in zip(items, ENTRIES, strict=True):
        text = item.select_one(".bibliography__reference").get_text()
        for field, printed in entry.fields.items():
            if not field.startswith("printed-") or not printed:
                continue
            corrected += 1
            number = entry.fields["originalnumber"]
            assert printed in PRINTED[int(number) - 1], (number, field)
            if field != "printed-author":  # names are shown as initials
                assert not re.search(rf"(?<!\w){re.escape(printed)}(?!\w)", text), (number, field)
        if any(field.startswith("printed-") for field in entry.fields):
            note = item.select_one(".bibliography__correction a")
            assert note["href"] == f"../editorial-method/#refnote-{entry.fields['originalnumber']}"
    assert corrected >= 25
    by_number = {item["id"]: item.select_one(".bibliography__reference").get_text() for item in items}
    assert by_number["ref-29"].startswith("Jones, N.P. (2013)") and "Johns" not in by_number["ref-29"]
    assert by_number["ref-17"].startswith("Marengo Camacho, J. (2015)")
    assert by_number["ref-16"].startswith("Carrasco Gonzáles, G.")
    assert "June 15–16, 2017" in by_number["ref-41"] and "June 14" not in by_number["ref-41"]
    assert "outlet not named" in by_number["ref-38"] and "outlet not named" in by_number["ref-42"]
    assert by_number["ref-28"].startswith("Súdarev, V.P.")


def test_every_entry_has_back_references_that_lead_to_its_citations(site, html):
    page_dir = site / "bibliography"
    items = html("bibliography").select("ol.bibliography > li")
    linked_marks = []
    for item in items:
        number = item["id"].removeprefix("ref-")
        links = item.select(".bibliography__cited a[href*='#']")  # the section links have no anchor
        assert links, f"entry {number} has no back-reference"
        for link in links:
            found = target(site, page_dir, link["href"])
            assert found is not None, link["href"]
            if "#fnref:cite-" in link["href"]:
                linked_marks.append(found["id"])
                note = found.find_parent("html").find(id=found.a["href"].removeprefix("#"))
                assert note.select_one(".citation-number").get_text() == f"[{number}]"
            elif "#par-" in link["href"]:
                assert "article-paragraph" in found["class"]
                numbers = [found.find_parent("html").find(id=mark.a["href"].removeprefix("#"))
                           .select_one(".citation-number").get_text()
                           for mark in found.select("sup[id^='fnref:cite-']")]
                assert f"[{number}]" in numbers
    # every citation of the article is listed under exactly one entry
    assert sorted(linked_marks, key=lambda i: int(i.split("-")[-1])) == [f"fnref:cite-{n}" for n in range(1, 47)]


def test_textual_notes_list_every_reference_correction_with_its_printed_reading(site, html):
    page = html("editorial-method")
    rows = {row.select_one("span[id^='refnote-']")["id"]: row for row in page.select("tr")
            if row.select_one("span[id^='refnote-']")}
    for entry in ENTRIES:
        number = entry.fields["originalnumber"]
        printed = [value for field, value in entry.fields.items() if field.startswith("printed-")]
        if not printed and "editors-note" not in entry.fields:
            assert f"refnote-{number}" not in rows
            continue
        row = rows[f"refnote-{number}"]
        for value in printed:
            assert (value or "(nothing)") in row.get_text()
        link = row.select_one(f"a[href$='#ref-{number}']")
        assert target(site, site / "editorial-method", link["href"]) is not None


def test_downloads_are_valid_bibtex_and_ris(site):
    references = parse_file(site / "downloads" / "references.bib")
    assert len(references.entries) == 43
    article = parse_string((site / "downloads" / "manukhin-robles-herrera-2019.bib").read_text(encoding="utf-8"),
                           "bibtex")
    (entry,) = article.entries.values()
    assert plain(entry.fields["title"]) == ARTICLE["title"]
    assert entry.fields["doi"] == ARTICLE["doi"] and entry.fields["year"] == str(ARTICLE["year"])
    assert [str(person) for person in entry.persons["author"]] == \
        [f"{author['family']}, {author['given']}" for author in ARTICLE["authors"]]
    ris = (site / "downloads" / "manukhin-robles-herrera-2019.ris").read_bytes().decode("utf-8")
    lines = ris.split("\r\n")
    assert lines[-1] == "" and all(RIS_LINE_RE.match(line) for line in lines[:-1])
    fields = [(line[:2], line[6:]) for line in lines[:-1]]
    assert fields[0] == ("TY", "JOUR") and fields[-1] == ("ER", "")
    values = dict(fields)
    assert [value for tag, value in fields if tag == "AU"] == \
        [f"{author['family']}, {author['given']}" for author in ARTICLE["authors"]]
    assert values["TI"] == ARTICLE["title"] and values["T2"] == ARTICLE["journal"]["en"]
    assert (values["VL"], values["IS"], values["SP"], values["EP"], values["PY"]) == \
        (str(ARTICLE["volume"]), str(ARTICLE["issue"]), str(ARTICLE["first_page"]), str(ARTICLE["last_page"]),
         str(ARTICLE["year"]))
    assert values["DO"] == ARTICLE["doi"]


def test_landing_page_says_how_to_cite_the_article(site, html):
    page = html("")
    doi_url = f"https://doi.org/{ARTICLE['doi']}"
    journal = page.select_one("#cite-journal")
    text = journal.get_text()
    assert text.startswith("Manukhin, A. and Robles Herrera, A. (2019), “Mexico’s Evolving Security Cooperation")
    assert f"{ARTICLE['journal']['en']}, no. {ARTICLE['issue']} ({ARTICLE['volume']}), " \
           f"pp. {ARTICLE['first_page']}–{ARTICLE['last_page']}." in text
    assert journal.select_one(f"a[href='{doi_url}']") is not None
    chicago = page.select_one("#cite-chicago")
    text = chicago.get_text()
    assert text.startswith("Manukhin, Alexey, and Areli Robles Herrera. “Mexico’s Evolving Security")
    assert (f"{ARTICLE['journal']['en']} {ARTICLE['volume']}, no. {ARTICLE['issue']} ({ARTICLE['year']}): 169–80."
            in text)
    assert chicago.select_one("i").get_text() == ARTICLE["journal"]["en"]
    assert text.endswith(f"{doi_url}.")
    for suffix in ("bib", "ris"):
        link = page.select_one(f"a[href='downloads/manukhin-robles-herrera-2019.{suffix}']")
        assert link is not None and link.has_attr("download")
        assert (site / link["href"]).is_file()
