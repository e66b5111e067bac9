"""Konflikt's own spaCy pipelines (Swedish and English).

The pipelines are trained by :mod:`konflikt.nlp.train` from Universal Dependencies treebanks (and, for
Swedish, a news NER corpus) and shipped inside the package under ``konflikt/nlp/models/<lang>/``. They
give tokens, sentences (from the parser), UPOS and morphological features, UD dependency labels,
lemmas (edit-tree lemmatizer plus a rule/dictionary fixer, :mod:`konflikt.nlp.components`) and, for
Swedish, named entities (PER/ORG/LOC/MISC).

Nothing heavy happens at import time: spaCy is imported and a model loaded only by
:func:`load_pipeline`, once per process and language. No model is ever downloaded; a missing model is
an error telling you to run ``make models``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import spacy

SUPPORTED_LANGUAGES: tuple[str, ...] = ("sv", "en")

_MODELS_DIR = Path(__file__).resolve().parent / "models"


class PipelineNotFound(FileNotFoundError):
    """No trained pipeline is installed for a language."""


def model_path(lang: str) -> Path:
    """Directory of the shipped pipeline for `lang` (``src/konflikt/nlp/models/<lang>/``)."""
    return _MODELS_DIR / lang


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def load_pipeline(lang: str) -> spacy.Language:
    """The trained spaCy pipeline for `lang`, loaded once per process (offline, from the package)."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    path = model_path(lang)
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise PipelineNotFound(f"no trained pipeline for {lang!r}; run `make models` (looked in {path})")
    import spacy

    from konflikt.nlp import components, sentences  # noqa: F401  (register the lemma fixer, sentence bounds)

    nlp = spacy.load(path)
    if "parser" in nlp.pipe_names and "konflikt_sentence_bounds" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_sentence_bounds", before="parser")
    return nlp
