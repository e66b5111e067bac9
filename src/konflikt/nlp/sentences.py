"""``konflikt_sentence_bounds``: the parser may only start a sentence after sentence-final punctuation.

Our parsers find sentence boundaries themselves (UD-trained, no separate sentence splitter); on news text
they sometimes start a sentence in the middle of a clause ("American and British warplanes bombed |
Houthi targets in Yemen", UD English-EWT's web text has many unpunctuated sentence ends). This
component runs before the parser and forbids a sentence start (``is_sent_start = False``) wherever the
previous token does not end a sentence: sentence-final punctuation (. ! ? … and the like), possibly
followed by closing quotes or brackets. Elsewhere the parser still decides (so "Lt. Gen. Avril" is not
split by this component). spaCy's parser respects preset boundaries. Language-independent.

Added at load time by :func:`konflikt.nlp.load_pipeline`; nothing is trained.
"""

from __future__ import annotations

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
