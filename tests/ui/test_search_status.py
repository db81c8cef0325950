"""The status beside the search bar: while a query is typed it keeps spare room (so that a
keystroke need not lay out the whole screen), shows its whole text against its right edge,
and takes its exact width once typing settles."""

from __future__ import annotations

from collections.abc import Callable

from alireader.ui.app import ReaderApp
from alireader.ui.widgets import SearchStatus
from tests.ui.conftest import wait_loaded

AppFactory = Callable[..., ReaderApp]


def _shown(status: SearchStatus) -> str:
    return "".join(segment.text for segment in status.render_line(0))


async def test_while_typing_the_status_widens_in_steps_then_settles_exact(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        status = app.main.query_one(SearchStatus)
        step = SearchStatus.ROOM_STEP
        status.show('"marc…"', 12, False, settle_after=60.0)
        await pilot.pause()
        room = status.content_region.width
        text = '12 matches · "marc…"'
        assert room % step == 0 and len(text) <= room < len(text) + step
        assert _shown(status).rstrip().endswith(text)
        assert _shown(status).strip() == text  # right-aligned: the spare room is on the left

        status.show('"march…"', 9, False, settle_after=60.0)  # one column less: same room
        await pilot.pause()
        assert status.content_region.width == room
        assert _shown(status).strip() == '9 matches · "march…"'

        longer = '"marche de noel a strasbourg…"'
        status.show(longer, 3, False, settle_after=60.0)  # past the room: a wider one
        await pilot.pause()
        assert status.content_region.width > room
        assert status.content_region.width % step == 0

        status._settled()  # what the timer does once typing has paused
        await pilot.pause()
        assert status.content_region.width == len(f"3 matches · {longer}")


async def test_without_typing_the_status_is_exactly_as_wide_as_its_text(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        status = app.main.query_one(SearchStatus)
        status.show('"chine"', 4, False)
        await pilot.pause()
        assert status.content_region.width == len('4 matches · "chine"')
        status.show("", None, False)
        await pilot.pause()
        assert status.content_region.width == 0
