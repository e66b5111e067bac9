"""What both command-line modules (`konflikt.cli`, `konflikt.cli_corpus`) share: exit statuses, the one-line
error, and the checks of options that configure a coding run (size limits, scorer, workers).

A bad option is one line on stderr and exit 2 (`EXIT_USAGE`); the checks themselves live in the library
(`konflikt.config`, `konflikt.events.scorer`), so the web API applies the same rules.
"""

from __future__ import annotations

import sys

import typer

EXIT_OK, EXIT_USAGE, EXIT_SKIPPED, EXIT_NOTHING = 0, 2, 3, 4


def err(msg: str) -> None:
    """One line on stderr, prefixed `konflikt:`."""
    print(f"konflikt: {msg}", file=sys.stderr, flush=True)


def usage(msg: str) -> typer.Exit:
    """Print a usage error; the exception to raise (exit 2)."""
    err(msg)
    return typer.Exit(EXIT_USAGE)


def check_limits(max_doc_chars: int, max_sentence_chars: int) -> dict[str, int]:
    """The size limits as Settings fields; a usage error (exit 2) when out of range."""
    from konflikt.config import ConfigError, size_limits

    try:
        return size_limits(max_doc_chars, max_sentence_chars)
    except ConfigError as exc:
        raise usage(str(exc)) from None


def check_scorer(scorer: str) -> str:
    """The --scorer value, with the shipped model checked before any document is read (one line, exit 2)."""
    from konflikt.events.scorer import ScorerModelError, checked_choice

    try:
        return checked_choice(scorer)
    except (ScorerModelError, ValueError) as exc:
        raise usage(str(exc)) from None


def check_workers(workers: int | None) -> int:
    """--workers: 1..64, default all cores."""
    from konflikt.parallel import default_workers

    if workers is None:
        return default_workers()
    if not 1 <= workers <= 64:
        raise usage(f"--workers must be 1..64, got {workers}")
    return workers
