"""Generate a deterministic benchmark corpus of N messy French press articles from the seeds.

    python -m benchmarks.generate --articles 10000 --out /tmp/corpus-10k

The corpus is a folder tree of ``.txt`` (most), ``.md``, ``.json`` (one object or a list) and a
few big ``.jsonl`` files, 100-700 files per folder. About 5% of the articles are near-duplicates
of another one. The vocabulary grows like real news (see :mod:`benchmarks.lexicon`), and the
noise the seeds show (repeated titles, ``loading...``, comment prompts, share bars, ...) is added
to a known share of the articles (see :mod:`benchmarks.render`).

The output depends only on ``(articles, seed, GENERATOR_VERSION, the seed files)``: it is the
same byte for byte on every run and machine. Beside the folder, ``<folder>.meta.json`` records
those inputs (it is the marker :func:`ensure_corpus` checks) and the corpus facts: files, bytes,
distinct words, noise counts and the near-duplicate pairs by article ID. It sits *beside* the
folder, not in it, so loading the folder never picks it up as an article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.compose import (
    CATEGORIES,
    PUBLICATIONS,
    Draft,
    article_rng,
    compose_article,
    near_duplicate,
    slugify,
)
from benchmarks.render import NOISE_KINDS, record, render_md, render_record_body, render_txt
from benchmarks.seedtext import SeedPool, load_seed_pool

# Bump whenever a change alters the output, so cached corpora are regenerated.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20_240_611
DUPLICATE_RATE = 0.05
OUT_DIR = Path(__file__).resolve().parent / "out"

# Share of articles per format; JSON articles are split between one-object files and lists.
_FORMAT_SHARES = (("txt", 0.82), ("md", 0.07), ("json", 0.06), ("jsonl", 0.05))
_JSON_LIST_SHARE = 0.4
_FOLDER_FILES = (100, 700)
_JSONL_RECORDS = (150, 600)
# What "a word" is when counting the vocabulary: what a search index would hold.
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Unit:
    """One file to write: its format, its articles (by index) and its folder."""

    kind: str  # txt | md | json | json_list | jsonl
    indices: list[int]
    folder: str
    with_ids: bool = False


@dataclass(slots=True)
class CorpusStats:
    """Facts about a generated corpus (also the content of its ``.meta.json`` marker)."""

    generator_version: int
    seed: int
    articles: int
    seeds_sha256: str
    files: int = 0
    folders: int = 0
    bytes: int = 0
    tokens: int = 0
    distinct_words: int = 0
    seed_distinct_words: int = 0
    formats: dict[str, int] = field(default_factory=dict)
    files_by_format: dict[str, int] = field(default_factory=dict)
    paragraph_styles: dict[str, int] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)
    noise: dict[str, int] = field(default_factory=dict)
    near_duplicates: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The marker's JSON object."""
        return {
            "generator": "alireader-benchmarks",
            **asdict(self),
        }


def meta_path(folder: Path) -> Path:
    """Where the marker of corpus ``folder`` lives: ``<folder>.meta.json`` beside it."""
    return folder.with_name(folder.name + ".meta.json")


def distinct_words(texts: Iterable[str]) -> int:
    """Distinct casefolded ``\\w+`` tokens of ``texts`` (the count a search vocabulary holds)."""
    seen: set[str] = set()
    for text in texts:
        seen.update(_WORD.findall(text.casefold()))
    return len(seen)


def _plan(n: int, seed: int) -> tuple[list[_Unit], dict[int, int]]:
    """Decide, for every article, whether it is a near-duplicate (of what), its file and folder.

    All choices come from one ``Random(seed)`` in a fixed order, before any text is made.
    """
    master = random.Random(seed)
    duplicate_of: dict[int, int] = {}
    if n >= 20:
        chosen = sorted(master.sample(range(n // 10, n), round(n * DUPLICATE_RATE)))
        duplicates = set(chosen)
        for index in chosen:
            original = master.randrange(index)
            while original in duplicates:  # copy an original, not a copy
                original = master.randrange(index)
            duplicate_of[index] = original

    kinds: list[str] = []
    for _ in range(n):
        roll, kind = master.random(), "txt"
        for name, share in _FORMAT_SHARES:
            if roll < share:
                kind = name
                break
            roll -= share
        if kind == "json" and master.random() < _JSON_LIST_SHARE:
            kind = "json_list"
        kinds.append(kind)

    units: list[_Unit] = []
    pending_list: list[int] = []
    jsonl: list[int] = []
    for index, kind in enumerate(kinds):
        if kind in ("txt", "md", "json"):
            units.append(_Unit(kind, [index], ""))
        elif kind == "json_list":
            pending_list.append(index)
            if len(pending_list) >= 2 + int(master.random() * 7):
                units.append(_Unit(kind, pending_list, ""))
                pending_list = []
        else:
            jsonl.append(index)
    if pending_list:
        units.append(_Unit("json_list", pending_list, ""))

    # Folders: category/year/lot-NNN, a few hundred files each.
    lot, left, folder = 0, 0, ""
    for unit in units:
        if left <= 0:
            lot += 1
            left = master.randrange(*_FOLDER_FILES)
            section = slugify(master.choice(CATEGORIES))
            folder = f"{section}/{master.randrange(2008, 2025)}/lot-{lot:03d}"
        unit.folder = folder
        left -= 1

    # A few big JSONL feeds in their own folder.
    position, feed = 0, 0
    while position < len(jsonl):
        size = master.randrange(*_JSONL_RECORDS)
        feed += 1
        name = slugify(master.choice(PUBLICATIONS))
        units.append(
            _Unit(
                "jsonl",
                jsonl[position : position + size],
                f"flux/{name}-{feed:03d}",
                master.random() < 0.5,
            )
        )
        position += size
    units.sort(key=lambda unit: unit.indices[0])
    return units, duplicate_of


class _Writer:
    """Writes the planned files and keeps the corpus facts."""

    def __init__(self, root: Path, seed: int, pool: SeedPool, stats: CorpusStats) -> None:
        self.root = root
        self.seed = seed
        self.pool = pool
        self.stats = stats
        self.vocabulary: set[str] = set()
        self.ids: dict[int, str] = {}
        self.changes: dict[int, list[str]] = {}  # near-duplicate index -> what was changed
        self.paths: dict[int, str] = {}
        self.txt_count = 0
        self.counters: dict[str, Counter[str]] = {
            name: Counter() for name in ("formats", "files", "styles", "encodings", "noise")
        }

    def draft(self, index: int, duplicate_of: dict[int, int]) -> Draft:
        if index in duplicate_of:
            original = compose_article(self.seed, duplicate_of[index], self.pool)
            copy = near_duplicate(original, index, article_rng(self.seed, index, salt=1))
            self.changes[index] = copy.notes
            return copy
        return compose_article(self.seed, index, self.pool)

    def count_words(self, text: str) -> None:
        words = _WORD.findall(text.casefold())
        self.stats.tokens += len(words)
        self.vocabulary.update(words)

    def write(self, relative: str, data: bytes, kind: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.stats.bytes += len(data)
        self.counters["files"][kind] += 1

    def unit(self, unit: _Unit, duplicate_of: dict[int, int]) -> None:
        if unit.kind in ("txt", "md", "json"):
            self._single(unit, duplicate_of)
        else:
            self._records(unit, duplicate_of)

    def _file_stem(self, draft: Draft, rng: random.Random) -> str:
        # Two naming habits of scrapers: a readable slug, or a number and a hash (like the seeds).
        if rng.random() < 0.7:
            return f"{draft.slug_hint}-{draft.index:06d}"
        digest = hashlib.blake2b(f"{draft.index}:{draft.title}".encode(), digest_size=8)
        return f"{draft.index:06d}_{digest.hexdigest()}"

    def _single(self, unit: _Unit, duplicate_of: dict[int, int]) -> None:
        index = unit.indices[0]
        draft = self.draft(index, duplicate_of)
        rng = article_rng(self.seed, index, salt=2)
        stem = f"{unit.folder}/{self._file_stem(draft, rng)}"
        encoding = "utf-8"
        if unit.kind == "txt":
            forced = NOISE_KINDS[self.txt_count % len(NOISE_KINDS)]
            self.txt_count += 1
            rendered = render_txt(draft, rng, forced)
            text = rendered.text
            roll = rng.random()
            if roll < 0.04:
                text = text.replace("\n", "\r\n")
            data, encoding = self._encode(text, rng)
            self.count_words(text)
        elif unit.kind == "md":
            rendered = render_md(draft, rng)
            data = rendered.text.encode("utf-8")
            self.count_words(rendered.text)
        else:
            rendered = render_record_body(draft, rng)
            obj = record(draft, rendered, rng, None)
            data = (json.dumps(obj, ensure_ascii=rng.random() < 0.3, indent=2) + "\n").encode()
            self.count_words(f"{rendered.title or ''}\n{rendered.text}")
        extension = {"txt": ".txt", "md": ".md", "json": ".json"}[unit.kind]
        self.write(stem + extension, data, unit.kind)
        self._note(
            index,
            article_id=stem,
            path=stem + extension,
            kind=unit.kind,
            noise=rendered.noise,
            style=rendered.style,
            encoding=encoding,
        )

    def _encode(self, text: str, rng: random.Random) -> tuple[bytes, str]:
        roll = rng.random()
        if roll < 0.02:
            try:
                return text.encode("cp1252"), "cp1252"
            except UnicodeEncodeError:
                pass  # narrow no-break spaces and the like: this one stays UTF-8
        elif roll < 0.04:
            return b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig"
        return text.encode("utf-8"), "utf-8"

    def _records(self, unit: _Unit, duplicate_of: dict[int, int]) -> None:
        first = unit.indices[0]
        if unit.kind == "json_list":
            relative = f"{unit.folder}/articles-{first:06d}.json"
        else:
            relative = f"{unit.folder}.jsonl"
        stem = relative.rsplit(".", 1)[0]
        objects: list[dict[str, object]] = []
        for line, index in enumerate(unit.indices, start=1):
            draft = self.draft(index, duplicate_of)
            rng = article_rng(self.seed, index, salt=2)
            rendered = render_record_body(draft, rng)
            # JSON lists always carry ids (a list position is no stable name); JSONL feeds do or
            # do not, per file, and then the ID is FILE/N.
            with_id = unit.kind == "json_list" or unit.with_ids
            record_id = f"{slugify(draft.publication, 2)}-{index:06d}" if with_id else None
            objects.append(record(draft, rendered, rng, record_id))
            self.count_words(f"{rendered.title or ''}\n{rendered.text}")
            self._note(
                index,
                article_id=record_id or f"{stem}/{line}",
                path=relative,
                kind=unit.kind,
                noise=rendered.noise,
                style=rendered.style,
                encoding="utf-8",
            )
        if unit.kind == "json_list":
            data = json.dumps(objects, ensure_ascii=False, indent=1) + "\n"
        else:
            ascii_only = hashlib.blake2b(relative.encode(), digest_size=1).digest()[0] < 64
            data = "".join(json.dumps(obj, ensure_ascii=ascii_only) + "\n" for obj in objects)
        self.write(relative, data.encode("utf-8"), unit.kind)

    def _note(
        self,
        index: int,
        *,
        article_id: str,
        path: str,
        kind: str,
        noise: list[str],
        style: str,
        encoding: str,
    ) -> None:
        self.ids[index] = article_id
        self.paths[index] = path
        self.counters["formats"][kind] += 1
        self.counters["styles"][style] += 1
        self.counters["encodings"][encoding] += 1
        self.counters["noise"].update(noise)


def generate_corpus(
    articles: int,
    out: Path,
    seed: int = DEFAULT_SEED,
    progress: bool = False,
) -> CorpusStats:
    """Write a corpus of ``articles`` articles to ``out`` (replaced) and its marker beside it.

    The tree is written to a temporary sibling and renamed into place, and the marker is written
    last, so an interrupted run never leaves a folder that :func:`ensure_corpus` would trust.
    """
    out = Path(out)
    pool = load_seed_pool()
    stats = CorpusStats(GENERATOR_VERSION, seed, articles, pool.digest)
    stats.seed_distinct_words = distinct_words(pool.texts)
    units, duplicate_of = _plan(articles, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    meta_path(out).unlink(missing_ok=True)

    writer = _Writer(tmp, seed, pool, stats)
    started, done, step = time.perf_counter(), 0, max(1, articles // 10)
    for unit in units:
        writer.unit(unit, duplicate_of)
        if progress and (done + len(unit.indices)) // step > done // step:
            print(
                f"  generated {done + len(unit.indices):,}/{articles:,} articles "
                f"({time.perf_counter() - started:.0f} s)",
                file=sys.stderr,
            )
        done += len(unit.indices)

    stats.files = sum(writer.counters["files"].values())
    stats.folders = len({path.rsplit("/", 1)[0] for path in writer.paths.values()})
    stats.distinct_words = len(writer.vocabulary)
    stats.formats = dict(sorted(writer.counters["formats"].items()))
    stats.files_by_format = dict(sorted(writer.counters["files"].items()))
    stats.paragraph_styles = dict(sorted(writer.counters["styles"].items()))
    stats.encodings = dict(sorted(writer.counters["encodings"].items()))
    stats.noise = {kind: writer.counters["noise"][kind] for kind in NOISE_KINDS}
    stats.near_duplicates = [
        {
            "id": writer.ids[index],
            "path": writer.paths[index],
            "original_id": writer.ids[original],
            "original_path": writer.paths[original],
            "changes": ",".join(writer.changes[index]),
        }
        for index, original in sorted(duplicate_of.items())
    ]

    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    marker = meta_path(out)
    partial = marker.with_name(marker.name + ".tmp")
    partial.write_text(json.dumps(stats.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")
    partial.replace(marker)
    return stats


def read_meta(folder: Path) -> dict[str, object] | None:
    """The marker of ``folder``, or None if it is missing or unreadable."""
    try:
        meta = json.loads(meta_path(folder).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def corpus_folder(n: int) -> Path:
    """Where :func:`ensure_corpus` keeps the corpus of ``n`` articles."""
    return OUT_DIR / f"corpus-{n}"


def is_current(folder: Path, n: int, seed: int = DEFAULT_SEED) -> bool:
    """Whether ``folder`` holds the corpus this generator would write for ``(n, seed)`` now.

    Its marker must name this generator version, ``n``, ``seed`` and the current seed files.
    """
    meta = read_meta(folder)
    expected = {
        "generator_version": GENERATOR_VERSION,
        "articles": n,
        "seed": seed,
        "seeds_sha256": load_seed_pool().digest,
    }
    return (
        folder.is_dir() and meta is not None and all(meta.get(k) == v for k, v in expected.items())
    )


def ensure_corpus(n: int, seed: int = DEFAULT_SEED, progress: bool = True) -> Path:
    """``benchmarks/out/corpus-<n>/``, generated unless a current one is already there.

    Reruns are instant; a change to the generator (its version) or to the seeds regenerates.
    """
    folder = corpus_folder(n)
    if is_current(folder, n, seed):
        return folder
    if progress:
        print(f"generating {n:,} articles into {folder} ...", file=sys.stderr)
    started = time.perf_counter()
    stats = generate_corpus(n, folder, seed, progress=progress)
    if progress:
        print(
            f"  {stats.files:,} files, {stats.bytes / 1e6:.1f} MB, "
            f"{stats.distinct_words:,} distinct words in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return folder


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.generate``: write a corpus and print its facts as JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--articles", type=int, required=True, help="number of articles (e.g. 10000)"
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write (replaced)")
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    out: Path = args.out
    # Only ever replace a folder this generator wrote (or an empty one): never a user's files.
    if out.exists() and any(out.iterdir()) and read_meta(out) is None:
        parser.error(f"{out} exists, is not empty and was not written by this generator")
    started = time.perf_counter()
    stats = generate_corpus(args.articles, out, args.seed, progress=True)
    summary = {
        "out": str(out),
        "articles": stats.articles,
        "files": stats.files,
        "folders": stats.folders,
        "bytes": stats.bytes,
        "tokens": stats.tokens,
        "distinct_words": stats.distinct_words,
        "seed_distinct_words": stats.seed_distinct_words,
        "near_duplicates": len(stats.near_duplicates),
        "formats": stats.formats,
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
