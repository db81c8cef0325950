"""The article list: a virtualised, line-rendered view that stays fast with 100k rows.

``ListView`` and ``OptionList`` build an object (or a measured prompt) per row; this widget holds
only a list of integers (indexes into the :class:`~alireader.ui.library.Library`) and renders the
few rows on screen with the Line API, so moving the cursor costs two line repaints whatever the
corpus size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from alireader.core.models import ArticleSummary
from alireader.core.text import visible_controls
from alireader.ui.glyphs import GLYPHS, Glyphs
from alireader.ui.library import Library
from alireader.ui.widgets.marks import marked_text
from alireader.ui.widgets.styling import text_style

if TYPE_CHECKING:
    from alireader.core.duplicates import Cluster
    from alireader.core.search import Hit

# Component classes whose look a theme file can set: [styles] read / unread / bookmark.
_THEME_STYLES = {
    "article-list--read": "read",
    "article-list--unread": "unread",
    "article-list--bookmark": "bookmark",
}
# Below this width the source/author column is dropped: the title matters more.
_SOURCE_COLUMN_MIN_WIDTH = 56
_WORDS_WIDTH = 6
_SCORE_CELLS = 4
_COPIES_WIDTH = 4  # " ×12"


def one_line(text: str | None) -> str:
    """Article text fit for a single row: controls made visible, whitespace runs collapsed."""
    return " ".join(visible_controls(text or "").split())


def fit(text: str, width: int, ellipsis: str = GLYPHS.ellipsis) -> str:
    """``text`` padded or cut to exactly ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ellipsis


def words_label(words: int) -> str:
    """A word count for a narrow column: ``"1 234"``, or ``"12k"`` above 99 999."""
    if words > 99_999:
        return f"{words // 1000}k"
    return f"{words:,}".replace(",", "\u202f")


def score_bar(share: float, cells: int, glyphs: Glyphs = GLYPHS) -> str:
    """A bar of ``cells`` cells, filled in proportion to ``share`` (0..1)."""
    filled = max(1, min(cells, round(share * cells)))
    return glyphs.score_done * filled + glyphs.score_todo * (cells - filled)


class ArticleList(ScrollView, can_focus=True):
    """The list of articles: read mark, bookmark mark, title, source or author, word count."""

    HELP_TITLE = "Article list"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("j,down", "cursor_down", "Next row", id="list.down", show=False),
        Binding("k,up", "cursor_up", "Previous row", id="list.up", show=False),
        Binding("g,home", "first", "First row", id="list.top", show=False),
        Binding("G,end", "last", "Last row", id="list.bottom", show=False),
        Binding("pagedown", "page_down", "Page down", id="list.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="list.page_up", show=False),
        Binding("enter", "open", "Open", id="list.open"),
    ]

    COMPONENT_CLASSES = frozenset(
        {
            "article-list--cursor",
            "article-list--mark",
            "article-list--unread",
            "article-list--read",
            "article-list--meta",
            "article-list--bookmark",
            "article-list--empty",
            "article-list--snippet",
            "article-list--match",
            "article-list--score",
            "article-list--copies",
        }
    )

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    class Highlighted(Message):
        """The row under the cursor changed (``index`` is an article index, or None)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

        def can_replace(self, message: Message) -> bool:
            # Holding j over 100k rows queues many of these: only the last one matters.
            return isinstance(message, ArticleList.Highlighted)

    class Opened(Message):
        """The user opened the article at ``index`` (enter, or a click on the current row)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self,
        library: Library,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.library = library
        self.rows: list[int] = []
        self.hits: dict[int, Hit] | None = None
        """Search results shown (article index -> hit), or None for the plain list."""
        self.top_score = 1.0
        self.cursor = 0
        self.empty_text = "Loading articles…"
        self._styles: dict[str, Style] = {}

    # -- the data ----------------------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The article index under the cursor, or None when the list is empty."""
        return self.rows[self.cursor] if self.rows else None

    @property
    def row_height(self) -> int:
        """Lines per row: two for a search result (title, then a snippet of the body)."""
        return 1 if self.hits is None else 2

    def set_rows(self, rows: list[int], keep: int | None = None) -> None:
        """Show ``rows`` (article indexes), keeping the cursor on article ``keep`` if present."""
        self.hits = None
        self._show(rows, keep)

    def set_results(self, hits: dict[int, Hit], keep: int | None = None) -> None:
        """Show search results, best first (``hits`` in rank order), keeping ``keep`` if there."""
        self.hits = hits
        self.top_score = max((hit.score for hit in hits.values()), default=1.0) or 1.0
        self._show(list(hits), keep)

    def _show(self, rows: list[int], keep: int | None) -> None:
        self.rows = rows
        self._set_height(len(rows) * self.row_height)
        row = self._row_of(keep) if keep is not None else None
        self.cursor = -1  # force a Highlighted message: the article under the cursor changed
        self.move_to(row if row is not None else 0)
        self.refresh()

    def append_rows(self, rows: list[int]) -> None:
        """Add rows at the end (a batch of loaded articles); the cursor stays where it is."""
        if not rows or self.hits is not None:
            return  # search results are replaced by the next search, never appended to
        first_new = len(self.rows)
        self.rows.extend(rows)
        self._set_height(len(self.rows))
        if first_new == 0:
            self.cursor = -1
            self.move_to(0)
        # Only rows now in view need painting: rows added below the window change nothing
        # drawn but the scrollbar (which _set_height updated). A large load appends hundreds
        # of batches while the list shows its first screenful.
        if first_new <= round(self.scroll_offset.y) + self.size.height:  # one line a row here
            self.refresh()

    def _set_height(self, lines: int) -> None:
        """Make the list ``lines`` lines long (its virtual height)."""
        size = Size(0, lines)
        room = self.scrollable_content_region.height
        if self.show_vertical_scrollbar and self.virtual_size.height > room and lines > room:
            # A new length with the scrollbar staying: only the scrollbar changes (what a
            # layout would update here); a layout of the whole screen per keystroke is not
            # needed. Showing or hiding the scrollbar changes the width: that takes a layout.
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    def select_article(self, index: int) -> bool:
        """Move the cursor to article ``index``; False when it is not in the list."""
        row = self._row_of(index)
        if row is None:
            return False
        self.move_to(row)
        return True

    def _row_of(self, index: int) -> int | None:
        try:
            return self.rows.index(index)
        except ValueError:
            return None

    # -- moving ------------------------------------------------------------------------------

    def move_to(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped), scroll it into view and announce the article."""
        row = max(0, min(row, len(self.rows) - 1)) if self.rows else 0
        if row == self.cursor:
            return
        old, self.cursor = self.cursor, row
        lines = self.row_height
        if 0 <= old < len(self.rows):
            self.refresh_lines(old * lines, lines)
        self.refresh_lines(row * lines, lines)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.highlighted))

    def on_resize(self, event: events.Resize) -> None:
        """Keep the cursor's row on screen when the list gets shorter (the reader taking the
        room in a narrow terminal, or the terminal itself shrinking)."""
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_offset.y)
        first = self.cursor * self.row_height
        last = first + self.row_height - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        """Move to the next row."""
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        """Move to the previous row."""
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        """Move to the first row."""
        self.move_to(0)

    def action_last(self) -> None:
        """Move to the last row."""
        self.move_to(len(self.rows) - 1)

    def action_page_down(self) -> None:
        """Move down by a screenful."""
        self.move_to(self.cursor + self._page)

    def action_page_up(self) -> None:
        """Move up by a screenful."""
        self.move_to(self.cursor - self._page)

    def action_open(self) -> None:
        """Open the article under the cursor in the reader."""
        if self.highlighted is not None:
            self.post_message(self.Opened(self.highlighted))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (round(self.scroll_offset.y) + offset.y) // self.row_height
        if row >= len(self.rows):
            return
        if row == self.cursor or event.chain > 1:
            self.action_open()
        else:
            self.move_to(row)

    # -- painting ----------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Forget the cached row styles when the theme or the CSS changes."""
        self._styles.clear()
        super().notify_style_update()

    def _on_focus(self, event: events.Focus) -> None:
        self._styles.clear()  # the cursor looks different with and without focus
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._styles.clear()
        self.refresh()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = (
                self.get_component_rich_style(name, partial=True)  # background and all
                if name == "article-list--cursor"
                else text_style(self, name)
            )
            # The theme file's own styles (read, unread, bookmark) go over the CSS defaults.
            theme_styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
            if (key := _THEME_STYLES.get(name)) in theme_styles:
                style += theme_styles[key]
            self._styles[name] = style
        return style

    def _title_style(self, base: Style, read: bool, on_cursor: bool) -> Style:
        """A title's style: read or unread, except that on the cursor row only their
        attributes (bold, italic, underline) are kept over the cursor's own colours, since
        a read title's muted grey on the cursor's background is all but invisible."""
        style = self._style("article-list--read" if read else "article-list--unread")
        if on_cursor:
            style = Style(bold=style.bold, italic=style.italic, underline=style.underline)
        return base + style

    def render_line(self, y: int) -> Strip:
        """Render the row at screen line ``y``."""
        width = self.scrollable_content_region.width
        row, line = divmod(round(self.scroll_offset.y) + y, self.row_height)
        base = self._styles.get("")
        if base is None:
            # Working out the widget's style walks up the DOM: once per look, not per line.
            base = self._styles[""] = self.rich_style
        if not self.rows:
            if y == 0:
                text = fit(" " + self.empty_text, width)
                return Strip([Segment(text, base + self._style("article-list--empty"))])
            return Strip.blank(width, base)
        if row >= len(self.rows):
            return Strip.blank(width, base)
        index = self.rows[row]
        if row == self.cursor:
            base = base + self._style("article-list--cursor")
        on_cursor = row == self.cursor
        article = self.library.articles[index]
        hit = None if self.hits is None else self.hits.get(index)
        if hit is not None and line == 1:
            segments = self._snippet_segments(hit, article, width, base, on_cursor)
        else:
            segments = self._row_segments(article, index, width, base, on_cursor=on_cursor, hit=hit)
        # crop_extend guarantees the exact width even when the columns did not fit (tiny panes).
        return Strip(segments).crop_extend(0, width, base)

    def _row_segments(
        self,
        article: ArticleSummary,
        index: int,
        width: int,
        base: Style,
        *,
        on_cursor: bool = False,
        hit: Hit | None = None,
    ) -> list[Segment]:
        library = self.library
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        read = library.is_read(index)
        source_width = min(18, width // 5) if width >= _SOURCE_COLUMN_MIN_WIDTH else 0
        # Once copies are known, a column says how many copies of its story an article has.
        clusters: dict[str, Cluster] = getattr(self.app, "clusters", {})
        copies_width = _COPIES_WIDTH if clusters else 0
        # " ●★ title  source ×2 words " : the title takes whatever the fixed columns leave.
        title_width = (
            width - 4 - (source_width + 1 if source_width else 0) - copies_width - _WORDS_WIDTH - 2
        )
        # On the cursor row the muted colour of the source and word count would fade into the
        # highlight: they take the cursor's own colours there.
        meta = base if on_cursor else base + self._style("article-list--meta")
        title_style = self._title_style(base, read, on_cursor)
        if hit is not None:
            title = self._marked(hit.title, hit.title_matches, title_style)
            title_cells = self._fit_text(title, title_width, glyphs.ellipsis)
        else:
            title_cells = [
                Segment(fit(one_line(article.title), title_width, glyphs.ellipsis), title_style)
            ]
        segments = [
            Segment(" "),
            Segment(" " if read else glyphs.unread, base + self._style("article-list--mark")),
            Segment(
                glyphs.bookmark if library.is_bookmarked(index) else " ",
                base + self._style("article-list--bookmark"),
            ),
            Segment(" "),
            *title_cells,
        ]
        if source_width:
            source = one_line(article.source or article.author)
            source_cell = fit(source, source_width, glyphs.ellipsis)
            segments += [Segment(" "), Segment(source_cell, meta)]
        if copies_width:
            cluster = clusters.get(article.id)
            badge = f"{glyphs.copies}{len(cluster.articles)}" if cluster else ""
            copies = base if on_cursor else base + self._style("article-list--copies")
            segments.append(Segment(badge.rjust(copies_width), copies))
        if hit is not None:
            # How good a match, against the best one: a bar, subtle on purpose.
            score = base if on_cursor else base + self._style("article-list--score")
            bar = score_bar(hit.score / self.top_score, _SCORE_CELLS, glyphs)
            segments += [Segment(" "), Segment(bar.rjust(_WORDS_WIDTH), score), Segment(" ")]
        else:
            words = words_label(article.words).rjust(_WORDS_WIDTH)
            segments += [Segment(" "), Segment(words, meta), Segment(" ")]
        return [
            segment if segment.style is not None else Segment(segment.text, base)
            for segment in segments
        ]

    def _snippet_segments(
        self, hit: Hit, article: ArticleSummary, width: int, base: Style, on_cursor: bool
    ) -> list[Segment]:
        """The second line of a result: the body around its best match, or the byline."""
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        # Muted, except on the cursor row, where muted text would fade into the highlight.
        style = base if on_cursor else base + self._style("article-list--snippet")
        if hit.snippet:
            text = self._marked(hit.snippet, hit.snippet_matches, style)
        else:  # the body is not indexed yet (or empty): say who wrote it instead
            text = Text(one_line(article.author or article.source or ""), style)
        return [Segment("    "), *self._fit_text(text, width - 5, glyphs.ellipsis), Segment(" ")]

    def _fit_text(self, text: Text, width: int, ellipsis: str) -> list[Segment]:
        """The segments of one line of styled ``text``, padded or cut to ``width`` cells."""
        if width <= 0:
            return []
        if text.cell_len > width:
            text.truncate(width - 1)
            text.append(ellipsis)
        text.pad_right(width - text.cell_len)
        return list(text.render(self.app.console, end=""))

    def _marked(self, text: str, spans: list[tuple[int, int]], style: Style) -> Text:
        match = self._style("article-list--match")
        theme_styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
        match += theme_styles.get("search-match", Style.null())
        marks = [(start, end, match) for start, end in spans]
        return marked_text(text, marks, style, one_line=True)
