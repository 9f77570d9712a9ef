"""Textual's own interface strings that debateprep shows, marked here so they are in our catalog.

The app translates them where it shows them: the palette's system commands
(`DebatePrepApp.get_system_commands`) and the palette's key in the footer (`translate_binding`).
Nothing imports this module: it exists for the extractor (`make catalog`).
"""

from debateprep.i18n import N_

TEXTUAL_STRINGS = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
