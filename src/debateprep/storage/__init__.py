"""debateprep.storage."""
