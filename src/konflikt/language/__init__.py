"""Language identification of a document, restricted to common news languages (py3langid, offline).

`detect(text)` returns an ISO 639-1 code. Only languages with a trained pipeline and data files are
*supported*; others are reported so the caller can skip the document with a clear message.
"""

from __future__ import annotations

from functools import lru_cache

# Candidate languages: common news languages, so that an unsupported language is named, not forced into sv/en.
CANDIDATES = (
    "sv", "en", "da", "no", "de", "nl", "fr", "es", "pt", "it", "fi", "pl", "ru", "uk", "tr",
    "ar", "fa", "he", "zh", "ja", "ko", "hi", "ur", "id", "ms", "cs", "sk", "hu", "ro", "bg", "sr", "hr",
    "el", "et", "lv", "lt", "is", "sw", "am", "so", "vi", "th",
)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in CANDIDATES if c not in {"nb", "nn"}])
    return ident


def detect(text: str, sample_chars: int = 5000) -> tuple[str, float]:
    """(language code, probability) for a text; ('und', 0.0) when there are no letters to judge."""
    sample = text[:sample_chars]
    if sum(ch.isalpha() for ch in sample) < 3:
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    if lang in {"nb", "nn"}:
        lang = "no"
    return lang, float(prob)
