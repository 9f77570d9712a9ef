"""debateprep.domain."""
