"""The edition pipeline: the seed and the editorial data in, the structured edition out.

The steps run in this order, each a module of its own:
1. running_headers – drop the running page header and close up the paragraph it split;
2. page_starts     – mark where each printed page begins (needs the printed lines, so runs early);
3. hyphenation     – join words divided at line ends, keep real compounds;
4. paragraphs, spacing – rejoin lines into paragraphs, normalise white space;
5. emendations, notes – apply the corrections and attach the editorial notes;
6. typography      – en dashes, no-break spaces, curly quotes;
   then `lint` checks the result for anything the steps should have removed, and `language`
   that every Spanish phrase listed is found;
7. sections        – cut into the editors' sections, each paragraph with its id and printed pages.
Before step 1, `publication` loads the bibliographic data (step 2 counts pages from its first
page). Rendering to Markdown (with the Spanish `lang` marks) is `render.py`'s concern.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import (
    datafiles,
    emendations,
    hyphenation,
    language,
    lint,
    notes,
    page_starts,
    paragraphs,
    publication,
    running_headers,
    sections,
    seeds,
    spacing,
    tokens,
    typography,
)
from .errors import EditionError

BODY_SEED = "article-body.txt"


@dataclass
class Paths:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    def editorial(self, name: str) -> Path:
        return self.root / "editorial" / name


@dataclass
class Edition:
    front_matter: sections.FrontMatter
    sections: list[sections.Section]
    emendations: list[emendations.Emendation]
    notes: list[notes.Note]
    note_letters: dict[str, str]
    pages: list[int]
    spanish: list[tuple[str, int]]
    publication: publication.Publication

    def section_at(self, page: str) -> sections.Section | None:
        """The section whose page has the source path `page` (e.g. "article/migration.md"), else None."""
        return next((section for section in self.sections if section.page == page), None)

    def paragraph_pages(self) -> dict[str, tuple[int, int]]:
        """Every paragraph of the sections by id (`par-N`), with the printed pages it spans."""
        return {paragraph: pages for section in self.sections
                for paragraph, pages in zip(section.paragraph_ids, section.paragraph_pages, strict=True)}

    def section_of(self, kind: str, key: str) -> sections.Section | None:
        """The section whose text holds the token (kind, key); None if it is in the front matter."""
        for section in self.sections:
            for text in section.paragraphs:
                if any(isinstance(part, tokens.Token) and part.kind == kind and part.key == key
                       for part in tokens.split(text)):
                    return section
        return None


def hyphenation_exceptions(path: Path, text: str) -> tuple[set[str], set[str]]:
    """The reviewed `keep` and `join` lists; an entry that matches no divided word is an error."""
    document = datafiles.load(path)
    if not isinstance(document, dict):
        raise EditionError(path, 1, "expected a mapping with the lists 'keep' and 'join'")
    file_lines = path.read_text(encoding="utf-8").splitlines()
    divided = {f"{head}-{tail}".lower() for head, tail in hyphenation.divided_words(text)}
    lists = {}
    for key in ("keep", "join"):
        words = document.get(key) or []
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise EditionError(path, 1, f"expected a list of words under '{key}'")
        for word in words:
            if word.lower() not in divided:
                line = next((number for number, content in enumerate(file_lines, start=1) if word in content), None)
                raise EditionError(path, line,
                                   f"'{word}' under '{key}' is not a word divided at a line end in the seed")
        lists[key] = {word.lower() for word in words}
    return lists["keep"], lists["join"]


# root -> (digest of the inputs, the edition built from them)
_built: dict[Path, tuple[str, Edition]] = {}


def inputs_digest(root: Path) -> str:
    """A digest of every file the pipeline reads (the seeds and the editorial data)."""
    digest = hashlib.sha256()
    for folder in (Paths(root).seeds, root / "editorial"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(root: Path) -> Edition:
    """The edition from the files under `root`, built once for each state of those files.

    This is how the hooks share one model: each that needs it (the article pages, the citations,
    the glossary, the summaries) calls this in its on_config and gets the same object, with no
    hook importing another and nothing stored in `config.extra`; `mkdocs serve` builds it anew
    as soon as a seed or a data file changes. The edition is not to be modified by its users.
    """
    digest = inputs_digest(root)
    if root in _built and _built[root][0] == digest:
        return _built[root][1]
    edition = build_uncached(root)
    _built[root] = (digest, edition)
    return edition


def build_uncached(root: Path) -> Edition:
    paths = Paths(root)
    facts = publication.load(root)
    raw = seeds.read_seed(paths.seeds, BODY_SEED)
    source = paths.seeds / BODY_SEED

    lines = running_headers.remove(raw.split("\n"))
    lines, pages = page_starts.mark(lines, facts.first_page, str(source))
    if pages[-1] != facts.last_body_page:
        raise EditionError(paths.editorial("article.yml"),
                           publication.field_line(paths.editorial("article.yml"), "last_body_page", 1),
                           f"last_body_page is {facts.last_body_page}, but the body's printed pages "
                           f"run {pages[0]}–{pages[-1]} in {source.relative_to(root)}")
    text = "\n".join(lines)
    keep, join = hyphenation_exceptions(paths.editorial("hyphenation.yml"), text)
    text = hyphenation.join(text, keep, join)
    paras = [spacing.normalise(paragraph) for paragraph in paragraphs.split(text)]

    emendation_list = emendations.load(paths.editorial("emendations.yml"))
    paras = emendations.apply(paras, emendation_list, paths.editorial("emendations.yml"))
    note_list = notes.load(paths.editorial("notes.yml"))
    paras = notes.attach(paras, note_list, paths.editorial("notes.yml"))
    paras = [typography.typeset(paragraph) for paragraph in paras]
    for number, paragraph in enumerate(paras, start=1):
        for problem in lint.problems(paragraph):
            raise EditionError(source, None, f"lint, paragraph {number} of the cleaned text: {problem}")

    spanish = language.load(paths.editorial("spanish.yml"))
    language.check_all_found(spanish, [tokens.plain(paragraph) for paragraph in paras],
                             paths.editorial("spanish.yml"))
    front, section_list = sections.split(paras, sections.load(paths.editorial("sections.yml")),
                                         paths.editorial("sections.yml"))
    return Edition(front, section_list, emendation_list, note_list, notes.letters(paras), pages, spanish, facts)
