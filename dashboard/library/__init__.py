"""Where articles live: the library database, and the ways articles get into it.

- ``store``: the database (SQLite by default, any SQLAlchemy URL when hosted): articles, their analyses
  keyed by extractor version, the corrections made on the page, feeds and full-text search. The only
  module that imports SQLAlchemy.
- ``codec``: an analysed article as JSON for the database, and back.
- ``fetch``: a web page's address -> an article (polite HTTP, no private networks, trafilatura).
- ``feeds``: an RSS/Atom feed -> its items (feedparser).

Analysing is the pipeline's job: the library stores, it does not extract.
"""
