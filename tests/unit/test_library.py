"""The reader's library when the corpus changes: tombstones, replacements, counts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alireader.core.models import ArticleSummary
from alireader.ui.library import Library, ViewFilter


def summary(article_id: str, key: str | None = None) -> ArticleSummary:
    return ArticleSummary(
        article_id, f"/c/{article_id}.txt", article_id.title(), False, None, None, None, None,
        10, key or f"key-{article_id}",
    )  # fmt: skip


def test_removed_articles_are_never_visible_and_not_counted() -> None:
    library = Library()
    library.restore({"key-b"}, {"key-c"})
    library.extend([summary("a"), summary("b"), summary("c")])
    assert (library.live, library.unread, library.bookmarked) == (3, 2, 1)
    assert library.remove(["b", "c", "unknown"]) == [1, 2]
    assert (library.live, library.unread, library.bookmarked) == (1, 1, 0)
    assert library.visible(ViewFilter()) == [0]
    assert library.visible(ViewFilter(matches={0, 1, 2})) == [0]
    assert library.index_of("b") is None


def test_a_new_version_replaces_its_article_in_place() -> None:
    library = Library()
    library.restore({"key-a"}, set())
    library.extend([summary("a"), summary("b")])
    replaced, added = library.update([summary("a", "new-key"), summary("d")])
    assert replaced == [0]
    assert list(added) == [2]
    assert library.articles[0].key == "new-key"
    assert library.unread == 3  # the old read mark was for the old text
    assert library.index_of("d") == 2


ids = st.sampled_from(list("abcdef"))


@given(
    first=st.lists(ids, unique=True),
    removed=st.lists(ids),
    updated=st.lists(ids, unique=True),
    read=st.sets(ids),
)
def test_counts_always_match_the_live_articles(
    first: list[str], removed: list[str], updated: list[str], read: set[str]
) -> None:
    library = Library()
    library.restore({f"key-{i}" for i in read}, set())
    library.extend([summary(i) for i in first])
    library.remove(removed)
    library.update([summary(i) for i in updated])
    live = [i for i in range(len(library)) if i not in library.removed]
    assert library.live == len(live) == len(library.visible(ViewFilter()))
    assert library.unread == sum(not library.is_read(i) for i in live)
    expected = ({*first} - {*removed}) | {*updated}
    assert {library.articles[i].id for i in live} == expected
