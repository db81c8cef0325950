"""The reader's screens, re-exported."""

from alireader.ui.screens.help import HelpScreen, help_sections
from alireader.ui.screens.reader import MainScreen
from alireader.ui.screens.warnings import WarningsScreen

__all__ = ["HelpScreen", "MainScreen", "WarningsScreen", "help_sections"]
