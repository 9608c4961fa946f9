"""The edition's formats for taking away, made from the built site's pages: the article as a PDF
laid out like a journal article (`article_pdf`), the editors' apparatus as a companion PDF
(`companion_pdf`) and the article with its apparatus as an EPUB 3 (`epub`). `documents` reads
the built pages and turns them into one document per format; `pdf` and `epub` write them."""
