"""debateprep.services."""
