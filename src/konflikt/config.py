"""Explicit run configuration: one immutable Settings object is passed down the pipeline (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The values of `Settings.scorer` a user may give (--scorer); "propose" is for training only.
SCORER_CHOICES: tuple[str, ...] = ("auto", "off", "on")


class ConfigError(ValueError):
    """A setting out of its range (message: one line naming the option)."""


def size_limits(max_doc_chars: int, max_sentence_chars: int) -> dict[str, int]:
    """The size limits as Settings fields; `ConfigError` when out of range (documents >= 1 character,
    sentence pieces >= 50)."""
    if max_doc_chars < 1:
        raise ConfigError(f"--max-doc-chars must be at least 1, got {max_doc_chars}")
    if max_sentence_chars < 50:
        raise ConfigError(f"--max-sentence-chars must be at least 50, got {max_sentence_chars}")
    return {"max_doc_chars": max_doc_chars, "max_sentence_chars": max_sentence_chars}


def _registry_languages() -> tuple[str, ...]:
    from konflikt.language.registry import installed

    return installed()


@dataclass(frozen=True)
class Settings:
    """Everything a coding run may vary. Defaults are the documented product defaults."""

    lang: str = "auto"
    """Language of the input: a code of the language registry (data/languages.yaml) or 'auto' (detect per document)."""
    languages: tuple[str, ...] = field(default_factory=lambda: _registry_languages())
    """Languages coded: the registry's (data/languages.yaml) whose trained pipeline is installed."""
    date: str | None = None
    """Publication date (YYYY-MM-DD) used when the document carries none."""
    max_doc_chars: int = 2_000_000
    """Longer documents are truncated, with a warning on the document and its events."""
    max_sentence_chars: int = 2_000
    """Longer sentences are cut into pieces of this size before parsing (a warning is recorded)."""
    min_confidence: float = 0.0
    """Events below this confidence are dropped."""
    data_dir: Path | None = None
    """Alternative directory for knowledge files (actors/, triggers/); None = the packaged data."""
    workers: int = 1
    """Worker processes for batch coding."""
    prefilter: bool = True
    """The fast path: a raw-text trigger gate (`konflikt.events.prefilter`) decides, per raw sentence, what is
    parsed; sentences without a trigger are only tokenised (and, in Swedish, NER-tagged) for the discourse
    memory. Off parses everything. Same events on every gold set; elsewhere a sentence next to a trigger-less
    one may be parsed a little differently (the parser sees less context)."""
    carry_recipients: bool = True
    """An event of a directed type without a recipient takes the counterpart of the previous sentence's dyad
    (`konflikt.events.discourse`)."""
    scorer: str = "auto"
    """The learned scorer (`konflikt.events.scorer`): 'off' codes what the rules keep; 'on' lets the shipped model
    choose among the rules' generous proposals and sets each event's confidence; 'auto' is 'on' for the languages
    whose registry entry says `scorer: true` (data/languages.yaml) and 'off' for the others; 'propose' codes every
    proposal (for training and inspection: `konflikt.events.train_scorer`)."""
    scorer_model: Path | None = None
    """Another scorer model file; None = the shipped one."""
    extra: dict = field(default_factory=dict)
