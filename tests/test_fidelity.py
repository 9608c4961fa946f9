"""Nothing of the source is lost: every word of the seed body is in the built pages, in order,
and every difference is explained by a recorded emendation.

The built pages are read as a reader meets them (landing page, then each section by the
"Next" link); page markers and note marks are set aside. Putting each emendation's printed
reading (`data-original`) back must give the seed's words exactly, except the running header.
"""

import difflib
import re
from pathlib import Path

from bs4 import BeautifulSoup

from reading import authors_blocks, reading_order, strip_apparatus, words

SEED = Path(__file__).resolve().parents[1] / "seeds" / "article-body.txt"
RUNNING_HEADER_RE = re.compile(r"^\d{3} Вестник СПбГУ\..*$", re.MULTILINE)


def seed_words() -> tuple[list[str], int]:
    text = SEED.read_text(encoding="utf-8")
    headers = RUNNING_HEADER_RE.findall(text)
    return words(RUNNING_HEADER_RE.sub("", text)), sum(len(words(header)) for header in headers)


def built_words(site: Path) -> tuple[list[str], list[str], int]:
    """(words as shown, words with every emendation's printed reading restored, emendation count)."""
    shown, printed, count = [], [], 0
    for path in reading_order(site):
        for block in authors_blocks(BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")):
            block = strip_apparatus(block)
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
