"""The glossary: terms loaded from `editorial/glossary.yml`, marked in the article's
paragraphs, and written out as a page per term plus an A–Z index."""
