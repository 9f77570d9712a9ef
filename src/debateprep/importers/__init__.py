"""debateprep.importers."""
