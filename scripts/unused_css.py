"""Material's stylesheet without the rules for what the site never shows.

Material's main stylesheet styles every component Material has: code blocks, content tabs,
cards, grids, the version selector, the blog, tags, Mermaid diagrams. The edition uses few of
them, and a reader's phone downloads and parses the whole file before it draws the page
(22.3 KB gzip, the largest file a page loads after Material's script).

A rule is left out only when the page could not match it: every selector in its list names,
outside any `:not()`, `:is()` or other function, a class that appears in no page, no script and
no search index of the built site. The names are gathered as words from all of those files,
so a class that Material's script adds (search results, tooltips, the header's shadow) is kept
because its name is in the script. A class the script makes by joining a prefix to a value
(`md-tag--${name}`) keeps every class with that prefix. What is inside a function is never
read: `.md-nav__link:not(.md-nav__link--active)` matches whatever the second class does.
Everything but style rules (`@font-face`, `@keyframes`, custom properties) is kept as it is;
`@media` and `@supports` blocks lose the rules that go and, when none is left, go too.

Material's palette stylesheet (the light and dark schemes, which the edition's stylesheet opens
with: scripts/hooks/assets.py) styles each of Material's 21 primary and 16 accent colours;
`without_other_colours` leaves out the rules for the colours mkdocs.yml does not name, by the
same reading: a rule goes when every selector in its list names, outside any function, a
primary or accent colour (`[data-md-color-primary=red]`) that no palette option sets.

tinycss2 reads the file: it is the CSS parser WeasyPrint is built on, already installed for
the PDF, and it keeps every token as written, so a kept rule is byte for byte Material's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import tinycss2
from tinycss2 import ast

WORD_RE = re.compile(r"[A-Za-z_][\w-]*")
# `md-tag--${name}` in a script: a template literal joining a class's prefix to a value
PREFIX_RE = re.compile(r"([A-Za-z_][\w-]*)\$\{")
GROUPING_AT_RULES = ("media", "supports")


class Names:
    """The words of the built site: every class name a page or a script can put in a page."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.words: set[str] = set()
        prefixes: set[str] = set()
        for text in texts:
            self.words.update(WORD_RE.findall(text))
            prefixes.update(PREFIX_RE.findall(text))
        self.prefixes = tuple(sorted(prefixes))

    def __contains__(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)


def without_unused_rules(css: str, names: Names) -> str:
    """The stylesheet with the style rules no page can match left out, and its comments, except
    those that open with "/*!" (a licence), which are kept."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    return "".join(kept(rules, lambda selector: can_match(selector, names)))


def without_other_colours(css: str, colours: dict[str, set[str]]) -> str:
    """Material's palette stylesheet without the rules for colours no element can carry:
    `colours` maps each colour attribute (`data-md-color-primary`, `data-md-color-accent`) to
    the values the site's palette options give it. Comments go as in without_unused_rules."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    return "".join(kept(rules, lambda selector: not names_another_colour(selector, colours)))


def kept(rules: list, can_match_selector: Callable[[list], bool]) -> list[str]:
    out = []
    for rule in rules:
        if isinstance(rule, ast.Comment):
            if rule.value.startswith("!"):
                out.append(f"/*{rule.value}*/")
        elif isinstance(rule, ast.QualifiedRule):
            selectors = [selector for selector in selector_list(rule.prelude) if can_match_selector(selector)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(selector).strip() for selector in selectors)
                out.append(f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            inner = kept(tinycss2.parse_rule_list(rule.content, skip_comments=False, skip_whitespace=True),
                         can_match_selector)
            if inner:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
        else:
            out.append(tinycss2.serialize([rule]))
    return out


def selector_list(prelude: list) -> list[list]:
    """The selectors of a rule, split at its top-level commas (those inside `:is(…)` are not)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def can_match(selector: list, names: Names) -> bool:
    """False when the selector names, outside any function, a class the site never has."""
    for before, token in zip([None, *selector], selector, strict=False):
        if (isinstance(token, ast.IdentToken) and isinstance(before, ast.LiteralToken) and before.value == "."
                and token.value not in names):
            return False
    return True


def names_another_colour(selector: list, colours: dict[str, set[str]]) -> bool:
    """True when the selector has, outside any function, an attribute selector `[name=value]`
    for one of the colour attributes of `colours` with a value not among its values."""
    for token in selector:
        if not isinstance(token, ast.SquareBracketsBlock):
            continue
        parts = [part for part in token.content if not isinstance(part, ast.WhitespaceToken)]
        if (len(parts) == 3 and isinstance(parts[0], ast.IdentToken) and parts[0].value in colours
                and isinstance(parts[1], ast.LiteralToken) and parts[1].value == "="
                and isinstance(parts[2], (ast.IdentToken, ast.StringToken))
                and parts[2].value not in colours[parts[0].value]):
            return True
    return False
