"""Loading corpora: files and folders, formats, IDs, and every kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alireader.core.corpus import Corpus, discover, load_corpus
from alireader.errors import ArticleNotFound, CorpusError

ARTICLE = "Un titre de test\n\nLe premier paragraphe dit quelque chose d'utile. Il continue.\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def warned(corpus: Corpus, name: str) -> list[str]:
    return [w.message for w in corpus.warnings if Path(w.path).name == name]


# --- the seeds --------------------------------------------------------------------------------


def test_the_seeds_load_with_their_titles(seeds_dir: Path) -> None:
    corpus = load_corpus([seeds_dir])
    titles = {a.id[:3]: a for a in corpus}
    assert len(corpus) == 5 and corpus.warnings == []
    assert titles["000"].title.startswith("Le chinois Alibaba se sépare du site 11 Main")
    assert titles["002"].title == "Alibaba : enfin un concurrent pour Amazon ?"
    assert titles["003"].title.startswith("AliExpress (groupe Alibaba) veut convertir")
    assert titles["004"].title == "Alibaba pense à ouvrir des magasins Aliexpress en France"
    assert titles["004"].author == "Stephane Leroy"
    assert titles["001"].title_inferred and len(titles["001"].title) <= 100
    assert not titles["000"].title_inferred


def test_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "monde" / "asie" / "b.md", "# Titre B\n\nTexte du billet B.\n")
    corpus = load_corpus([tmp_path])
    assert sorted(a.id for a in corpus) == ["a", "monde/asie/b"]


def test_a_file_given_directly_is_named_by_its_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "deep" / "note.txt", ARTICLE)
    assert [a.id for a in load_corpus([path])] == ["note"]


def test_colliding_ids_are_made_unique(tmp_path: Path) -> None:
    write(tmp_path / "one" / "x.txt", ARTICLE)
    write(tmp_path / "one" / "x.md", "# Autre\n\nAutre texte ici.\n")
    write(tmp_path / "two" / "x.txt", ARTICLE)
    corpus = load_corpus([tmp_path / "one", tmp_path / "two"])
    ids = [a.id for a in corpus]
    assert len(set(ids)) == 3 and "x" in ids


def test_hidden_entries_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "visible.txt", ARTICLE)
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "inside.txt", ARTICLE)
    assert [a.id for a in load_corpus([tmp_path])] == ["visible"]


def test_unknown_extensions_in_folders_are_ignored(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["a"] and corpus.warnings == []


# --- formats ----------------------------------------------------------------------------------


def test_markdown_front_matter_and_heading(tmp_path: Path) -> None:
    write(
        tmp_path / "m.md",
        "---\ntitle: Le vrai titre\nauthor: Marie Curie\ndate: 2021-03-04\n---\n\n"
        "Un [lien](https://exemple.fr) et du **gras** dans le texte.\n\n## Intertitre\n\nSuite.\n",
    )
    article = load_corpus([tmp_path]).articles[0]
    assert (article.title, article.author, article.date) == (
        "Le vrai titre",
        "Marie Curie",
        "2021-03-04",
    )
    assert "Un lien et du gras dans le texte." in article.body
    assert "**" not in article.body and "](" not in article.body
    assert [b.kind.value for b in article.blocks] == ["paragraph", "heading", "paragraph"]


def test_json_single_article_and_list(tmp_path: Path) -> None:
    write(
        tmp_path / "one.json",
        json.dumps({"title": "Seul", "text": "Le corps du texte.", "author": "A. B."}),
    )
    write(
        tmp_path / "many.json",
        json.dumps(
            [
                {"headline": "Premier", "body": "Texte un."},
                {"title": "Second", "content": "Texte deux."},
            ]
        ),
    )
    corpus = load_corpus([tmp_path])
    by_id = {a.id: a for a in corpus}
    assert by_id["one"].title == "Seul" and by_id["one"].author == "A. B."
    assert by_id["many/1"].title == "Premier" and by_id["many/2"].body == "Texte deux."


def test_jsonl_records_and_their_fields(tmp_path: Path) -> None:
    records = [
        {
            "title": "Un",
            "text": "Premier texte.",
            "date": "10 novembre 2020",
            "url": "https://x/1",
            "source": "Le Site",
        },
        {
            "id": "custom-7",
            "title": "Deux",
            "body": "Deuxième texte.",
            "authors": ["Ann Lee", "Bo Chen"],
        },
    ]
    write(
        tmp_path / "feed.jsonl",
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
    )
    corpus = load_corpus([tmp_path])
    first, second = corpus.articles
    assert first.id == "feed/1" and first.date == "2020-11-10" and first.url == "https://x/1"
    assert first.source == "Le Site"
    assert second.id == "custom-7" and second.author == "Ann Lee, Bo Chen"


def test_jsonl_broken_lines_warn_once_and_the_rest_loads(tmp_path: Path) -> None:
    lines = [
        '{"title": "Bon", "text": "Texte."}',
        "{pas du json",
        "[1, 2]",
        '{"title": "Encore", "text": "Autre."}',
    ]
    write(tmp_path / "mixed.jsonl", "\n".join(lines))
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["mixed/1", "mixed/4"]
    [message] = warned(corpus, "mixed.jsonl")  # one warning per file, saying both
    assert "not valid JSON: line 2" in message and "no text field): line 3" in message


def test_invalid_json_file_is_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "bad.json", '{"title": "x", ')
    write(tmp_path / "good.txt", ARTICLE)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["good"]
    assert warned(corpus, "bad.json") == ["skipped: invalid JSON (line 1)"]


# --- encodings and line endings -----------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: s.encode("cp1252"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "cp1252", "crlf"],
)
def test_encodings_and_crlf_give_the_same_article(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    text = "Économie : l’été à Paris\n\nLes États-Unis ont décidé. Ça change tout.\n"
    write(tmp_path / "a.txt", encode(text))
    article = load_corpus([tmp_path]).articles[0]
    assert article.title == "Économie : l’été à Paris"
    assert article.body == "Les États-Unis ont décidé. Ça change tout."
    assert "\r" not in article.body


# --- bad input: a warning naming the file, and loading goes on -------------------------------


def test_binary_empty_and_oversized_files_warn_and_loading_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.md", "  \n\n \t\n")
    write(tmp_path / "huge.txt", "x" * 2048)
    corpus = load_corpus([tmp_path], max_bytes=1024)
    assert [a.id for a in corpus] == ["good"]
    assert warned(corpus, "image.txt") == ["skipped: binary content, not text"]
    assert warned(corpus, "empty.txt") == ["skipped: the file is empty"]
    assert warned(corpus, "blank.md") == ["skipped: the file is empty"]
    assert "size limit" in warned(corpus, "huge.txt")[0]


def test_the_default_size_limit_is_20_mb(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", b"")
    with big.open("wb") as handle:  # sparse: 21 MB without writing 21 MB
        handle.truncate(21 * 1024 * 1024)
    corpus = load_corpus([tmp_path])
    assert "over the 20 MB size limit" in warned(corpus, "big.txt")[0]


needs_permissions = pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions"
)


@needs_permissions
def test_unreadable_file_and_folder_warn(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    locked = write(tmp_path / "locked.txt", ARTICLE)
    closed = tmp_path / "closed"
    write(closed / "inside.txt", ARTICLE)
    locked.chmod(0)
    closed.chmod(0)
    try:
        corpus = load_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert [a.id for a in corpus] == ["good"]
    assert warned(corpus, "locked.txt") == ["skipped: permission denied"]
    assert warned(corpus, "closed") == ["folder skipped: permission denied"]


def test_a_file_that_cannot_be_opened_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works as root too: simulate the permission error at open time.
    write(tmp_path / "good.txt", ARTICLE)
    locked = write(tmp_path / "locked.txt", ARTICLE)
    real_open = Path.open

    def guarded_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["good"]
    assert warned(corpus, "locked.txt") == ["skipped: permission denied"]


def test_a_file_too_large_and_unopenable_warns_about_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The size decides first, as if the file were looked at before being opened.
    write(tmp_path / "good.txt", ARTICLE)
    huge = write(tmp_path / "huge.txt", "x" * 2048)
    locked = write(tmp_path / "locked.txt", "y" * 512)
    real_open = Path.open

    def guarded_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name in (huge.name, locked.name):
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    corpus = load_corpus([tmp_path], max_bytes=1024)
    assert [a.id for a in corpus] == ["good"]
    assert warned(corpus, "huge.txt") == ["skipped: 0.0 MB is over the 0.000976562 MB size limit"]
    assert warned(corpus, "locked.txt") == ["skipped: permission denied"]


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt", ARTICLE)
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")  # a link to itself
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["a/one"]
    assert any("symbolic link loop" in w.message for w in corpus.warnings)


def test_broken_symlink_warns(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = load_corpus([tmp_path])
    assert warned(corpus, "gone.txt") == ["skipped: a broken symbolic link"]


def test_a_fifo_given_directly_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus = load_corpus([fifo])  # opening a FIFO would block forever
    assert len(corpus) == 0 and "not a regular file" in corpus.warnings[0].message


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="No such file or folder"):
        discover([tmp_path / "missing"])


def test_the_corpus_is_never_written(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.jsonl", '{"title": "T", "text": "Texte."}\nbroken\n')
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*")}
    tmp_path.chmod(0o555)  # and a read-only folder is fine
    try:
        load_corpus([tmp_path])
    finally:
        tmp_path.chmod(0o755)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.rglob("*")}
    assert before == after


# --- IDs: exact, unique prefix, ambiguous, unknown --------------------------------------------


def test_resolve_exact_and_unique_prefix(seeds_dir: Path) -> None:
    corpus = load_corpus([seeds_dir])
    assert corpus.resolve("004").id == "004_c0c07fbbedaddbce"
    assert corpus.resolve("004_c0c07fbbedaddbce").id == "004_c0c07fbbedaddbce"


def test_resolve_ambiguous_lists_candidates(seeds_dir: Path) -> None:
    corpus = load_corpus([seeds_dir])
    with pytest.raises(ArticleNotFound, match="ambiguous") as caught:
        corpus.resolve("00")
    assert len(caught.value.candidates) == 5


def test_resolve_unknown_suggests_close_ids(seeds_dir: Path) -> None:
    corpus = load_corpus([seeds_dir])
    with pytest.raises(ArticleNotFound, match="No article") as caught:
        corpus.resolve("004_c0c07fbbedaddbcf")
    assert caught.value.candidates == ("004_c0c07fbbedaddbce",)


# --- parallel loading -------------------------------------------------------------------------


def test_parallel_loading_gives_the_serial_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alireader.core.corpus as corpus_module

    for number in range(40):
        write(
            tmp_path / f"d{number % 3}" / f"a{number:02d}.txt",
            f"Titre {number}\n\nTexte numéro {number}. Fin.\n",
        )
    write(tmp_path / "bad.txt", b"\x00\x01" * 20)
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(corpus_module, "_CHUNK_FILES", 7)
    serial = load_corpus([tmp_path], workers=1)
    parallel = load_corpus([tmp_path], workers=2)
    assert parallel.articles == serial.articles and len(serial) == 40
    assert parallel.warnings == serial.warnings and len(serial.warnings) == 1


def test_loading_goes_on_when_worker_processes_cannot_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alireader.core.corpus as corpus_module

    for number in range(10):
        write(tmp_path / f"a{number}.txt", f"Titre {number}\n\nTexte {number}.\n")

    def no_processes(*_args: object, **_kwargs: object) -> None:
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(corpus_module, "default_pool", no_processes)
    assert len(load_corpus([tmp_path], workers=2)) == 10


# --- review fixes: real-world exports ---------------------------------------------------------


def test_jsonl_strings_may_hold_line_separators(tmp_path: Path) -> None:
    # U+2028 and \x85 are legal raw inside JSON strings; only "\n" ends a JSONL record.
    lines = [
        json.dumps({"title": "Un", "text": "Avant\u2028après."}, ensure_ascii=False),
        json.dumps({"title": "Deux", "text": "Texte\x85deux."}, ensure_ascii=False),
        json.dumps({"title": "Trois", "text": "Trois."}),
    ]
    write(tmp_path / "u.jsonl", "\r\n".join(lines) + "\r\n")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus] == ["u/1", "u/2", "u/3"] and corpus.warnings == []


def test_a_wrapper_object_gives_its_list_of_articles(tmp_path: Path) -> None:
    document = {
        "status": "ok",
        "tags": ["économie", "asie"],
        "articles": [{"title": "A", "text": "Texte A."}, {"title": "B", "text": "Texte B."}],
    }
    write(tmp_path / "dump.json", json.dumps(document))
    assert [a.title for a in load_corpus([tmp_path])] == ["A", "B"]


def test_a_text_field_that_is_a_list_is_paragraphs(tmp_path: Path) -> None:
    record = {"title": "Liste", "text": ["Premier paragraphe, avec virgule.", "Second paragraphe."]}
    write(tmp_path / "p.json", json.dumps(record))
    article = load_corpus([tmp_path]).articles[0]
    assert article.body == "Premier paragraphe, avec virgule.\n\nSecond paragraphe."


def test_newsapi_records(tmp_path: Path) -> None:
    record = {
        "source": {"id": None, "name": "BBC News"},
        "author": "Jane Roe",
        "title": "Markets rally",
        "description": "Shares rose.",
        "url": "https://example.org/markets",
        "publishedAt": "2021-03-04T10:00:00Z",
        "content": "Shares rose sharply on Thursday. Traders cheered.",
    }
    write(tmp_path / "news.json", json.dumps({"status": "ok", "articles": [record]}))
    article = load_corpus([tmp_path]).articles[0]
    assert (article.source, article.author, article.date) == ("BBC News", "Jane Roe", "2021-03-04")
    assert article.body.startswith("Shares rose sharply")  # content before description


def test_wordpress_records_with_html(tmp_path: Path) -> None:
    record = {
        "id": 812,
        "date": "2021-03-04T10:00:00",
        "link": "https://blog.example/p/812",
        "title": {"rendered": "Prix &amp; salaires"},
        "content": {"rendered": "<p>Premier.</p>\n<p>Deuxi&egrave;me <em>vraiment</em>.</p>"},
    }
    write(tmp_path / "wp.json", json.dumps([record]))
    article = load_corpus([tmp_path]).articles[0]
    assert article.id == "812" and article.title == "Prix & salaires"
    assert article.body == "Premier.\n\nDeuxième vraiment."


def test_schema_org_and_rss_field_names(tmp_path: Path) -> None:
    records = [
        {"headline": "Schéma", "articleBody": "Corps.", "datePublished": "2020-11-10"},
        {"title": "Flux", "description": "Résumé.", "pubDate": "Tue, 10 Nov 2020 08:00:00 GMT"},
    ]
    write(tmp_path / "mix.jsonl", "\n".join(json.dumps(r) for r in records))
    first, second = load_corpus([tmp_path]).articles
    assert first.body == "Corps." and first.date == "2020-11-10"
    assert second.body == "Résumé." and second.date == "2020-11-10"


def test_a_path_given_twice_or_inside_another_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sub" / "b.txt", ARTICLE)
    corpus = load_corpus([tmp_path, tmp_path, tmp_path / "sub"])
    assert sorted(a.id for a in corpus) == ["a", "sub/b"] and corpus.warnings == []


def test_an_unreadable_corpus_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works as root too: the folder cannot be listed.
    import alireader.core.corpus as corpus_module

    real_scandir = os.scandir

    def guarded(path: object) -> object:
        if Path(str(path)) == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_module.os, "scandir", guarded)
    with pytest.raises(CorpusError, match=r"Cannot read .*: permission denied"):
        load_corpus([tmp_path])


# --- show one article without parsing the corpus --------------------------------------------


def test_load_article_gives_what_the_full_load_gives(tmp_path: Path) -> None:
    from alireader.core.corpus import load_article

    one, two = tmp_path / "one", tmp_path / "two"
    write(one / "a.txt", "Titre A\n\nTexte A.\n")
    write(one / "a.md", "# Titre A bis\n\nTexte A bis.\n")  # same ID: renamed "a.md"
    write(one / "deep" / "b.txt", "Titre B\n\nTexte B.\n")
    write(two / "a.txt", "Titre A deux\n\nAutre texte.\n")  # same ID in a second root
    records = [{"id": "a~2", "title": "R", "text": "Texte R."}, {"title": "S", "text": "Texte S."}]
    write(one / "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    full = load_corpus([one, two])
    assert len({a.id for a in full}) == len(full) == 6
    for article in full:
        assert load_article([one, two], article.id) == article
    assert load_article([one, two], "deep").id == "deep/b"  # a unique prefix


def test_load_article_reports_ambiguous_and_unknown_ids(tmp_path: Path) -> None:
    from alireader.core.corpus import load_article

    write(tmp_path / "alpha.txt", ARTICLE)
    write(tmp_path / "alps.txt", ARTICLE)
    with pytest.raises(ArticleNotFound, match="ambiguous"):
        load_article([tmp_path], "al")
    with pytest.raises(ArticleNotFound, match=r"Did you mean alpha, alps\?"):
        load_article([tmp_path], "alpah")
