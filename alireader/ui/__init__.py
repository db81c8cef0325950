"""The Textual reader. The only package that imports Textual; the core never imports it."""
