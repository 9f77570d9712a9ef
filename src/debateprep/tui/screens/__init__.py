"""debateprep.tui.screens."""
