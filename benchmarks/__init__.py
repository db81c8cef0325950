"""Benchmarks for alireader: generated corpora of 1k/10k/100k articles, one command, JSON figures.

``python -m benchmarks`` measures; ``python -m benchmarks.generate`` only writes a corpus. Nothing
here imports Textual or Rich; see ``benchmarks/README.md``.
"""
