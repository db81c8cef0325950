"""Load articles from files and folders: discovery, decoding, JSON records, IDs.

The corpus is only ever read: files are opened read-only and nothing is written next to them.
Every file that cannot be used (or only partly) produces one :class:`LoadWarning` naming it, and
loading goes on with the rest.

Article IDs follow the CLI contract: the file's path relative to the folder it was found in,
without extension, ``/``-separated (a file given directly: its stem); the N-th record of a JSON
list or JSONL file is ``FILE/N`` (1-based), or its own ``id`` when it has one.
"""

from __future__ import annotations

import bisect
import collections
import errno
import itertools
import json
import os
import pickle
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from alireader.core.models import Article, LoadWarning, ParsedText
from alireader.core.text import count_words, replace_surrogates
from alireader.errors import ArticleNotFound, CorpusError

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from alireader.core.decode import Decoded

# The parser (its regular expressions), the decoders and the process pool are imported where
# they are used: a command answered from the article cache (a warm ``alireader search``) never
# parses a file or starts a worker, and its start-up should not pay for them.

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_MAX_CANDIDATES = 10


class FileKind(StrEnum):
    """How a file's content is read."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    JSONL = "jsonl"


SUFFIX_KINDS = {
    ".txt": FileKind.TEXT,
    ".text": FileKind.TEXT,
    ".md": FileKind.MARKDOWN,
    ".markdown": FileKind.MARKDOWN,
    ".json": FileKind.JSON,
    ".jsonl": FileKind.JSONL,
    ".ndjson": FileKind.JSONL,
}

# Field names found in real exports, most common first.
# Field names found in real exports (matched without regard to case), most common first:
# plain dumps, NewsAPI (publishedAt, source.name), RSS (pubDate, dc:creator), schema.org
# (articleBody, datePublished), WordPress (content.rendered), news-please (maintext).
_TEXT_FIELDS = (
    "text",
    "body",
    "content",
    "articlebody",
    "article_body",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "description",
    "summary",
)
_TITLE_FIELDS = ("title", "headline", "name")
_AUTHOR_FIELDS = ("author", "authors", "byline", "creator", "dc:creator")
_DATE_FIELDS = (
    "date",
    "published",
    "publishedat",
    "published_at",
    "datepublished",
    "date_published",
    "pubdate",
    "date_publish",
    "datetime",
    "created_at",
    "time",
)
_URL_FIELDS = ("url", "link", "href", "permalink", "canonical_url", "source_url")
_SOURCE_FIELDS = ("source", "site", "site_name", "publisher", "source_domain", "domain", "media")
_CATEGORY_FIELDS = ("category", "section", "rubrique", "categories")  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to read, with the ID its articles derive from and the root it was found under."""

    path: Path
    id: str
    kind: FileKind
    root: Path | None = None  # the folder it was found in; None for a file given directly


@dataclass(slots=True)
class Discovery:
    """The files found under the given paths, and the entries that could not be visited."""

    files: list[SourceFile] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    visited: set[tuple[int, int]] = field(default_factory=set, repr=False)
    """(device, inode) of every folder and file given read so far: a path given twice, or a
    folder inside one already given, is read once."""


def _warning(path: Path | str, message: str) -> LoadWarning:
    # Warnings are read by people and printed as UTF-8: a name that is not UTF-8 shows "�".
    return LoadWarning(replace_surrogates(str(path)), message)


def _one_warning(warnings: list[LoadWarning]) -> list[LoadWarning]:
    """The warnings about one file as a single warning: one line per bad file, wherever shown
    (and the reader counts files by counting warnings)."""
    if len(warnings) < 2:
        return warnings
    return [LoadWarning(warnings[0].path, "; ".join(w.message for w in warnings))]


def _name_id(name: str) -> str:
    """An ID made from a file name: undecodable bytes become "�", so IDs are always text."""
    return replace_surrogates(name)


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return error.strerror or type(error).__name__


def discover(paths: Sequence[str | Path]) -> Discovery:
    """Find the article files under ``paths`` (files, or folders searched recursively).

    Hidden entries inside folders are skipped, symbolic links are followed but never into a loop,
    and unreadable folders are reported. A path that does not exist is an error.
    """
    found = Discovery()
    for given in paths:
        path = Path(given).expanduser()
        try:
            info = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                found.warnings.append(_warning(path, "skipped: a broken symbolic link"))
                continue
            raise CorpusError(f"No such file or folder: {given}.") from None
        except OSError as error:
            raise CorpusError(f"Cannot read {given}: {_os_reason(error)}.") from None
        if (info.st_dev, info.st_ino) in found.visited:
            continue  # given twice, or inside a folder already given: its articles are loaded
        if stat.S_ISDIR(info.st_mode):
            _walk(path, found)
        elif stat.S_ISREG(info.st_mode):
            found.visited.add((info.st_dev, info.st_ino))
            kind = SUFFIX_KINDS.get(path.suffix.lower(), FileKind.TEXT)
            found.files.append(SourceFile(path, _name_id(path.stem), kind))
        else:
            found.warnings.append(_warning(path, "skipped: not a regular file or folder"))
    return found


def _suffix(name: str) -> str:
    """``PurePath(name).suffix`` without building a path: the walk calls it for every file."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _walk(root: Path, found: Discovery) -> None:
    # Names are handled as strings, not Path objects: at 100k files pathlib's parsing was most
    # of the walk's CPU time. IDs are the same as ``relative_to(root).with_suffix("")``.
    visited = found.visited
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            info = folder.stat()
        except OSError as error:
            found.warnings.append(_warning(folder, f"skipped: {_os_reason(error)}"))
            continue
        if (info.st_dev, info.st_ino) in visited:
            message = "skipped: a folder already read (a symbolic link loop, or a second link)"
            found.warnings.append(_warning(folder, message))
            continue
        visited.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            if folder == root:  # the corpus the user named cannot be read at all
                raise CorpusError(f"Cannot read {root}: {_os_reason(error)}.") from None
            found.warnings.append(_warning(folder, f"folder skipped: {_os_reason(error)}"))
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as error:
                found.warnings.append(_warning(entry.path, f"skipped: {_os_reason(error)}"))
                continue
            if is_dir:
                subfolders.append((folder / name, f"{prefix}{name}/"))
            elif is_file:
                suffix = _suffix(name)
                kind = SUFFIX_KINDS.get(suffix.lower())
                if kind is not None:
                    stem = name[: len(name) - len(suffix)]
                    found.files.append(
                        SourceFile(folder / name, _name_id(prefix + stem), kind, root)
                    )
            elif entry.is_symlink():
                entry_path = Path(entry.path)
                found.warnings.append(_warning(entry_path, _broken_link_reason(entry_path)))
        # Depth first, in name order: reverse because the stack pops from the end.
        stack.extend(reversed(subfolders))


def _broken_link_reason(path: Path) -> str:
    try:
        path.stat()
    except OSError as error:
        return (
            f"skipped: {_os_reason(error)}"
            if error.errno == errno.ELOOP
            else ("skipped: a broken symbolic link")
        )
    return "skipped: not a regular file"


def read_source(
    source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[LoadWarning]]:
    """Read and parse one file into its articles, with warnings for what could not be used.

    The returned IDs are not yet unique across the corpus; :class:`Corpus` makes them so.
    """
    numbered, warnings = read_numbered(source, max_bytes)
    return [article for _, article in numbered], warnings


def read_numbered(
    source: SourceFile,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    seen: Callable[[bytes], None] | None = None,
) -> tuple[list[tuple[int | None, Article]], list[LoadWarning]]:
    """Like :func:`read_source`, each article with its record number (None: not JSON).
    ``seen`` as in :func:`decode_source`."""
    decoded, warnings = decode_source(source, max_bytes, seen=seen)
    if decoded is None:
        return [], warnings
    if source.kind in (FileKind.JSON, FileKind.JSONL):
        articles, record_warnings = _read_records(source, decoded.text, decoded.encoding)
        return articles, _one_warning(warnings + record_warnings)
    article = text_article(source, decoded)
    if not article.body:
        warnings.append(
            _warning(source.path, "no article text found: everything was site boilerplate")
        )
    return [(None, article)], _one_warning(warnings)


def decode_source(
    source: SourceFile,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    seen: Callable[[bytes], None] | None = None,
) -> tuple[Decoded | None, list[LoadWarning]]:
    """Read one file (read-only) and decode it; None with a warning when it cannot be used.

    ``seen``, when given, is called with the file's whole content once it has been read (not
    for a file over the limit or unreadable), so a caller can hash what was parsed without
    reading the file again."""
    from alireader.core.decode import BinaryContent, decode_bytes

    path = source.path
    try:
        data = _read_limited(path, max_bytes)
    except OSError as error:
        return None, [_warning(path, f"skipped: {_os_reason(error)}")]
    if isinstance(data, int):
        limit = max_bytes / 1024 / 1024
        return None, [
            _warning(
                path, f"skipped: {data / 1024 / 1024:.1f} MB is over the {limit:g} MB size limit"
            )
        ]
    if len(data) > max_bytes:
        limit = max_bytes / 1024 / 1024
        return None, [_warning(path, f"skipped: over the {limit:g} MB size limit")]
    if seen is not None:
        seen(data)
    if not data or data.isspace():  # not data.strip(), without copying the file
        return None, [_warning(path, "skipped: the file is empty")]
    try:
        decoded = decode_bytes(data)
    except BinaryContent:
        return None, [_warning(path, "skipped: binary content, not text")]
    warnings = [_warning(path, decoded.note)] if decoded.note else []
    if not decoded.text or decoded.text.isspace():
        return None, _one_warning([*warnings, _warning(path, "skipped: the file has no text")])
    return decoded, warnings


def _read_limited(path: Path, max_bytes: int) -> bytes | int:
    """The content of ``path`` (read-only) up to ``max_bytes + 1`` bytes, or its size when that
    is over ``max_bytes`` (then it is not read). Raises OSError as ``stat`` or ``open`` would.

    Asking for the size found, plus one byte to see growth, and not for ``max_bytes + 1``: a
    read of that many bytes allocates them all first (20 MB per file by default).
    """
    try:
        handle = path.open("rb")  # closed below, once the size is known
    except OSError:
        # Unopenable: say what a stat says first, as when the size was checked before opening
        # ("over the limit" for a file that is both too large and unreadable).
        size = path.stat().st_size
        if size > max_bytes:
            return size
        raise
    with handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            return size
        data = handle.read(size + 1)
        if len(data) > size:  # it grew since: read on, to the limit as before
            data += handle.read(max_bytes + 1 - len(data))
    return data


def text_article(source: SourceFile, decoded: Decoded) -> Article:
    """The article of a decoded text or Markdown file."""
    from alireader.core.parse import parse_article

    parsed = parse_article(decoded.text, markdown=source.kind is FileKind.MARKDOWN)
    return _article(source.id, source.path, parsed, None, decoded.encoding)


def source_file(path: str | Path) -> SourceFile:
    """The :class:`SourceFile` of a file already found once, to read an article back from it.

    Its kind comes from the suffix as in :func:`discover`; its ID is the file's stem (the caller
    knows the article's real ID).
    """
    path = Path(path)
    kind = SUFFIX_KINDS.get(path.suffix.lower(), FileKind.TEXT)
    return SourceFile(path, _name_id(path.stem), kind)


def _article(
    article_id: str, path: Path, parsed: ParsedText, url: str | None, encoding: str
) -> Article:
    body = parsed.body
    return Article(
        id=article_id,
        path=str(path),
        title=parsed.title or article_id.rsplit("/", 1)[-1],
        title_inferred=parsed.title_inferred or not parsed.title,
        author=parsed.author,
        source=parsed.source,
        category=parsed.category,
        date=parsed.date,
        url=url,
        blocks=parsed.blocks,
        removed=parsed.removed,
        body=body,
        words=count_words(body),
        encoding=encoding,
    )


# --- JSON and JSONL ---------------------------------------------------------------------------


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a JSONL text with their 1-based line numbers."""
    # Only "\n" ends a line: str.splitlines() also splits at U+2028 and \x85, which JSON
    # strings may hold raw, and would cut a record in two and shift every line number.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, line.removesuffix("\r")


def json_records(source: SourceFile, text: str) -> tuple[list[tuple[int, Any]], LoadWarning | None]:
    """The numbered records of a JSON document (0: a single object), or why there are none."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        where = f" (line {error.lineno})" if isinstance(error, json.JSONDecodeError) else ""
        return [], _warning(source.path, f"skipped: invalid JSON{where}")
    if isinstance(document, dict) and not _first_text(document, _TEXT_FIELDS):
        # A wrapper such as {"status": "ok", "tags": [...], "articles": [...]}: take the list
        # whose items look like articles, not merely the first list.
        document = next(
            (value for value in document.values() if _looks_like_records(value)), document
        )
    if isinstance(document, list):
        return list(enumerate(document, start=1)), None
    return [(0, document)], None


def _looks_like_records(value: object) -> bool:
    return isinstance(value, list) and any(
        isinstance(item, dict) and _first_text(item, _TEXT_FIELDS) for item in value[:20]
    )


def _read_records(
    source: SourceFile, text: str, encoding: str
) -> tuple[list[tuple[int | None, Article]], list[LoadWarning]]:
    records: list[tuple[int, Any]] = []
    bad_lines: list[int] = []
    if source.kind is FileKind.JSONL:
        for number, line in jsonl_lines(text):
            try:
                records.append((number, json.loads(line)))
            except (ValueError, RecursionError):
                bad_lines.append(number)
    else:
        records, problem = json_records(source, text)
        if problem is not None:
            return [], [problem]

    articles: list[tuple[int | None, Article]] = []
    unusable: list[int] = []
    for number, record in records:
        article = record_article(source, number, record, encoding)
        if article is None:
            unusable.append(number)
        else:
            articles.append((number, article))
    warnings = []
    unit = "line" if source.kind is FileKind.JSONL else "record"
    if bad_lines:
        warnings.append(_warning(source.path, _count_message(bad_lines, unit, "not valid JSON")))
    if unusable:
        what = "not an article (no text field)"
        warnings.append(_warning(source.path, _count_message(unusable, unit, what)))
    return articles, warnings


def _count_message(numbers: list[int], unit: str, what: str) -> str:
    if numbers == [0]:
        return f"skipped: {what}"
    shown = ", ".join(str(n) for n in numbers[:5]) + (", …" if len(numbers) > 5 else "")
    plural = "s" if len(numbers) > 1 else ""
    return f"{len(numbers)} {unit}{plural} skipped, {what}: {unit}{plural} {shown}"


def _first_text(record: dict[str, Any], names: Iterable[str]) -> str | None:
    """The first non-empty value among ``names`` (matched without regard to case).

    Lists are joined (text fields by paragraph, others by comma), objects give their
    ``name``/``title``/``rendered`` (NewsAPI ``source``, WordPress ``title.rendered``), and
    HTML in a value is reduced to text.
    """
    return _first_text_in(_by_folded_name(record), names)


def _by_folded_name(record: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``record`` under their casefolded names (see :func:`_first_text_in`)."""
    return {str(key).casefold(): value for key, value in record.items()}


def _first_text_in(lowered: dict[str, Any], names: Iterable[str]) -> str | None:
    """:func:`_first_text` of a record whose fields :func:`_by_folded_name` gave: a record's
    fields are looked up several times, its names are casefolded once."""
    from alireader.core.html import html_to_text, looks_like_html

    for name in names:
        value = lowered.get(name)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title") or value.get("rendered")
        if isinstance(value, list):
            joiner = "\n\n" if name in _TEXT_FIELDS else ", "
            items = [item for item in value if isinstance(item, str | int | float)]
            value = joiner.join(str(item) for item in items)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            # json.loads turns a "\\ud800" escape into a lone surrogate: never valid text.
            text = replace_surrogates(str(value).strip())
            if looks_like_html(text):
                text = html_to_text(text)
            if text:
                return text
    return None


def record_article(source: SourceFile, number: int, record: Any, encoding: str) -> Article | None:
    """The article of JSON record ``number`` of ``source``, or None when it has no text field."""
    if not isinstance(record, dict):
        return None
    fields = _by_folded_name(record)
    body = _first_text_in(fields, _TEXT_FIELDS)
    if body is None:
        return None
    own_id = _first_text_in(fields, ("id", "_id", "uid", "guid"))
    if own_id is not None:
        article_id = own_id.replace("\n", " ")
    else:
        article_id = source.id if number == 0 else f"{source.id}/{number}"
    date = _first_text_in(fields, _DATE_FIELDS)
    from alireader.core.dates import normalise_date
    from alireader.core.parse import parse_article

    parsed = parse_article(
        body,
        title=_first_text_in(fields, _TITLE_FIELDS),
        author=_first_text_in(fields, _AUTHOR_FIELDS),
        source=_first_text_in(fields, _SOURCE_FIELDS),
        category=_first_text_in(fields, _CATEGORY_FIELDS),
        date=normalise_date(date) if date else None,
    )
    return _article(article_id, source.path, parsed, _first_text_in(fields, _URL_FIELDS), encoding)


# --- The corpus -------------------------------------------------------------------------------


class UniqueIds:
    """Makes article IDs unique across a corpus, in the order articles are added.

    A taken ID becomes ``ID.ext`` (``a.md`` beside ``a.txt``), then ``ROOT/ID`` (the same name in
    two folders), then ``ID~2``, ``ID~3``... Shared by :class:`Corpus` and the summaries, so an
    article gets the same ID whichever way the corpus is loaded.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str, source: SourceFile | None = None) -> str:
        """Take ``wanted``, or its first free variant, and return it."""
        article_id = self._free(wanted, source)
        self._taken.add(article_id)
        return article_id

    def _free(self, wanted: str, source: SourceFile | None) -> str:
        taken = self._taken
        if wanted not in taken:
            return wanted
        candidates = []
        if source is not None:
            candidates.append(_name_id(f"{wanted}{source.path.suffix}"))  # "a.md" beside "a.txt"
            if source.root is not None:
                candidates.append(_name_id(f"{source.root.name}/{wanted}"))  # two roots
        for candidate in candidates:
            if candidate not in taken:
                return candidate
        number = 2
        while f"{wanted}~{number}" in taken:
            number += 1
        return f"{wanted}~{number}"


class Corpus:
    """The articles loaded from a set of paths, with unique IDs and the warnings met on the way."""

    def __init__(self, roots: Sequence[Path] = ()) -> None:
        self.roots: tuple[Path, ...] = tuple(roots)
        self.articles: list[Article] = []
        self.warnings: list[LoadWarning] = []
        self._by_id: dict[str, Article] = {}
        self._ids_taken = UniqueIds()
        self._sorted_ids: list[str] | None = None

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def add(self, article: Article, source: SourceFile | None = None) -> Article:
        """Add an article, renaming it if its ID is taken (returns the article as added)."""
        article_id = self._ids_taken.claim(article.id, source)
        if article_id != article.id:
            article = replace(article, id=article_id)
        self.articles.append(article)
        self._by_id[article_id] = article
        self._sorted_ids = None
        return article

    def get(self, article_id: str) -> Article | None:
        """The article with exactly this ID, or None."""
        return self._by_id.get(article_id)

    def resolve(self, reference: str) -> Article:
        """The article named by an exact ID or a unique ID prefix, like git.

        Raises :class:`ArticleNotFound` listing the candidates when the prefix is ambiguous, or
        the closest IDs when nothing matches.
        """
        if (article := self._by_id.get(reference)) is not None:
            return article
        return self._by_id[resolve_id(self._ids(), reference)]

    def _ids(self) -> list[str]:
        if self._sorted_ids is None:
            self._sorted_ids = sorted(self._by_id)
        return self._sorted_ids


def resolve_id(ids: Sequence[str], reference: str) -> str:
    """The ID among sorted ``ids`` named by ``reference``: itself, or the one it is a prefix of.

    Raises :class:`ArticleNotFound` listing the candidates when the prefix is ambiguous, or
    the closest IDs when nothing matches (see :meth:`Corpus.resolve`).
    """
    at = bisect.bisect_left(ids, reference)
    if at < len(ids) and ids[at] == reference:
        return reference
    matches = []
    if reference:
        for candidate in itertools.islice(ids, at, None):
            if not candidate.startswith(reference):
                break
            matches.append(candidate)
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(matches[:_MAX_CANDIDATES])
        more = (
            f" and {len(matches) - _MAX_CANDIDATES} more" if len(matches) > _MAX_CANDIDATES else ""
        )
        raise ArticleNotFound(
            f"Article ID '{reference}' is ambiguous: it could be {shown}{more}.",
            tuple(matches),
            ambiguous=True,
        )
    from rapidfuzz import fuzz, process

    close = [
        match
        for match, _score, _index in process.extract(
            reference, ids, scorer=fuzz.ratio, limit=5, score_cutoff=60
        )
    ]
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise ArticleNotFound(f"No article with ID '{reference}'.{hint}", tuple(close))


def iter_load(
    discovery: Discovery, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[SourceFile, list[Article], list[LoadWarning]]]:
    """Read the discovered files one by one, in order (for callers that report progress)."""
    for source in discovery.files:
        articles, warnings = read_source(source, max_bytes)
        yield source, articles, warnings


_Loaded = tuple[SourceFile, list[Article], list[LoadWarning]]
PARALLEL_MIN_FILES = 1500  # below this, starting worker processes costs more than it saves
IN_FLIGHT_PER_WORKER = 3
"""Chunks handed to the pool per worker ahead of the consumer (see :func:`map_in_processes`):
enough that no worker waits for its next chunk, few enough to bound what waits in memory."""
_CHUNK_FILES = 250

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")
PoolFactory = Callable[[int], "Executor"]
"""Makes the executor that parses, given the number of workers (see :func:`map_chunks`)."""


def _read_chunk(chunk: list[SourceFile], max_bytes: int) -> list[_Loaded]:
    return [(source, *read_source(source, max_bytes)) for source in chunk]


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _fork_is_safe() -> bool:
    import multiprocessing

    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def default_pool(workers: int) -> Executor:
    """A process pool forked from a single-threaded program and spawned from a threaded one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork is fastest and needs no re-import of __main__, but is unsafe once threads run.
    context = multiprocessing.get_context("fork" if _fork_is_safe() else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def map_in_processes(
    function: Callable[..., R],
    chunks: Sequence[C],
    *arguments: object,
    parallel: bool,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
) -> Iterator[R]:
    """``function(chunk, *arguments)`` for each of ``chunks``, one result each, in order.

    Pure-Python work is CPU-bound, so threads would not help; worker processes do when
    ``parallel`` (the caller judges the amount of work) and there is more than one worker
    (``workers``: default one per usable CPU). ``make_pool`` builds the executor (default
    :func:`default_pool`). If processes cannot be started here, the rest is done in this
    process. At most :data:`IN_FLIGHT_PER_WORKER` chunks per worker are handed out ahead of
    the caller, so results never pile up in memory when the caller is the slower side. A
    caller that stops early (closes the generator) waits for the chunks in flight, not for
    the whole queue.
    """
    workers = usable_cpus() if workers is None else workers
    if workers <= 1 or not parallel:
        for chunk in chunks:
            yield function(chunk, *arguments)
        return
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        pool = (make_pool or default_pool)(workers)
        try:
            # Not pool.map: it submits every chunk at once, and the results of workers running
            # ahead of their consumer would wait in this process's memory.
            ahead: collections.deque[Future[R]] = collections.deque()
            waiting = iter(chunks)
            for chunk in itertools.islice(waiting, workers * IN_FLIGHT_PER_WORKER):
                ahead.append(pool.submit(function, chunk, *arguments))
            while ahead:
                result = ahead.popleft().result()
                following = next(waiting, None)
                if following is not None:
                    ahead.append(pool.submit(function, following, *arguments))
                done += 1
                yield result
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    except (OSError, ValueError, BrokenProcessPool, pickle.PicklingError, AssertionError):
        # No worker processes here: a daemon, a sandbox, a broken pool, or a sys.stderr without
        # a file descriptor (ValueError from the process start-up). Finish in this process.
        for chunk in chunks[done:]:
            yield function(chunk, *arguments)


def map_chunks(
    function: Callable[[list[SourceFile], int], list[T]],
    files: Sequence[SourceFile],
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
) -> Iterator[T]:
    """``function(chunk, max_bytes)`` over chunks of ``files``, results in file order, in
    worker processes for corpora of at least :data:`PARALLEL_MIN_FILES` files (see
    :func:`map_in_processes`)."""
    chunks = [list(files[i : i + _CHUNK_FILES]) for i in range(0, len(files), _CHUNK_FILES)]
    parallel = len(files) >= PARALLEL_MIN_FILES
    for results in map_in_processes(
        function, chunks, max_bytes, parallel=parallel, workers=workers, make_pool=make_pool
    ):
        yield from results


def iter_load_parallel(
    discovery: Discovery, max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None
) -> Iterator[_Loaded]:
    """Like :func:`iter_load`, in file order, but parsing on every CPU for large corpora.

    Worker processes are forked from a single-threaded program (the CLI) and spawned from a
    threaded one; see :func:`map_chunks`.
    """
    return map_chunks(_read_chunk, discovery.files, max_bytes, workers)


def load_corpus(
    paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None
) -> Corpus:
    """Load every article under ``paths``; warnings are collected, never raised.

    ``workers`` is the number of processes that parse (default: one per usable CPU, for corpora
    of at least :data:`PARALLEL_MIN_FILES` files). Raises :class:`CorpusError` only when a given
    path does not exist or cannot be read at all.
    """
    discovery = discover(paths)
    corpus = Corpus([Path(p) for p in paths])
    corpus.warnings.extend(discovery.warnings)
    for source, articles, warnings in iter_load_parallel(discovery, max_bytes, workers):
        for article in articles:
            corpus.add(article, source)
        corpus.warnings.extend(warnings)
    return corpus


def load_article(
    paths: Sequence[str | Path],
    reference: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    fallback: Callable[[str], Article] | None = None,
) -> Article:
    """The article named by ``reference`` (an ID or unique prefix), parsing as little as possible.

    The IDs of text and Markdown files are known from discovery alone, so only the files that
    could hold the ID are read: those whose ID (or a renamed form of it) starts with the
    reference, every file sharing an ID with them (so duplicates are renamed exactly as in a
    full load), and JSON/JSONL files, whose records may carry their own IDs. An unknown ID falls
    back to a full load, for the suggestions, or to ``fallback(reference)`` when given (the CLI
    resolves it from the article cache instead).
    """
    discovery = discover(paths)
    candidates = {source.id for source in discovery.files if _may_hold(source, reference)}
    corpus = Corpus([Path(p) for p in paths])
    for source in discovery.files:
        if source.id in candidates or _records_may_hold(source, reference):
            articles, _warnings = read_source(source, max_bytes)
            for article in articles:
                corpus.add(article, source)
    try:
        return corpus.resolve(reference)
    except ArticleNotFound as error:
        if error.ambiguous:  # the matches found here exist in the whole corpus too
            raise
        if fallback is not None:
            return fallback(reference)
        return load_corpus(paths, max_bytes).resolve(reference)


def _records_may_hold(source: SourceFile, reference: str) -> bool:
    """A JSON file may hold a record whose own ID starts with ``reference`` only if the text
    appears in it: a byte search is far cheaper than parsing every export."""
    if source.kind not in (FileKind.JSON, FileKind.JSONL):
        return False
    try:
        with source.path.open("rb") as handle:
            return reference.encode() in handle.read()
    except OSError:
        return False


def _may_hold(source: SourceFile, reference: str) -> bool:
    names = [source.id, f"{source.id}{source.path.suffix}"]
    if source.root is not None:
        names.append(f"{source.root.name}/{source.id}")
    # "a~2" (a renamed duplicate) and "feed/12" (a record) start with a file's ID.
    return any(name.startswith(reference) or reference.startswith(name) for name in names)
