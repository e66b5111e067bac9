"""Registered spaCy components for Konflikt's pipelines.

``konflikt_lemma_fixer`` runs after the trainable (edit-tree) lemmatizer and repairs its known weak
spots:

* proper nouns (PROPN) keep their surface form as lemma (a Swedish genitive -s is *not* stripped here);
* punctuation keeps its form: UD Norwegian-Bokmaal (from NDT) writes the lemma of "." as "$.", which the
  trained lemmatizer learns;
* when the trained lemma looks wrong, it falls back to the `simplemma` dictionary (offline, sv and en):
  the lemma is empty or not alphabetic although the word is; the token is capitalised at the start of a
  sentence and the lemma kept the capital; or the trained lemma is a word the dictionary does not know
  while the dictionary knows the form and maps it to another word; or a verb kept its inflected form
  as lemma although the dictionary maps it to another word ("anföll" -> "anfalla").

Import this module before ``spacy.load`` of a saved Konflikt pipeline (``konflikt.nlp.load_pipeline``
does it).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from konflikt.nlp import dictionary

_OPEN_CLASS = {"NOUN", "VERB", "ADJ", "ADV", "AUX"}


@lru_cache(maxsize=200_000)
def _dict_lemma(lower: str, lang: str) -> tuple[str, bool]:
    """simplemma's lemma of a lowercased word, and whether the dictionary knows the word."""
    return dictionary.lemmatize(lower, lang), dictionary.is_known(lower, lang)


class LemmaFixer:
    def __init__(self, lang: str, check_known: bool = True):
        self.lang = lang
        self.check_known = check_known
        self._memo: dict[tuple[int, int, int, int], str | None] = {}

    def fix_parts(self, form: str, lemma: str, pos: str, sent_start: bool) -> str | None:
        """The repaired lemma of a token given as its form, trained lemma, UPOS and sentence-start flag."""
        if pos == "PROPN":
            return form if lemma != form else None
        if not form.isalpha():
            return form if not lemma or lemma == "$" + form else None
        lower = form.lower()
        dict_lemma, form_known = _dict_lemma(lower, self.lang)
        if not lemma or not lemma.replace("-", "").isalpha():
            return dict_lemma if form_known else lower
        if sent_start and form[:1].isupper() and lemma[:1].isupper() and not form.isupper():
            if form_known and dict_lemma != lower:
                return dict_lemma
            return lemma[:1].lower() + lemma[1:]
        if pos in {"VERB", "AUX"} and lemma.lower() == lower and form_known and dict_lemma != lower:
            return dict_lemma  # an inflected verb left as its own lemma ("anföll" -> "anfalla")
        if (self.check_known and pos in _OPEN_CLASS and form_known and dict_lemma != lemma
                and lemma.islower() and not dictionary.is_known(lemma, self.lang)):
            return dict_lemma
        return None

    def __call__(self, doc: Doc) -> Doc:
        # the decision depends only on (form, lemma, POS, sentence start): read them as one array of string
        # ids, decide each combination once per process and write the lemma column back in one call
        # (touching Token objects is what costs)
        if not len(doc):
            return doc
        strings, memo = doc.vocab.strings, self._memo
        arr = doc.to_array([ORTH, LEMMA, POS, SENT_START])
        lemmas = arr[:, 1].copy()
        changed = False
        for i, (orth, lemma, pos, start) in enumerate(arr.tolist()):
            key = (orth, lemma, pos, start)
            new = memo.get(key, -1)
            if new == -1:
                if len(memo) > 500_000:
                    memo.clear()
                fixed = self.fix_parts(strings[orth], strings[lemma] if lemma else "", strings[pos], start == 1)
                new = memo[key] = None if fixed is None else strings.add(fixed)
            if new is not None:
                lemmas[i] = new
                changed = True
        if changed:
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("konflikt_lemma_fixer", default_config={"check_known": True})
def make_lemma_fixer(nlp: Language, name: str, check_known: bool) -> LemmaFixer:
    return LemmaFixer(nlp.lang, check_known=check_known)


_NOMINAL = {"PROPN", "NOUN", "PRON"}
_PAST_ENDINGS = ("te", "et", "de")


def repair_verbless(doc: Doc) -> Doc:
    """A sentence with no verb whose second constituent is a past-tense verb the tagger called an adjective
    ("Frankrike fordømte angrepet": `Frankrike fordømte` read as modifiers of `angrepet`, "the condemned
    attack"; Bokmål past tenses in -te/-et are the forms of adjectives in -e). The verb becomes the root
    (VERB), the nominal before it its subject and the old root its object. Only when every token before the
    verb is a name, noun, pronoun, determiner or adjective and the verb-to-be's dictionary lemma is another
    word ending in -e (fordømte -> fordømme), so headlines without a verb are left alone."""
    if not doc.has_annotation("DEP"):
        return doc
    changed = False
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    pos = [t.pos_ for t in doc]
    for sent in doc.sents:
        if any(t.pos_ in {"VERB", "AUX"} for t in sent) or len(sent) < 3:
            continue
        verb = None
        for t in sent:
            if t.i == sent.start:
                continue
            if t.pos_ == "ADJ" and t.lower_.endswith(_PAST_ENDINGS) and t.head.i > t.i:
                lemma, known = _dict_lemma(t.lower_, doc.lang_)
                if known and lemma != t.lower_ and lemma.endswith("e") and dictionary.is_known(lemma, doc.lang_):
                    verb = t
            break_here = t.pos_ not in _NOMINAL | {"DET", "ADJ", "PUNCT"} or verb is not None
            if break_here:
                break
        if verb is None:
            continue
        before = doc[sent.start:verb.i]
        if not any(t.pos_ in _NOMINAL or (t.pos_ == "ADJ" and t.text[:1].isupper()) for t in before):
            continue
        subj = before[-1]  # the head of the nominal before the verb: its last word
        root = sent.root
        for t in before:
            if t.i != subj.i and heads[t.i] not in range(sent.start, verb.i):
                heads[t.i] = subj.i
        heads[subj.i], deps[subj.i] = verb.i, "nsubj"
        pos[subj.i] = "PROPN" if subj.pos_ == "ADJ" else subj.pos_
        heads[verb.i], deps[verb.i], pos[verb.i] = verb.i, "ROOT", "VERB"
        if root.i > verb.i:
            heads[root.i], deps[root.i] = verb.i, "obj"
            for t in doc[root.i + 1:sent.end]:
                if heads[t.i] == root.i and t.pos_ == "PUNCT":
                    heads[t.i] = verb.i
        else:  # the nominal before the verb was the root ("Juntaen[ROOT] avsatte presidenten")
            obj = verb.head
            for t in doc[verb.i + 1:sent.end]:
                if heads[t.i] == root.i:
                    heads[t.i] = verb.i
            heads[obj.i], deps[obj.i] = verb.i, "obj"
        changed = True
    if changed and _set_arcs(doc, heads, deps):
        for t, p in zip(doc, pos, strict=True):
            if t.pos_ != p:
                t.pos_ = p
                if p == "VERB":
                    t.lemma_ = _dict_lemma(t.lower_, doc.lang_)[0]  # fordømte: fordømme, not the adjective fordømt
                    t.set_morph("Mood=Ind|Tense=Past|VerbForm=Fin")
    return doc


def _set_arcs(doc: Doc, heads: list[int], deps: list[str]) -> bool:
    """Give `doc` these (absolute) heads and relations; undone (False) if a sentence boundary would move."""
    import numpy
    from spacy.attrs import DEP, HEAD

    arr = numpy.array([[(h - i) % 2**64, doc.vocab.strings.add(d)]  # a relative head, as spaCy stores it
                       for i, (h, d) in enumerate(zip(heads, deps, strict=True))], dtype="uint64")
    starts = [t.is_sent_start for t in doc]
    before = doc.to_array([HEAD, DEP])
    doc.from_array([HEAD, DEP], arr)
    if [t.is_sent_start for t in doc] != starts:  # never move a sentence boundary: keep the parse
        doc.from_array([HEAD, DEP], before)
        return False
    return True


def _rewrite_arcs(doc: Doc, rewrite) -> Doc:
    """Apply `rewrite(token, heads, deps) -> bool` (changing the absolute `heads` and `deps` lists in place,
    True when it did) to every token of a parsed `doc`, then set the arcs (kept if a boundary would move)."""
    if not doc.has_annotation("DEP"):
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    if any([rewrite(t, heads, deps) for t in doc]):  # (a list: every token is rewritten, not the first only)
        _set_arcs(doc, heads, deps)
    return doc


def _particle_dependent(t, heads: list[int], deps: list[str]) -> bool:
    prt = t.head
    if prt.dep_ == "compound:prt" and prt.i != t.i and t.pos_ in _NOMINAL:
        heads[t.i] = prt.head.i
        deps[t.i] = "obl" if any(c.dep_ == "case" for c in t.children) else "obj"
        return True
    return False


def repair_particle_dependents(doc: Doc) -> Doc:
    """A verb particle has no dependents of its own: a nominal the parser hung on one ("meldte seg ut[prt]
    av EU[obl > ut]") is the verb's, an oblique when a preposition introduces it, else an object."""
    return _rewrite_arcs(doc, _particle_dependent)


def _noun_after_genitive(t, heads: list[int], deps: list[str]) -> bool:
    gen = t.head
    if not (t.dep_ == "flat:name" and t.pos_ == "NOUN" and t.text[:1].islower() and gen.i == t.i - 1
            and gen.pos_ == "PROPN" and gen.text.endswith("s") and gen.text[:1].isupper()):
        return False
    heads[t.i], deps[t.i] = (t.i, "ROOT") if gen.head.i == gen.i else (gen.head.i, gen.dep_)
    heads[gen.i], deps[gen.i] = t.i, "nmod"
    for c in gen.children:  # the noun phrase's other words ("på", "den") now belong to the noun
        if c.i != t.i and c.dep_ not in {"flat:name", "compound"}:
            heads[c.i] = t.i
    return True


def repair_genitive_names(doc: Doc) -> Doc:
    """A lowercase common noun after a genitive name is its head, not part of the name: when the parser reads
    "Haftars side" or "Verdens helseorganisasjon" as one name (``side`` flat:name of ``Haftars``), the noun
    becomes the head and the genitive its modifier (nmod), as UD writes it (a name such as "Verdens
    helseorganisasjon" is still found by the actor resolver over the whole noun phrase)."""
    return _rewrite_arcs(doc, _noun_after_genitive)


@Language.component("konflikt_genitive_repair")
def genitive_repair(doc: Doc) -> Doc:
    return repair_genitive_names(doc)


@Language.component("konflikt_particle_repair")
def particle_repair(doc: Doc) -> Doc:
    return repair_particle_dependents(doc)


@Language.component("konflikt_verbless_repair")
def verbless_repair(doc: Doc) -> Doc:
    return repair_verbless(doc)
