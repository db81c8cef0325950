"""The reader's widgets, re-exported so screens import them from one place."""

from alireader.ui.widgets.article_list import ArticleList
from alireader.ui.widgets.pager import Pager
from alireader.ui.widgets.reader_pane import ReaderPane
from alireader.ui.widgets.search_bar import SearchBar, SearchStatus
from alireader.ui.widgets.status import LoadingLine, TitleBar

__all__ = [
    "ArticleList",
    "LoadingLine",
    "Pager",
    "ReaderPane",
    "SearchBar",
    "SearchStatus",
    "TitleBar",
]
