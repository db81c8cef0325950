"""The reader's screens, re-exported."""

from alireader.ui.screens.help import HelpScreen, help_sections
from alireader.ui.screens.reader import MainScreen
from alireader.ui.screens.warnings import WarningsScreen

# ThemePicker (screens.themes) is imported where it is opened: it pulls in OptionList.
__all__ = ["HelpScreen", "MainScreen", "WarningsScreen", "help_sections"]
