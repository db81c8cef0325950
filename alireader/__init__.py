"""alireader: a keyboard-driven terminal reader for collections of news articles.

The package is split in two: :mod:`alireader.core` is pure Python (parsing, corpus loading,
search, entities, duplicates, diff) and never imports Textual or Rich; :mod:`alireader.ui` is the
Textual application built on top of it. Importing this package imports neither.
"""

__version__ = "0.1.0"
