"""alireader: a keyboard-driven terminal reader for collections of news articles.

The package is split in two: :mod:`alireader.core` is pure Python (parsing, corpus loading,
search, entities, duplicates, diff) and never imports Textual or Rich; :mod:`alireader.ui` is the
Textual application built on top of it. Importing this package imports neither.
"""

__version__ = "0.1.0"

import logging

# Library logging stays silent unless the application configures it: a stray warning printed on
# stderr would draw over the terminal UI.
logging.getLogger(__name__).addHandler(logging.NullHandler())
