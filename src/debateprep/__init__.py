"""debateprep: prepare a UN Security Council open debate from the terminal."""

__version__ = "0.1.0"
