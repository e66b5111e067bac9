"""The coding pipeline for one document: language -> parse -> actors -> events -> records.

`Coder` holds the per-process resources of each language (spaCy pipeline, knowledge base, name matcher,
trigger lexicon), loaded lazily and once, so a worker process builds one `Coder` and codes many
documents with it. `code_document` is pure with respect to its inputs: same text and settings, same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from time import perf_counter

from konflikt import dates, places
from konflikt.actors.kb import KnowledgeBase, load_kb
from konflikt.actors.names import NameMatcher
from konflikt.actors.resolved import DiscourseState
from konflikt.actors.resolver import build_sentence_actors, remember_unparsed
from konflikt.config import SCORER_CHOICES, Settings
from konflikt.events.coder import propose, to_events
from konflikt.events.discourse import carry_recipients, remember_dyads
from konflikt.events.extract import extract
from konflikt.events.lexicon import load_lexicon
from konflikt.events.ontology import load_ontology
from konflikt.events.targets import place_recipients
from konflikt.ingest import is_truncation_warning, segments, truncation_warning
from konflikt.language.registry import registry
from konflikt.nlp.names import may_name
from konflikt.records import Document, Event


class UnsupportedLanguage(Exception):
    """The document's language has no trained pipeline."""


class InvalidDataFile(Exception):
    """A knowledge file the coder loads (actors, triggers, dates, places) is invalid. One line naming the
    file, line and reason; it stops a run, since every document would fail the same way."""


def data_file_errors() -> tuple[type[Exception], ...]:
    """The exceptions the loaders of knowledge files raise for an invalid file."""
    from konflikt.actors.kb import KnowledgeError
    from konflikt.dates.lexicon import DateLexiconError
    from konflikt.events.lexicon import LexiconError
    from konflikt.places.data import PlaceDataError

    return KnowledgeError, LexiconError, DateLexiconError, PlaceDataError


def invalid_data_file(exc: Exception) -> InvalidDataFile:
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return InvalidDataFile(msg if msg.startswith("invalid") else f"invalid data file: {msg}")


def as_invalid_data_file(exc: BaseException) -> InvalidDataFile | None:
    """`exc` as an `InvalidDataFile` when it is one or a loader's error for an invalid file, else None."""
    if isinstance(exc, InvalidDataFile):
        return exc
    if isinstance(exc, data_file_errors()):
        invalid = invalid_data_file(exc)
        invalid.__cause__ = exc  # --debug shows the loader's traceback (in this process)
        return invalid
    return None


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
    proposal_sink: object | None = None
    """With `Settings.scorer` 'propose': called as sink(proposals, features) per sentence (training data)."""
    _scorer: object | None = None

    def __post_init__(self) -> None:
        if self.settings.scorer not in (*SCORER_CHOICES, "propose"):
            raise ValueError(f"scorer must be one of {', '.join((*SCORER_CHOICES, 'propose'))}, "
                             f"not {self.settings.scorer!r}")
        if self.settings.scorer == "on" or (self.settings.scorer == "auto" and any(
                lg.scorer for lg in registry().languages)):  # a missing or corrupt model stops the run here
            from konflikt.events.scorer import load_model

            self._scorer = load_model(self.settings.scorer_model)

    def uses_scorer(self, lang: str) -> bool:
        """Whether the learned scorer chooses this language's events ('on', or 'auto' and its registry entry)."""
        if self.settings.scorer == "auto":
            lg = registry().by_code.get(lang)
            return bool(lg is not None and lg.scorer)
        return self.settings.scorer == "on"

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

    def gate(self, lang: str):
        """The raw-text trigger gate of `lang` (`konflikt.events.prefilter`), or None with the prefilter off."""
        if not self.settings.prefilter:
            return None
        from konflikt.events.prefilter import gate_for

        return gate_for(lang)

    def code_document(self, doc: Document, timings: dict[str, float] | None = None) -> list[Event]:
        """All events of a document, in text order. `timings` (benchmarks): seconds per stage are added
        to it (language, parse, actors, events, dates_places)."""
        lap = _lap(timings)
        plan = self.plan(doc)
        lap("language")
        nlp = self.resources(plan.lang).nlp
        parsed = iter(_parse(nlp, plan.parse_texts()))
        light = iter(_names_only(nlp, plan.light_texts()))
        return self.finish(plan, parsed, timings, lap, light)

    def code_documents(self, docs: Iterable[Document], batch: int = 32,
                       timings: dict[str, float] | None = None) -> Iterator[tuple[Document, list[Event] | None,
                                                                                  Exception | None]]:
        """(document, events, None) or (document, None, error) for each document, in input order. The
        paragraphs of `batch` documents at a time go through one `nlp.pipe` per language (same parses as
        one document at a time: a paragraph is always parsed on its own)."""
        chunk: list[Document] = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch:
                yield from self._code_chunk(chunk, timings)
                chunk = []
        if chunk:
            yield from self._code_chunk(chunk, timings)

    def _code_chunk(self, docs: list[Document], timings: dict[str, float] | None):
        lap = _lap(timings)
        plans: list[DocumentPlan | Exception] = []
        for doc in docs:
            try:
                plans.append(self.plan(doc))
            except Exception as exc:  # noqa: BLE001 - reported with its document, in order
                plans.append(exc)
        lap("language")
        parsed: dict[int, list] = {}
        light: dict[int, list] = {}
        for lang in dict.fromkeys(p.lang for p in plans if isinstance(p, DocumentPlan)):
            idx = [i for i, p in enumerate(plans) if isinstance(p, DocumentPlan) and p.lang == lang]
            nlp = self.resources(lang).nlp
            sdocs = iter(_parse(nlp, [t for i in idx for t in plans[i].parse_texts()]))
            ldocs = iter(_names_only(nlp, [t for i in idx for t in plans[i].light_texts()]))
            for i in idx:
                parsed[i] = [next(sdocs) for _ in range(plans[i].n_parse)]
                light[i] = [next(ldocs) for _ in range(len(plans[i].units) - plans[i].n_parse)]
        lap("parse")
        for i, (doc, plan) in enumerate(zip(docs, plans, strict=True)):
            if isinstance(plan, Exception):
                yield doc, None, plan
                continue
            try:
                yield doc, self.finish(plan, iter(parsed.pop(i)), timings, _lap(timings), iter(light.pop(i))), None
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                yield doc, None, exc

    def plan(self, doc: Document) -> DocumentPlan:
        """Language, limits, and the units of the text: with the prefilter off, each paragraph piece is parsed;
        with it on, each piece is split into raw sentences (`konflikt.nlp.sentences.raw_sentences`) and the
        trigger gate decides per sentence: runs of consecutive sentences that may hold an event are parsed
        together (a paragraph that passes whole is parsed exactly as without the gate), the others only
        tokenised for the discourse memory, and everything after the last passing sentence is dropped (it
        can neither hold an event nor change what earlier sentences mean)."""
        lang = self.language_of(doc)
        if lang not in self.settings.languages:
            raise UnsupportedLanguage(lang)
        self.resources(lang)
        text = doc.text
        doc_warnings = [w for w in doc.warnings if is_truncation_warning(w)]  # truncated on reading
        if len(text) > self.settings.max_doc_chars:
            text = text[: self.settings.max_doc_chars]
            doc_warnings.append(truncation_warning(self.settings.max_doc_chars, len(doc.text)))
        cut_at: set[int] = set()
        pieces = _pieces(text, self.settings.max_sentence_chars, cut_at)
        gate = self.gate(lang)
        units = [Unit(s, e, True) for s, e in pieces] if gate is None else gated_units(
            pieces, text, lang, gate.may_hold_event)
        pub = doc.date or self.settings.date
        return DocumentPlan(doc, lang, text, units, cut_at, doc_warnings, pub, _parse_date(pub))

    def finish(self, plan: DocumentPlan, parsed: Iterator, timings: dict[str, float] | None = None,
               lap=None, light: Iterator | None = None) -> list[Event]:
        """The events of a planned document from the parses of its parsed units (`plan.parse_texts()`) and the
        tokenised unparsed ones (`plan.light_texts()` through `_names_only`; made here when not given)."""
        lap = lap or _lap(timings)
        doc, lang, text, pub, on_date = plan.doc, plan.lang, plan.text, plan.pub, plan.on_date
        res = self.resources(lang)
        onto = load_ontology()
        gate = self.gate(lang)
        state = DiscourseState()
        where = places.document_context(text) if plan.n_parse else None
        when = dates.DateContext(text)
        lap("dates_places")
        events: list[Event] = []
        sent_index = 0
        if light is None:
            light = iter(_names_only(res.nlp, plan.light_texts()))
        for unit in plan.units:
            start, end = unit.start, unit.end
            if not unit.parse:  # no trigger: only whom it names, for "han", "regeringen" in later sentences
                udoc = next(light)
                for s, e in unit.sentences:
                    span = udoc.char_span(s - start, e - start, alignment_mode="expand")
                    if span is not None and len(span):
                        remember_unparsed(span, self.kb, res.matcher, lang, on_date, state, start)
                    dates.observe_text(when, text[s:e], s, lang, on_date)
                    sent_index += 1
                lap("actors")
                continue
            sdoc = next(parsed)
            lap("parse")
            for sent in sdoc.sents:
                if not sent.text.strip():
                    continue
                sa = build_sentence_actors(sent, self.kb, res.matcher, lang, on_date, state, start)
                lap("actors")
                if gate is None or gate.may_hold_event(sent.text):
                    generous = self.settings.scorer == "propose" or self.uses_scorer(lang)
                    cands = extract(sent, sa, res.lexicon, lang, generous=generous)
                    if self.settings.carry_recipients:
                        carry_recipients(cands, sa, onto)
                        remember_dyads(cands, state)
                    s_span = (start + sent.start_char, start + sent.end_char)
                    at = dict(doc_id=doc.id, sent_index=sent_index, sent_text=sent.text, sent_span=s_span,
                              char_offset=start, lang=lang, date=pub)
                    if not generous:
                        sent_events = to_events(cands, sa, onto, start_n=0, **at)
                    else:
                        sent_events = self._choose(propose(cands, sa, onto, generous=True, **at), doc.id,
                                                   sent_index)
                    lap("events")
                    sent_events = dates.annotate(sent_events, sent, lang, on_date, start, when)
                    was_cut = ((sent.start == 0 and start in plan.cut_at)
                               or (sent.end == len(sdoc) and end in plan.cut_at))
                    if plan.doc_warnings or was_cut:
                        extra = plan.doc_warnings + (
                            [f"sentence cut at {self.settings.max_sentence_chars} characters"] if was_cut else [])
                        for ev in sent_events:
                            ev.warnings.extend(extra)
                    events.extend(place_recipients(places.annotate(sent_events, sent, lang, where, start), self.kb))
                    lap("dates_places")
                else:
                    dates.observe_text(when, sent.text, start + sent.start_char, lang, on_date)
                for ra in sa.discourse_order():
                    state.remember(ra, self.kb)
                lap("actors")
                sent_index += 1
        return [e for e in events if e.confidence >= self.settings.min_confidence]


    def _choose(self, props: list, doc_id: str, sent_index: int) -> list[Event]:
        """The events of one sentence's generous proposals: the scorer's choice, or all of them ('propose')."""
        from konflikt.events.coder import number
        from konflikt.events.scorer import choose, sentence_features

        if self._scorer is not None:
            return choose(props, self._scorer, doc_id=doc_id, sent_index=sent_index)
        events = number([p.event for p in props], doc_id, sent_index)
        if self.proposal_sink is not None:
            self.proposal_sink(props, sentence_features(props))
        return events


def _parse(nlp, texts: list[str]) -> list:
    """The full parses of `texts`, in order; where the pipeline has an NER of its own, a text that cannot name
    anyone (`may_name`) is parsed without it (no entities, as the NER would find none)."""
    if "ner" not in nlp.pipe_names:
        return list(nlp.pipe(texts))
    named = [may_name(t, nlp.lang) for t in texts]
    with_ner = iter(nlp.pipe([t for t, n in zip(texts, named, strict=True) if n]))
    without = iter(nlp.pipe([t for t, n in zip(texts, named, strict=True) if not n], disable=["ner"]))
    return [next(with_ner) if n else next(without) for n in named]


def _names_only(nlp, texts: list[str]) -> list:
    """Unparsed units tokenised for the discourse memory, with the pipeline's named entities when it has an
    NER of its own (Swedish: unknown people stay antecedents of "han"/"hon"); no tagger, no parser. The NER
    runs only on the units that can name a person (`may_name`, `people_only`: only people are read here)."""
    if not texts:
        return []
    if "ner" not in nlp.pipe_names:
        return [nlp.make_doc(t) for t in texts]
    lang = nlp.lang
    named = [i for i, t in enumerate(texts) if may_name(t, lang, people_only=True)]
    out = [nlp.make_doc(t) for t in texts]
    for i, doc in zip(named, nlp.pipe([out[i] for i in named], disable=[n for n in nlp.pipe_names if n != "ner"]),
                      strict=True):
        out[i] = doc
    return out


@dataclass(frozen=True)
class Unit:
    """A stretch of a document's text [start, end): parsed as one text, or (`parse` False) only tokenised,
    sentence by sentence (`sentences`), for the discourse memory."""

    start: int
    end: int
    parse: bool
    sentences: tuple[tuple[int, int], ...] = ()


def gated_units(pieces: list[tuple[int, int]], text: str, lang: str, passes) -> list[Unit]:
    """The units of a document under the trigger gate `passes`: per paragraph piece, a piece whose raw
    sentences all pass is one parsed unit; otherwise runs of passing sentences are parsed units and runs of
    the others unparsed units. Units after the last parsed one are dropped."""
    from konflikt.nlp.sentences import raw_sentences

    units: list[Unit] = []
    for ps, pe in pieces:
        sents = raw_sentences(text, ps, pe, lang)
        flags = [passes(text[s:e]) for s, e in sents]
        if all(flags):
            units.append(Unit(ps, pe, True))
            continue
        i = 0
        while i < len(sents):
            j = i
            while j + 1 < len(sents) and flags[j + 1] == flags[i]:
                j += 1
            run = tuple(sents[i: j + 1])
            units.append(Unit(run[0][0], run[-1][1], True) if flags[i] else
                         Unit(run[0][0], run[-1][1], False, run))
            i = j + 1
    while units and not units[-1].parse:
        units.pop()
    return units


@dataclass
class DocumentPlan:
    """A document ready for the parse: its language, (possibly truncated) text, its units (parsed or only
    tokenised), the offsets where overlong pieces were cut, document warnings, publication date."""

    doc: Document
    lang: str
    text: str
    units: list[Unit]
    cut_at: set[int]
    doc_warnings: list[str]
    pub: str | None
    on_date: Date | None

    @property
    def n_parse(self) -> int:
        """How many units go through the parser."""
        return sum(1 for u in self.units if u.parse)

    def parse_texts(self) -> list[str]:
        """The texts of the parsed units, in order (what `finish` expects the parses of)."""
        return [self.text[u.start:u.end] for u in self.units if u.parse]

    def light_texts(self) -> list[str]:
        """The texts of the unparsed units, in order."""
        return [self.text[u.start:u.end] for u in self.units if not u.parse]


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
