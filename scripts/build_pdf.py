"""The edition's PDF, made from the built site's print view (`print/`) with headless Chromium.

    python scripts/build_pdf.py SITE_DIR            # writes SITE_DIR/<pdf_file from editorial/publication.yml>

`EDITION_PDF=1 mkdocs build` runs this at the end of the build (scripts/hooks/edition_pdf.py), so
the build that deploys the site makes its PDF. Chromium lays the print view out on A4 with the
print stylesheet (running head and page numbers are CSS page-margin boxes), embeds the fonts it
uses, turns the document's links into PDF links, writes a tagged PDF and an outline from the
headings. It runs twice: the first pass tells on which page each part begins (the named
destinations of the contents' links), the second prints those numbers in the contents.
Then pypdf sets the document information; the date is SOURCE_DATE_EPOCH when set and is left
out otherwise, so the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import io
import os
from datetime import datetime, timezone
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from edition import publication
from local_server import serve
from browser import CHROMIUM, CHROMIUM_ARGS

PRINT_PATH = "print/"
MAX_PASSES = 4


class PdfError(Exception):
    pass


def render(page) -> bytes:
    return page.pdf(format="A4", print_background=True, outline=True, tagged=True, prefer_css_page_size=False)


def part_pages(pdf: bytes, parts: list[str]) -> dict[str, int]:
    """The 1-based page on which each part of the print view begins, from the PDF's named
    destinations (Chromium makes one for every element that an internal link points to)."""
    reader = PdfReader(io.BytesIO(pdf))
    numbers = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    destinations = reader.named_destinations
    found = {}
    for part in parts:
        destination = destinations.get(f"/{part}") or destinations.get(part)
        if destination is None:
            raise PdfError(f"the PDF has no destination for the part '{part}' (is it linked from the contents?)")
        found[part] = numbers[destination.page.idnum]
    return found


def document_information(source: publication.Publication) -> dict[str, str]:
    info = {
        "/Title": source.title,
        "/Author": "; ".join(author.name for author in source.authors),
        "/Subject": f"{source.source}. DOI {source.doi}. A reader's edition.",
        "/Creator": "scripts/build_pdf.py (MkDocs print view, headless Chromium)",
    }
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = datetime.fromtimestamp(int(epoch), tz=timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
        info["/CreationDate"] = info["/ModDate"] = stamp
    return info


def finished(pdf: bytes, info: dict[str, str]) -> bytes:
    """The PDF with its document information, and nothing in it that changes from run to run."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.metadata = None  # drop Chromium's creation date: it would make every build differ
    writer.add_metadata(info)
    stable_structure_ids(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def walk_kids(node: DictionaryObject, visit) -> None:
    kids = node.get("/K")
    for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
        visit(kid)


def stable_structure_ids(writer: PdfWriter) -> None:
    """Chromium names elements of the tagged structure (table header cells, which data cells
    point to) after its DOM node numbers, and those vary from run to run. Rename them in
    document order, with their references and the structure's ID tree."""
    root = writer.root_object.get("/StructTreeRoot")
    if root is None:
        return
    elements = []

    def walk(node) -> None:
        node = node.get_object()
        if not isinstance(node, DictionaryObject) or "/S" not in node:
            return  # marked-content ids and object references end the walk
        elements.append(node)
        walk_kids(node, walk)

    walk_kids(root.get_object(), walk)
    renamed = {}
    for element in elements:
        if "/ID" in element:
            renamed[str(element["/ID"])] = f"e{len(renamed) + 1:06d}"
            element[NameObject("/ID")] = TextStringObject(renamed[str(element["/ID"])])
    if not renamed:
        return
    for element in elements:
        attributes = element.get("/A")
        attributes = attributes.get_object() if attributes is not None else None
        for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
            attribute = attribute.get_object() if attribute is not None else None
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(renamed[str(name)]) for name in attribute["/Headers"])
    names = ArrayObject()
    for element in elements:
        if "/ID" in element:
            names += [element["/ID"], element.indirect_reference]
    tree = root.get_object().get("/IDTree")
    if tree is None:
        raise PdfError("the tagged PDF names structure elements but has no ID tree")
    tree = tree.get_object()
    # One leaf with every name, in place of Chromium's tree; its old nodes are emptied, not left
    # holding the old names.
    stack = list(tree.get("/Kids") or [])
    while stack:
        node = stack.pop().get_object()
        stack += list(node.get("/Kids") or [])
        node.clear()
    tree.clear()
    tree[NameObject("/Names")] = names


def make_pdf(site: Path, output: Path, source: publication.Publication) -> int:
    """Write the PDF; return its number of pages."""
    from playwright.sync_api import sync_playwright

    if not (site / PRINT_PATH / "index.html").exists():
        raise PdfError(f"{site} has no print view ({PRINT_PATH}index.html): build the site first")
    outside: list[str] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # No page scripts: the PDF is made from the HTML and CSS alone, which keeps it the same
            # from run to run (Material's scripts add nodes at their own pace).
            page = browser.new_page(java_script_enabled=False)

            def route(route):
                if route.request.url.startswith(base) or route.request.url.startswith("data:"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", route)
            page.goto(f"{base}/{PRINT_PATH}", wait_until="networkidle")
            page.evaluate("document.fonts.ready.then(() => true)")
            parts = page.eval_on_selector_all(".print-toc__page[data-part]", "spans => spans.map(s => s.dataset.part)")
            if not parts:
                raise PdfError("the print view has no contents entries (.print-toc__page[data-part])")
            numbers: dict[str, int] = {}
            for _ in range(MAX_PASSES):
                pdf = render(page)
                found = part_pages(pdf, parts)
                if found == numbers:
                    break
                numbers = found
                page.evaluate("""numbers => {
                    for (const span of document.querySelectorAll('.print-toc__page[data-part]'))
                        span.textContent = String(numbers[span.dataset.part]);
                }""", numbers)
            else:
                raise PdfError(f"the contents' page numbers did not settle after {MAX_PASSES} passes")
        finally:
            browser.close()
    if outside:
        raise PdfError(f"the print view asked for files outside the site: {sorted(set(outside))}")
    pdf = finished(pdf, document_information(source))
    output.write_bytes(pdf)
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the built site (mkdocs build -d SITE_DIR)")
    parser.add_argument("--output", type=Path, help="where to write the PDF (default: SITE_DIR/<pdf_file>)")
    args = parser.parse_args()
    source = publication.load(Path(__file__).resolve().parents[1])
    output = args.output or args.site / source.pdf_file
    pages = make_pdf(args.site, output, source)
    print(f"{output}: {pages} pages, {output.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
