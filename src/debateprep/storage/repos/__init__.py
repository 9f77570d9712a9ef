"""debateprep.storage.repos."""
