"""debateprep.exporters."""
