"""debateprep.tui."""
