"""Distant supervision: silver named-entity labels (PER/ORG/LOC) for treebank text, from the project's knowledge.

English has no freely licensed NER corpus here, so the English NER is trained on UD English-EWT sentences
labelled by what the project already knows, and taught to generalise to names nobody listed:

1. **Lexicon.** Every English name of the actor knowledge base (people -> PER; armed groups, organisations
   and IGOs -> ORG; countries -> LOC), the GeoNames cities of the gazetteer (LOC) and the people of the
   Phoenix country dictionaries (``# CountryInfo.txt`` entries, PER).
2. **Silver labels** (:func:`silver_labels`) over the gold UPOS of the treebank: a run of proper nouns is a
   name. A run that ends in an organisation's or a place's head word ("... Party", "... Province") is ORG /
   LOC; otherwise its longest lexicon matches are labelled; a run after a person's title ("President",
   "Gen.") or opening with a known first name is PER. The title itself is no part of the name. Every other
   word is outside any name (``O``). A proper-noun run nothing explains is left **unannotated** (``None``:
   spaCy's missing value), so the model is neither taught it is a name nor that it is not. The cue words
   are data (`konflikt/data/ner/cues.yaml`).
3. **Name swaps** (:func:`swap_names`): a copy of each labelled sentence with every name replaced by another
   of the same label from the lexicon's *training* pool, so the model learns names from their context and
   shape, not by heart. A seeded tenth of the lexicon is held out of the pool.

Pure functions over words and tags; reading the treebank and the dictionaries is done by the callers in
:mod:`konflikt.nlp.train`.
"""

from __future__ import annotations

import random
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from konflikt.nlp.cues import NameCues

__all__ = ["NameLexicon", "KIND_LABELS", "build_lexicon", "phoenix_people", "name_tokens", "name_variants",
           "proper_runs",
           "silver_labels", "swap_names", "spans_of"]

KIND_LABELS: Mapping[str, str] = {"person": "PER", "group": "ORG", "org": "ORG", "igo": "ORG", "country": "LOC"}
HELD_OUT_PERCENT = 10
_PHOENIX_PERSON = re.compile(r"^([A-Z][A-Z0-9_'.-]+?)_\s+#\s*CountryInfo\.txt")


def name_tokens(name: str) -> tuple[str, ...]:
    """A name as treebank-like tokens: split at spaces and commas."""
    return tuple(w for w in name.replace(",", " ").split() if w)


def name_variants(name: str) -> list[tuple[str, ...]]:
    """The token tuples a name is written as: itself and, for an Arabic article, "al-Qaeda" also as "al Qaeda"
    and "al Qaeda" as "al-Qaeda" (the treebank writes both)."""
    toks = name_tokens(name)
    out = [toks]
    split = tuple(p for t in toks for p in (re.split(r"(?<=^[Aa]l)-|(?<=^[Ee]l)-", t) if "-" in t else [t]) if p)
    if split != toks:
        out.append(split)
    return out


def _held_out(name: tuple[str, ...], seed: int) -> bool:
    return zlib.crc32((" ".join(name) + f"#{seed}").encode()) % 100 < HELD_OUT_PERCENT


@dataclass(frozen=True)
class NameLexicon:
    """Known names (token tuples) with their labels, first names of people, and the swap pools."""

    names: Mapping[tuple[str, ...], str]
    first_names: frozenset[str]
    pools: Mapping[str, tuple[tuple[str, ...], ...]]
    held_out: frozenset[tuple[str, ...]]
    longest: int

    def label(self, words: Sequence[str]) -> str | None:
        return self.names.get(tuple(words))


def phoenix_people(path: Path) -> list[str]:
    """The people of a Phoenix country dictionary (``VLADIMIR_PUTIN_  # CountryInfo.txt``), title-cased."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _PHOENIX_PERSON.match(line)
        if m:
            out.append(" ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split("_") if w))
    return out


_PHOENIX_GROUP = re.compile(r"^([A-Z][A-Z0-9_'.&-]+?)_\s*\[([A-Z]{3,})")


def phoenix_groups(path: Path, cues: NameCues) -> list[str]:
    """The organisations of a Phoenix actor dictionary (``ARMED_ISLAMIC_GROUP_ [DZAREB]``), title-cased but for
    the name cues' connectors ("Armed Islamic Group", "Front for the Liberation of X"); acronyms of up to five
    letters stay upper-case."""
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _PHOENIX_GROUP.match(line)
        if m:
            words = [w for w in m.group(1).split("_") if w]
            out.append(" ".join(w if len(words) == 1 and len(w) <= 5 else w.lower() if k and w.lower() in
                                cues.connectors else "-".join(part.capitalize() for part in w.split("-"))
                                for k, w in enumerate(words)))
    return out


def build_lexicon(entries: Iterable[tuple[str, str]], seed: int = 0, min_first_name: int = 2) -> NameLexicon:
    """A lexicon from (name, label) pairs; label "O" marks a capitalised word that is no name (a demonym).
    When a name has several labels the first one given wins (so pass the knowledge base before the
    gazetteer). First names: first words of multi-word PER names seen at least `min_first_name` times that
    are never a word of another label's name. Surnames: the last word of a multi-word PER name, alone, when
    it is no word of another label's name ("Arafat", "Sharon")."""
    names: dict[tuple[str, ...], str] = {}
    for name, label in entries:
        for toks in name_variants(name):
            if toks and any(t[:1].isupper() for t in toks):
                names.setdefault(toks, label)
    people = [t for t, lab in names.items() if lab == "PER" and len(t) >= 2]
    other_words = {w for t, lab in names.items() if lab != "PER" for w in t}
    firsts = Counter(t[0] for t in people)
    first_names = frozenset(w for w, n in firsts.items() if n >= min_first_name and w not in other_words
                            and w.isalpha() and len(w) > 1)
    for t in people:
        last = t[-1]
        if last[:1].isupper() and len(last) > 2 and last not in other_words and last not in first_names:
            names.setdefault((last,), "PER")
    held = frozenset(t for t, lab in names.items() if lab != "O" and _held_out(t, seed))
    pools = {lab: tuple(sorted(t for t, lb in names.items() if lb == lab and t not in held))
             for lab in ("PER", "ORG", "LOC")}
    return NameLexicon(names=names, first_names=first_names, pools=pools, held_out=held,
                       longest=max((len(t) for t in names), default=1))


def proper_runs(words: Sequence[str], upos: Sequence[str], cues: NameCues) -> list[tuple[int, int]]:
    """(start, end) of each run of proper nouns, joined over a connector (and "the") between two of them ("Bank
    of America", "Abu Bakr al Baghdadi", "Front for the Liberation of X"); runs made only of words that are
    never names are dropped."""
    runs, i, n = [], 0, len(words)
    while i < n:
        if upos[i] != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < n:
            if upos[j] == "PROPN":
                j += 1
            elif words[j].lower() in cues.connectors and j + 1 < n and upos[j + 1] == "PROPN" and j > i:
                j += 2
            elif (words[j].lower() in cues.connectors and j + 2 < n and words[j + 1].lower() == "the"
                  and upos[j + 2] == "PROPN" and j > i):
                j += 3  # "Movement for the Actualization of the Sovereign State of Biafra"
            else:
                break
        if not all(w in cues.not_names for w in words[i:j]):
            runs.append((i, j))
        i = j
    return runs


def _title_before(words: Sequence[str], start: int, cues: NameCues) -> int:
    """How many words just before `start` form a person's title: its length, 0 if none."""
    for k in range(min(cues.longest_title, start), 0, -1):
        if tuple(words[start - k:start]) in cues.person_titles:
            return k
    return 0


def _lexicon_matches(words: Sequence[str], start: int, end: int, lex: NameLexicon) -> list[tuple[int, int, str]]:
    """Greedy longest lexicon matches inside words[start:end]."""
    out, i = [], start
    while i < end:
        for j in range(min(end, i + lex.longest), i, -1):
            lab = lex.label(words[i:j])
            if lab:
                out.append((i, j, lab))
                i = j
                break
        else:
            i += 1
    return out


def silver_labels(words: Sequence[str], upos: Sequence[str], lex: NameLexicon, cues: NameCues) -> list[str | None]:
    """BIO labels for one sentence: names found by the lexicon and the cues, ``O`` outside proper-noun runs,
    ``None`` (missing) for proper nouns nothing explains. See the module docstring for the rules."""
    labels: list[str | None] = ["O"] * len(words)

    def put(i: int, j: int, lab: str | None) -> None:
        for k in range(i, j):
            labels[k] = lab if lab in (None, "O") else ("B-" if k == i else "I-") + lab

    for start, end in proper_runs(words, upos, cues):
        # a title inside the run ("President Obama") is no part of the name
        while start < end:
            k = next((k for k in range(min(cues.longest_title, end - start), 0, -1)
                      if tuple(words[start:start + k]) in cues.person_titles), 0)
            if not k or start + k == end:
                break
            start += k
        if start >= end or all(w in cues.not_names for w in words[start:end]):
            continue
        whole = lex.label(words[start:end])
        titled = _title_before(words, start, cues) > 0
        # the head word: the last one, or the one before the first connector ("Ministry of Mines", "Front for
        # the Liberation of Cabinda", "Province of Kunar")
        conn = next((k for k in range(start + 1, end) if words[k].lower() in cues.connectors), None)
        heads = {words[end - 1]} | ({words[conn - 1]} if conn is not None else set())
        if whole:
            put(start, end, whole)
        elif end - start >= 2 and heads & cues.org_heads:
            put(start, end, "ORG")
        elif end - start >= 2 and heads & cues.place_heads:
            put(start, end, "LOC")
        elif titled or end - start in (2, 3, 4) and words[start] in lex.first_names:
            put(start, end, "PER")
        else:
            put(start, end, None)
            for i, j, lab in _lexicon_matches(words, start, end, lex):
                put(i, j, lab)
    return labels


def spans_of(labels: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names in BIO labels."""
    out, i = [], 0
    while i < len(labels):
        lab = labels[i]
        if lab and lab.startswith("B-"):
            j = i + 1
            while j < len(labels) and labels[j] == "I-" + lab[2:]:
                j += 1
            out.append((i, j, lab[2:]))
            i = j
        else:
            i += 1
    return out


SWAP_PROBABILITY: Mapping[str, float] = {"PER": 1.0, "ORG": 1.0, "LOC": 0.3}
"""How often a name of each label is swapped: places less, since the gazetteer's many foreign city names would
otherwise teach that any unfamiliar name is a place (the treebank's own places are mostly familiar ones)."""


def swap_names(words: Sequence[str], labels: Sequence[str | None], lex: NameLexicon,
               rng: random.Random, probability: Mapping[str, float] = SWAP_PROBABILITY,
               genitive: Callable[[str], bool] | None = None,
               ) -> tuple[list[str], list[str | None]] | None:
    """A copy of the sentence with its PER/ORG/LOC names replaced (each with the `probability` of its label) by
    random names of the same label from the training pool; None when no name was swapped. A genitive "'s"
    after a name stays (English tokens); where the genitive is glued to the name (Swedish, Bokmål
    "Okonkwos"), `genitive(last_word)` says whether the swapped name's last word ends in it, and the new
    name gets an "s" too (none after s, x, z: "Paris")."""
    spans = [s for s in spans_of(labels) if lex.pools.get(s[2]) and rng.random() < probability.get(s[2], 1.0)]
    if not spans:
        return None
    out_w: list[str] = []
    out_l: list[str | None] = []
    i = 0
    for start, end, lab in spans:
        out_w.extend(words[i:start])
        out_l.extend(labels[i:start])
        new = list(rng.choice(lex.pools[lab]))
        if genitive is not None and genitive(words[end - 1]) and not new[-1].lower().endswith(("s", "x", "z")):
            new[-1] += "s"
        out_w.extend(new)
        out_l.extend(["B-" + lab] + ["I-" + lab] * (len(new) - 1))
        i = end
    out_w.extend(words[i:])
    out_l.extend(labels[i:])
    return out_w, out_l
