"""debateprep.tui.widgets."""
