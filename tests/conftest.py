"""Shared fixtures: one Coder per test session (models load once), paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    """The rules' coder (`scorer="off"`): the unit tests prove the rules. The default coding (`scorer="auto"`,
    the learned scorer in English) is measured by tests/pipeline/test_gold_sets.py and tests/events/test_scorer.py."""
    from konflikt.config import Settings
    from konflikt.pipeline import Coder

    return Coder(Settings(scorer="off"))


@pytest.fixture(scope="session")
def default_coder():
    """The coder as shipped (`Settings()`: the learned scorer where the language registry says so)."""
    from konflikt.config import Settings
    from konflikt.pipeline import Coder

    return Coder(Settings())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture()
def code_sv(coder):
    """Code a Swedish text (publication date 2024-03-15 unless given) and return the events."""
    from konflikt.ingest import doc_id_for
    from konflikt.records import Document

    def run(text: str, date: str = "2024-03-15", lang: str = "sv"):
        doc = Document(id=doc_id_for(text), text=text, source="test", date=date, language=lang)
        return coder.code_document(doc)

    return run


def _sentences(coder, text: str, lang: str, on_date, generous: bool = False) -> list:
    """(SentenceActors, candidates of `extract`) per sentence of a text, as the coder makes them: one
    `DiscourseState`, each sentence's actors remembered before the next one is read (the last one's are not:
    the state is the one its own sentence was coded in)."""
    from konflikt.actors.resolved import DiscourseState
    from konflikt.actors.resolver import build_sentence_actors
    from konflikt.events.extract import extract

    res = coder.resources(lang)
    state = DiscourseState()
    out, pending = [], []
    for sent in res.nlp(text).sents:
        for ra in pending:
            state.remember(ra, coder.kb)
        sa = build_sentence_actors(sent, coder.kb, res.matcher, lang, on_date, state)
        cands = extract(sent, sa, res.lexicon, lang, generous=generous)
        pending = sa.discourse_order()
        out.append((sa, cands))
    return out


@pytest.fixture()
def parse_sentences(coder):
    """Parse a text of ours and resolve the actors of each sentence as the coder does: one `SentenceActors` per
    sentence (`.sent` is the parsed sentence). For tests of one stage of the rules or of actor resolution."""
    from datetime import date

    return lambda text, lang="sv", on_date=date(2024, 3, 15): [
        sa for sa, _c in _sentences(coder, text, lang, on_date)]


@pytest.fixture()
def extract_sentences(coder):
    """Like `parse_sentences`, with the candidates `events.extract.extract` gives each sentence: a list of
    (SentenceActors, candidates); `generous` keeps the dropped candidates, each with its `dropped` reason."""
    from datetime import date

    return lambda text, lang="sv", generous=False, on_date=date(2024, 3, 15): _sentences(
        coder, text, lang, on_date, generous)


@pytest.fixture()
def extract_parse(coder):
    """(SentenceActors, candidates) of one sentence given as a hand-built parse (`spacy.tokens.Doc` keyword
    arguments: pos, deps, heads, lemmas, morphs), so that a rule is checked whatever the model does with it."""
    from datetime import date

    from spacy.tokens import Doc

    from konflikt.actors.resolved import DiscourseState
    from konflikt.actors.resolver import build_sentence_actors
    from konflikt.events.extract import extract

    def run(words: list[str], lang: str = "sv", generous: bool = False, **parse):
        res = coder.resources(lang)
        sent = Doc(res.nlp.vocab, words=words, **parse)[:]
        sa = build_sentence_actors(sent, coder.kb, res.matcher, lang, date(2024, 3, 15), DiscourseState())
        return sa, extract(sent, sa, res.lexicon, lang, generous=generous)

    return run


@pytest.fixture()
def lexicon_of(coder):
    """The trigger lexicon of a language, as the coder loads it."""
    return lambda lang: coder.resources(lang).lexicon
