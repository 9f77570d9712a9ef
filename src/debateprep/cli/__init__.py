"""debateprep.cli."""
