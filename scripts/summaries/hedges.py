"""The hedge lint: an editors' sentence must not make the authors surer than they are.

Where a summary sentence, a takeaway or a glossary "In the article" line rests on a paragraph,
the lint reads the authors' sentences of that paragraph that the editors' sentence draws on:
the one holding its `evidence` quotation, and any other that shares at least
`SHARED_WORDS` content words with one of its clauses (so a paraphrase of the neighbouring
sentence is read too). If one of those sentences hedges ("seem", "may", "according to",
"experts state", "received an impulse", …) and the editors' sentence (for a paraphrase: the
clause) carries no hedge of its own, the build stops, naming the file, the line and the
authors' words, unless the entry records why the hedge may be dropped
(`hedge_dropped_because`).

Naming the authors ("the authors write") is not a hedge: "the article says that X happened"
still drops the authors' "X seems to have happened".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from edition.errors import EditionError, shortened

from .passages import Passage, evidence_regex

# Words and phrases with which a writer holds a claim at a distance: doubt, appearance,
# report, a share in a cause. One list serves both sides: the authors' sentence hedges when
# one of them is in it, and the editors' sentence keeps a hedge when one of them is in it.
HEDGES = (
    # "could" only as a guess ("could be"), not as a past ability ("could not stem the flow");
    # "may" in lower case, so that the month (20 May 1991) is no hedge
    r"seem(?:s|ed|ingly)?", r"appear(?:s|ed)? to", r"apparently", r"(?-i:may)", r"might",
    r"could(?= be(?! hardly)| have)",
    r"perhaps", r"possibly", r"it is possible", r"probabl[ey]", r"(?:more |less |most )?likely", r"plausibl[ey]",
    r"according to", r"experts?", r"reportedly", r"allegedly", r"assertions?", r"claim(?:s|ed)?",
    r"(?:an?|strong) impulse", r"suggest(?:s|ed)?", r"argue[ds]?", r"it is said",
    r"sometimes seen", r"doubt(?:s|ed)?",
)
HEDGE_RE = re.compile(r"(?<!\w)(?:" + "|".join(HEDGES) + r")(?!\w)", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W\d_]{4,}")
STEM = 5  # letters: "internationalization" and "international" share a stem
SHARED_WORDS = 4
# Common words that say nothing of a sentence's subject.
STOP = frozenset("""
    about also after against among been before being between both but came come does done down
    during each even from further have here however into itself just many more most much must
    near once only other over same since some such than that their them then there these they
    this those through under until upon very well were what when where which while whom with
    would your authors article editors write writes says said part
""".split())  # noqa: SIM905 - a word list reads better as words
# Where an editors' sentence joins two claims (a new sentence, a semicolon, "but", "while"; not a
# colon, which introduces the same claim in detail), each is checked on its own, so that a hedge in
# one half does not cover a firm statement in the other.
CLAUSE_RE = re.compile(r"(?<=[.!?])\s+|;\s+|,?\s+but\s+|,\s+while\s+")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])(?:[”’\"]|\s*\[[^\]]*\])*\s+(?=[A-Z“\"(])")


@dataclass(frozen=True)
class Claim:
    """An editors' sentence that rests on a paragraph."""
    text: str
    paragraph: str
    evidence: str | None
    hedge_dropped_because: str | None
    path: Path
    line: int
    what: str


@cache  # the same paragraphs are read for every claim resting on them
def sentences(text: str) -> tuple[str, ...]:
    return tuple(part for part in SENTENCE_END_RE.split(text) if part.strip())


def plain(markdown: str) -> str:
    """The words of a Markdown sentence: tags, emphasis and link targets set aside."""
    text = re.sub(r"<[^>]+>", "", markdown)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return html.unescape(re.sub(r"[*_\[\]]", "", text))


@cache
def stems(text: str) -> frozenset[str]:
    return frozenset(word.casefold()[:STEM] for word in WORD_RE.findall(text) if word.casefold() not in STOP)


def hedge(text: str) -> str | None:
    match = HEDGE_RE.search(text)
    return match.group(0) if match else None


def hedged_words(sentence: str, around: int = 5) -> str:
    """The authors' hedge with a few words either side: short enough for a message (the build's
    adapter would cut a whole quoted sentence, hedge and all, to its first 80 characters)."""
    words = sentence.split()
    match = HEDGE_RE.search(" ".join(words))
    at = len(" ".join(words)[:match.start()].split()) if match else 0
    start, end = max(0, at - around), min(len(words), at + around + len(match.group(0).split()) if match else around)
    return ("… " if start else "") + " ".join(words[start:end]) + (" …" if end < len(words) else "")


def evidence_sentences(claim: Claim, passage: Passage) -> list[str]:
    """The authors' sentences that hold the claim's evidence quotation."""
    if claim.evidence is None:
        return []
    return [sentence for sentence in sentences(passage.text) if evidence_regex(claim.evidence).search(sentence)]


def paraphrased(clause: str, passage: Passage) -> list[str]:
    """The authors' sentences that share at least SHARED_WORDS content words with the clause."""
    clause_stems = stems(clause)
    return [sentence for sentence in sentences(passage.text) if len(clause_stems & stems(sentence)) >= SHARED_WORDS]


def problems(claim: Claim, passage: Passage) -> list[str]:
    """What the claim drops: the hedged sentence holding its evidence, if the claim keeps no
    hedge at all, and the hedged sentences that a clause without a hedge paraphrases."""
    text = plain(claim.text)
    dropped: list[str] = []
    if not hedge(text):
        dropped += [sentence for sentence in evidence_sentences(claim, passage) if hedge(sentence)]
    for clause in CLAUSE_RE.split(text):
        if clause.strip() and not hedge(clause):
            dropped += [sentence for sentence in paraphrased(clause, passage)
                        if hedge(sentence) and sentence not in dropped]
    return dropped


def check(claims: list[Claim], all_passages: dict[str, Passage]) -> None:
    """Stop at the first claim that drops the authors' hedge without a recorded reason."""
    for claim in claims:
        if claim.hedge_dropped_because is not None:
            if not claim.hedge_dropped_because.strip():
                raise EditionError(claim.path, claim.line, f"{claim.what}: 'hedge_dropped_because' is empty; "
                                   "say why the authors' hedge may be dropped, or remove the field")
            continue
        passage = all_passages[claim.paragraph]
        dropped = problems(claim, passage)
        if dropped:
            sentence = dropped[0]
            raise EditionError(
                claim.path, claim.line,
                f"{claim.what}: the editors' sentence {shortened(plain(claim.text).strip())!r} rests on "
                f"{claim.paragraph}, where the authors hedge (“{hedge(sentence)}”): {hedged_words(sentence)!r}. "
                "Keep the "
                "authors' hedge in the sentence, or record why it may be dropped under 'hedge_dropped_because'")
