"""The authors' citations and their reference list: `bib/references.bib` read and checked
(`entries`), formatted in the journal's style (`journal_style`), the in-text citations turned
into footnotes (`citations`), and the pages and downloads made from them (`pages`, `article`).
"""
