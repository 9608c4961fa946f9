"""The edition pipeline: from the raw seeds and the editorial data files to the article's pages.

Each module holds one named, single-purpose step; `pipeline.py` runs them in order.
"""
