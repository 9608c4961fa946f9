"""Nothing of the source is lost: every word of the seed body is in the built pages, in order,
and every difference is explained by a recorded emendation.

The built pages are read as a reader meets them (landing page, then each section by the
"Next" link); page markers and note marks are set aside. Putting each emendation's printed
reading (`data-original`) back must give the seed's words exactly, except the running header.
The authors' citations ("[16, p. 173, 175]") are footnote marks in the edition: on both sides a
placeholder word stands in their place, so each mark must stand exactly where its citation was
printed; their numbers and locators are compared apart, in reading order.
"""

import difflib
import re
from pathlib import Path

from bs4 import BeautifulSoup

from reading import CITATION_MARKS, CITATION_PLACEHOLDER, authors_blocks, reading_order, strip_apparatus, words

SEED = Path(__file__).resolve().parents[1] / "seeds" / "article-body.txt"
RUNNING_HEADER_RE = re.compile(r"^\d{3} Вестник СПбГУ\..*$", re.MULTILINE)
# A citation as printed: "[10]" or "[16, p. 173, 175]" (it may wrap across a line).
SEED_CITATION_RE = re.compile(r"\[(\d+)(?:,\s+(p\.\s+[^\[\]]+?))?\]")


def same_spacing(text: str) -> str:
    return " ".join(text.split())


def seed_citations() -> list[tuple[str, str]]:
    """(number, locator) of every citation in the seed, in order."""
    return [(number, same_spacing(locator))
            for number, locator in SEED_CITATION_RE.findall(SEED.read_text(encoding="utf-8"))]


def built_citations(site: Path) -> list[tuple[str, str]]:
    """(number, locator) of every footnote mark in the authors' text, read from the footnote it opens."""
    found = []
    for path in reading_order(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for block in authors_blocks(page):
            for mark in block.select(CITATION_MARKS):
                note = page.find(id=mark.a["href"].removeprefix("#"))
                number = note.select_one(".citation-number").get_text().strip("[]")
                locator = note.select_one(".citation-locator")
                found.append((number, same_spacing(locator.get_text()).removeprefix("Cited at ").removesuffix(".")
                              if locator else ""))
    return found


def seed_words() -> tuple[list[str], int]:
    text = SEED.read_text(encoding="utf-8")
    headers = RUNNING_HEADER_RE.findall(text)
    text = SEED_CITATION_RE.sub(f" {CITATION_PLACEHOLDER} ", RUNNING_HEADER_RE.sub("", text))
    return words(text), sum(len(words(header)) for header in headers)


def built_words(site: Path) -> tuple[list[str], list[str], int]:
    """(words as shown, words with every emendation's printed reading restored, emendation count)."""
    shown, printed, count = [], [], 0
    for path in reading_order(site):
        for block in authors_blocks(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")):
            block = strip_apparatus(block)
            for mark in block.select(CITATION_MARKS):
                mark.replace_with(f" {CITATION_PLACEHOLDER} ")
            shown += words(block.get_text())
            for emendation in block.select("span.emendation"):
                emendation.string = emendation["data-original"]
                count += 1
            printed += words(block.get_text())
    return shown, printed, count


def test_every_difference_from_the_seed_is_a_recorded_emendation(site):
    source, header_words = seed_words()
    shown, printed, emendation_count = built_words(site)
    matcher = difflib.SequenceMatcher(a=source, b=shown, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    print(f"\nfidelity: {matched} of {len(source)} seed words matched in the reading text "
          f"({len(source) - matched} changed by {emendation_count} emendations; "
          f"{header_words} words of running header removed)")
    assert emendation_count > 0
    if printed != source:
        diff = difflib.SequenceMatcher(a=source, b=printed, autojunk=False)
        first = next(op for op in diff.get_opcodes() if op[0] != "equal")
        _tag, i1, i2, j1, j2 = first
        raise AssertionError(f"unexplained difference: seed {' '.join(source[max(0, i1 - 5):i2 + 5])!r} "
                             f"vs built {' '.join(printed[max(0, j1 - 5):j2 + 5])!r}")


def test_every_citation_of_the_seed_is_a_footnote_mark_with_its_number_and_locator(site):
    printed, built = seed_citations(), built_citations(site)
    print(f"\ncitations: {len(printed)} in the seed, {len(built)} footnote marks in the reading text")
    assert len(printed) == 46
    assert built == printed
