"""The pure core of alireader: text in, plain data out.

Nothing under this package imports Textual or Rich (``tests/unit/test_import_hygiene.py`` proves
it), so every piece can be used from the CLI, the app, benchmarks and tests alike.
"""
