"""Konflikt's own spaCy pipelines (Swedish, English and Norwegian Bokmål).

The pipelines are trained by :mod:`konflikt.nlp.train` from Universal Dependencies treebanks (and, for
Swedish, a news NER corpus) and shipped inside the package under ``konflikt/nlp/models/<lang>/``. They
give tokens, sentences (from the parser), UPOS and morphological features, UD dependency labels,
lemmas (edit-tree lemmatizer plus a rule/dictionary fixer, :mod:`konflikt.nlp.components`) and, for
Swedish and Bokmål, named entities (PER/ORG/LOC/MISC).

Nothing heavy happens at import time: spaCy is imported and a model loaded only by
:func:`load_pipeline`, once per process and language. No model is ever downloaded; a missing model is
an error telling you to run ``make models``; a damaged one (a file missing or unreadable) is a one-line
:class:`PipelineCorrupt` error when it is loaded, before any text is analysed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import spacy

SUPPORTED_LANGUAGES: tuple[str, ...] = ("sv", "en", "nb")

_MODELS_DIR = Path(__file__).resolve().parent / "models"


class PipelineNotFound(FileNotFoundError):
    """No trained pipeline is installed for a language."""


class PipelineCorrupt(PipelineNotFound):
    """The installed pipeline of a language cannot be loaded (a file missing, truncated or damaged)."""


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

    try:
        nlp = spacy.load(path)
    except Exception as exc:  # noqa: BLE001  (whatever spaCy/thinc/srsly raise on a damaged file)
        reason = (str(exc).strip().splitlines() or [""])[0][:160]
        raise PipelineCorrupt(f"the trained pipeline for {lang!r} is damaged ({type(exc).__name__}: {reason}); "
                              f"run `make models-{lang}` or restore {path}") from None
    use_numpy_gemm(nlp)
    if "parser" in nlp.pipe_names and "konflikt_sentence_bounds" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_sentence_bounds", before="parser")
    from konflikt.language.registry import language

    for repair in language(lang).repairs:  # data/languages.yaml `repairs` ("X fordømte[ADJ] Y" in Bokmål)
        if "konflikt_lemma_fixer" in nlp.pipe_names and repair not in nlp.pipe_names:
            nlp.add_pipe(repair, last=True)  # they change arcs and tags only, which the NER does not read
    return nlp


def use_numpy_gemm(nlp: spacy.Language) -> None:
    """Let every layer of `nlp` multiply matrices through numpy (its OpenBLAS) instead of thinc's default,
    the BLIS kernels of the `blis` wheel: on the AVX-512 development machine OpenBLAS runs the tok2vec and
    NER matrix products ~3x faster, and the parses are the same (checked token by token on the benchmark
    corpora; the parser's per-step products inside spaCy's Cython code stay on BLIS). OpenBLAS is held to
    one thread: the parallelism is one worker process per core (a second BLAS thread only competes with
    them, and measured no faster even in a single process)."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")

    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
