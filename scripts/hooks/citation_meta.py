"""MkDocs hook: what machines read to cite the article, and the attribution every page shows.

- Landing page: Highwire Press `citation_*` tags (what Google Scholar and Zotero read) and a
  schema.org `ScholarlyArticle` in JSON-LD, from editorial/article.yml, with the abstract and
  keywords exactly as the page shows them; and its canonical link points to the publisher's
  article page, the version of record. The other pages are the edition's own text (cleaned,
  sectioned, annotated): they keep their own canonical address so that they can be found.
- Every page: Open Graph tags (title, description, own address) for link previews, and the
  footer's attribution (source, DOI, publisher's page, licence as far as it is verified).
- The edition's own address comes only from `site_url` (SITE_URL). A build without it carries
  no absolute address of the edition anywhere: no canonical link of its own, no `og:url`, no
  JSON-LD `url`, no `citation_pdf_url`, and no sitemap (whose entries must be absolute); the DOI,
  printed on every page, is the article's permanent link. It never carries this machine's.

The templates (overrides/main.html, overrides/partials/copyright.html) print what this hook puts
in the page context and in `config.extra`; the PDF's address comes from edition_pdf.py.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from edition import publication
from edition.errors import reported

_source: publication.Publication | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _source
    root = Path(config.config_file_path).parent
    with reported("citation metadata", root):
        _source = publication.load(root)
    config.extra["attribution"] = attribution(_source)
    return config


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The sitemap protocol wants absolute addresses; without the edition's there are none to give.
    # MkDocs writes neither sitemap.xml nor its .gz for an empty output (it logs "Template skipped").
    if template_name == "sitemap.xml" and not config.site_url:
        return ""
    return output_content


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    source = current()
    own_url = absolute(config, page.url)
    description = config.site_description or ""
    if page.is_homepage:
        abstract, keywords = front_matter(page)
        description = abstract
        pdf = config.extra.get("edition_pdf")
        pdf_url = absolute(config, pdf) if pdf else None  # Highwire wants it absolute, or not at all
        context["citation_tags"] = citation_tags(source, keywords, pdf_url)
        context["json_ld"] = json_ld(source, own_url, abstract, keywords, pdf_url)
        # The landing page restates the publisher's article page (title, authors, abstract), so
        # it names that page as canonical. The sitemap was written before pages are rendered and
        # keeps this page's own address.
        page.canonical_url = source.publisher_url
        page.meta["description"] = abstract  # Material prints it as <meta name="description">
    title = source.title if page.is_homepage else f"{page.title} – {source.title}"
    context["open_graph"] = [
        ("og:type", "article" if page.is_homepage else "website"),
        ("og:site_name", config.site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", own_url),
        ("og:locale", "en_GB"),
    ]
    context["open_graph"] = [(name, value) for name, value in context["open_graph"] if value is not None]
    return context


# ---- helpers -------------------------------------------------------------------------------

def current() -> publication.Publication:
    if _source is None:
        raise PluginError("citation metadata: on_config did not run")
    return _source


def absolute(config: MkDocsConfig, path: str) -> str | None:
    """The absolute address of `path` on the edition's site, or None when it has no address."""
    if not config.site_url:
        return None
    site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    return site_url + path.lstrip("/")


def front_matter(page: Page) -> tuple[str, list[str]]:
    """The abstract and keywords as the landing page shows them (page markers left out)."""
    soup = BeautifulSoup(page.content or "", "html.parser")
    abstract, keywords = soup.select_one(".article-abstract"), soup.select_one(".article-keywords")
    if abstract is None or keywords is None:
        raise PluginError("citation metadata: the landing page has no .article-abstract or .article-keywords")
    for marker in abstract.select("a.page-start, sup"):
        marker.decompose()
    text = " ".join(abstract.get_text(" ").split())
    listed = keywords.get_text(" ").split(":", 1)[-1].strip().rstrip(".")
    return text, [" ".join(word.split()) for word in listed.split(",") if word.strip()]


def citation_tags(source: publication.Publication, keywords: list[str], pdf_url: str | None) -> list[tuple[str, str]]:
    """Highwire Press tags, in the order Google Scholar's inclusion guidelines list them."""
    tags = [("citation_title", source.title)]
    for author in source.authors:
        tags.append(("citation_author", f"{author.family}, {author.given}"))
        tags += [("citation_author_institution", affiliation) for affiliation in author.affiliations]
    tags += [
        ("citation_publication_date", str(source.year)),
        ("citation_journal_title", source.journal_en),
        ("citation_publisher", source.publisher),
        ("citation_volume", str(source.volume)),
        ("citation_issue", str(source.issue)),
        ("citation_firstpage", str(source.first_page)),
        ("citation_lastpage", str(source.last_page)),
        ("citation_doi", source.doi),
        ("citation_language", "en"),
        ("citation_keywords", "; ".join(keywords)),
    ]
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def json_ld(source: publication.Publication, url: str | None, abstract: str, keywords: list[str],
            pdf_url: str | None) -> str:
    publisher = {"@type": "Organization", "name": source.publisher}
    article = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": source.doi_url,
        "headline": source.title,
        "name": source.title,
        "author": [{"@type": "Person", "name": author.name, "givenName": author.given, "familyName": author.family,
                    "affiliation": [{"@type": "Organization", "name": name} for name in author.affiliations]}
                   for author in source.authors],
        "datePublished": str(source.year),
        "isPartOf": {
            "@type": "PublicationIssue", "issueNumber": str(source.issue), "datePublished": str(source.year),
            "isPartOf": {
                "@type": "PublicationVolume", "volumeNumber": str(source.volume),
                "isPartOf": {"@type": "Periodical", "name": source.journal_en, "alternateName": source.journal_ru,
                             "publisher": publisher},
            },
        },
        "pageStart": str(source.first_page),
        "pageEnd": str(source.last_page),
        "identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": source.doi},
        "sameAs": [source.doi_url, source.publisher_url],
        "inLanguage": "en",
        "publisher": publisher,
        "abstract": abstract,
        "keywords": keywords,
    }
    if url:
        article["url"] = url
    if pdf_url:
        article["encoding"] = {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": pdf_url}
    text = json.dumps(article, ensure_ascii=False, indent=1)
    # Inside <script>, "</" would end the element early: escape the characters that could.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def attribution(source: publication.Publication) -> str:
    escape = html.escape
    return (f'<p class="edition-attribution__source">Source: {escape(source.author_names)}, '
            f'“{escape(source.title)}”, <cite>{escape(source.journal_en)}</cite> {source.volume}({source.issue}), '
            f'{source.year}, pp.&nbsp;{source.first_page}–{source.last_page}. '
            f'DOI <a href="{escape(source.doi_url)}">{escape(source.doi)}</a> · '
            f'<a href="{escape(source.publisher_url)}">the article on the publisher\'s site</a>.</p>'
            f'<p class="edition-attribution__licence">{escape(source.licence)}</p>')
