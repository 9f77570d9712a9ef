"""CLI: admin commands (being built)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds no commands yet."""
