"""The coding pipeline for one document: language -> parse -> actors -> events -> records.

`Coder` holds the per-process resources of each language (spaCy pipeline, knowledge base, name matcher,
trigger lexicon), loaded lazily and once, so a worker process builds one `Coder` and codes many
documents with it. `code_document` is pure with respect to its inputs: same text and settings, same events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from time import perf_counter

from konflikt import dates, places
from konflikt.actors.kb import KnowledgeBase, load_kb
from konflikt.actors.names import NameMatcher
from konflikt.actors.resolver import DiscourseState, build_sentence_actors
from konflikt.config import Settings
from konflikt.events.coder import to_events
from konflikt.events.extract import extract
from konflikt.events.lexicon import load_lexicon
from konflikt.events.ontology import load_ontology
from konflikt.events.targets import place_recipients
from konflikt.ingest import segments
from konflikt.records import Document, Event


class UnsupportedLanguage(Exception):
    """The document's language has no trained pipeline."""


@dataclass
class LanguageResources:
    nlp: object
    matcher: NameMatcher
    lexicon: object


@dataclass
class Coder:
    """Codes documents into events. One per process; resources load on first use of a language."""

    settings: Settings = field(default_factory=Settings)
    _kb: KnowledgeBase | None = None
    _res: dict[str, LanguageResources] = field(default_factory=dict)
    _hints: object | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def resources(self, lang: str) -> LanguageResources:
        if lang not in self._res:
            if lang not in self.settings.languages:
                raise UnsupportedLanguage(lang)
            from konflikt.nlp import load_pipeline

            self._res[lang] = LanguageResources(load_pipeline(lang), NameMatcher(self.kb, lang),
                                                load_lexicon(lang))
        return self._res[lang]

    @property
    def language_hints(self):
        """Lexical evidence for language identification (KB names, trigger words), built once."""
        if self._hints is None:
            from konflikt.language import build_hints

            langs = self.settings.languages
            self._hints = build_hints(self.kb, {lg: load_lexicon(lg) for lg in langs}, langs)
        return self._hints

    def language_of(self, doc: Document) -> str:
        lang = doc.language or self.settings.lang
        if lang and lang != "auto":
            return lang
        from konflikt.language import detect

        return detect(doc.text, self.language_hints)[0]

    def code_document(self, doc: Document, timings: dict[str, float] | None = None) -> list[Event]:
        """All events of a document, in text order. `timings` (benchmarks): seconds per stage are added
        to it (language, parse, actors, events, dates_places)."""
        lap = _lap(timings)
        lang = self.language_of(doc)
        if lang not in self.settings.languages:
            raise UnsupportedLanguage(lang)
        res = self.resources(lang)
        lap("language")
        onto = load_ontology()
        pub = doc.date or self.settings.date
        on_date = _parse_date(pub)
        text = doc.text
        doc_warnings = []
        if len(text) > self.settings.max_doc_chars:
            text = text[: self.settings.max_doc_chars]
            doc_warnings.append(f"document truncated at {self.settings.max_doc_chars} characters (of {len(doc.text)})")
        cut_at: set[int] = set()
        pieces = _pieces(text, self.settings.max_sentence_chars, cut_at)
        state = DiscourseState()
        where = places.document_context(text)
        lap("dates_places")
        events: list[Event] = []
        sent_index = 0
        for (start, end), sdoc in zip(pieces, res.nlp.pipe(text[s:e] for s, e in pieces), strict=True):
            lap("parse")
            for sent in sdoc.sents:
                if not sent.text.strip():
                    continue
                sa = build_sentence_actors(sent, self.kb, res.matcher, lang, on_date, state, start)
                lap("actors")
                cands = extract(sent, sa, res.lexicon, lang)
                s_span = (start + sent.start_char, start + sent.end_char)
                sent_events = to_events(
                    cands, sa, onto, doc_id=doc.id, sent_index=sent_index, sent_text=sent.text,
                    sent_span=s_span, char_offset=start, lang=lang, date=pub, start_n=0)
                lap("events")
                sent_events = dates.annotate(sent_events, sent, lang, on_date, start)
                was_cut = (sent.start == 0 and start in cut_at) or (sent.end == len(sdoc) and end in cut_at)
                if doc_warnings or was_cut:
                    extra = doc_warnings + ([f"sentence cut at {self.settings.max_sentence_chars} characters"]
                                            if was_cut else [])
                    for ev in sent_events:
                        ev.warnings.extend(extra)
                events.extend(place_recipients(places.annotate(sent_events, sent, lang, where, start), self.kb))
                lap("dates_places")
                for ra in sa.all_actors():
                    state.remember(ra, self.kb)
                lap("actors")
                sent_index += 1
        return [e for e in events if e.confidence >= self.settings.min_confidence]


def _lap(timings: dict[str, float] | None):
    """A stage clock: `lap(stage)` adds the seconds since the previous lap to `timings[stage]`
    (a no-op without `timings`)."""
    if timings is None:
        return lambda stage: None
    last = [perf_counter()]

    def lap(stage: str) -> None:
        now = perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - last[0]
        last[0] = now

    return lap


def _pieces(text: str, max_chars: int, cut_at: set[int] | None = None) -> list[tuple[int, int]]:
    """Paragraph segments, with overlong ones cut at whitespace into parseable pieces (the offsets where a
    piece was cut off and where the next one starts are added to `cut_at`)."""
    out = []
    for s, e in segments(text):
        while e - s > max_chars:
            cut = text.rfind(" ", s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            out.append((s, cut))
            s = cut
            while s < e and text[s].isspace():
                s += 1
            if cut_at is not None:
                cut_at.update((cut, s))
        if e > s:
            out.append((s, e))
    return out


def _parse_date(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None
