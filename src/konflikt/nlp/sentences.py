"""``konflikt_sentence_bounds``: the parser may only start a sentence after sentence-final punctuation.

Our parsers find sentence boundaries themselves (UD-trained, no separate sentence splitter); on news text
they sometimes start a sentence in the middle of a clause ("American and British warplanes bombed |
Houthi targets in Yemen", UD English-EWT's web text has many unpunctuated sentence ends). This
component runs before the parser and forbids a sentence start (``is_sent_start = False``) wherever the
previous token does not end a sentence: sentence-final punctuation (. ! ? … and the like), possibly
followed by closing quotes or brackets. Elsewhere the parser still decides (so "Lt. Gen. Avril" is not
split by this component). spaCy's parser respects preset boundaries. Language-independent.

Added at load time by :func:`konflikt.nlp.load_pipeline`; nothing is trained.

``raw_sentences`` splits raw text into sentences without a model (punctuation, capitals, the language's
abbreviations), for the fast path: the trigger gate decides per raw sentence what needs the parse.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({'"', "'", "”", "’", "»", ")", "]", "''"})


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Token i (with closing quotes/brackets skipped leftwards) is sentence-final punctuation."""
    while i >= 0 and doc[i].text in CLOSING:
        i -= 1
    if i < 0:
        return True
    text = doc[i].text
    return text in SENTENCE_FINAL or (len(text) > 1 and text[-1] in ".!?…" and not text[:-1].isalpha())


@Language.component("konflikt_sentence_bounds")
def sentence_bounds(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        if doc[i].is_space or doc[i - 1].is_space and "\n" in doc[i - 1].text:
            continue
        if not _ends_sentence(doc, i - 1):
            doc[i].is_sent_start = False
    return doc


# ---- raw-text sentence splitting (the fast path, no model) ------------------------------------------------
# A boundary: sentence-final punctuation, optional closing quotes/brackets, white space, then (after optional
# opening quotes, brackets or a dash) an upper-case letter or a digit. Not after an abbreviation of the
# language (data file `konflikt/data/prefilter/abbreviations.yaml`) or a single letter (initials: "J. Smith").
_RAW_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)\]]*\s+(?=["'“”«(\[–—-]*\s*[^\W\d_a-zåäöéü]|\d)""")
_WORD_BEFORE = re.compile(r"([^\W\d_](?:[\w.]*[^\W_])?)\.?$")


@lru_cache(maxsize=4)
def abbreviations(lang: str) -> frozenset[str]:
    """The abbreviations of `lang` after which a full stop does not end a sentence (lower-cased, no final dot)."""
    from konflikt.datafiles import word_list

    return frozenset(w.lower().rstrip(".") for w in word_list("prefilter/abbreviations.yaml", lang))


def raw_sentences(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """The sentences of `text[start:end]` as (start, end) offsets, by punctuation and capitals alone (no model).
    Every boundary is one the parser may also draw (`sentence_bounds`); it may draw more."""
    abbr = abbreviations(lang)
    out, s = [], start
    for m in _RAW_BOUNDARY.finditer(text, start, end):
        if text[m.start()] == ".":
            w = _WORD_BEFORE.search(text, max(start, m.start() - 40), m.start())
            if w is not None and (len(w.group(1)) == 1 or w.group(1).lower() in abbr):
                continue
        cut = m.start() + len(m.group(0).rstrip())
        if cut > s:
            out.append((s, cut))
        s = m.end()
    if end > s:
        out.append((s, end))
    return out
