"""The reader's screens, re-exported."""

from alireader.ui.screens.help import HelpScreen, help_sections
from alireader.ui.screens.reader import MainScreen
from alireader.ui.screens.themes import ThemePicker
from alireader.ui.screens.warnings import WarningsScreen

__all__ = ["HelpScreen", "MainScreen", "ThemePicker", "WarningsScreen", "help_sections"]
