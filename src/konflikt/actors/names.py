"""Find knowledge-base names in a sentence's tokens: names, demonyms, adjectives, metonyms, compounds.

`NameMatcher(kb, lang).find(tokens)` returns `Mention`s (token ranges with the entity they name). It
works on the word *pieces* of the tokens (runs of letters/digits, case- and diacritic-folded), so
"al-Sarraj", "al Sarraj" and "Al-Serraj" meet the same entry, and handles the morphology of each
language on the last piece of a name:

* Swedish: genitive -s (Haftars, Rysslands, "FN:s"); definite and plural forms of demonyms
  (ryssen, ryssarna, ryssarnas); adjective agreement (rysk, ryska, ryskt, ryske);
* English: plural demonyms (Russians); the "'s" token of a genitive.

Compounds of a name and a sector word are one mention carrying that sector: Swedish "Haftarstyrkorna",
"Haftar-styrkorna", "FN-trupper", English "Haftar-led" is not a sector and gives nothing. Coordinated
nationality adjectives ("turkisk-ryska") give one adjective mention with several entities.

Case is data-driven: a name listed with a capital initial must be capitalised in the text (so the
Swedish word "jordan" is not the country Jordan); acronyms (all capitals, e.g. "IS", "EU", "LNA")
must match exactly; names listed in lower case, demonyms and adjectives match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from konflikt.actors.kb import KnowledgeBase, fold
from konflikt.language.registry import rules_of, words_for

__all__ = ["Mention", "NameMatcher"]

_PIECE = re.compile(r"\w+", re.UNICODE)

# Inflectional endings allowed on the last piece of a form, by language and kind of form.
SUFFIXES: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "name": ("", "s"),
        "metonym": ("", "s"),
        "demonym": ("", "s", "en", "ens", "n", "ns", "na", "nas", "er", "erna", "ernas", "ar", "arna",
                    "arnas", "rna", "rnas"),
        "adjective": ("", "a", "t", "e"),
    },
    "en": {
        "name": ("",),
        "metonym": ("",),
        "demonym": ("", "s", "es"),
        "adjective": ("",),
    },
}
# What may follow a name inside the same token after a colon or apostrophe: "FN:s", "LNA:s", "UN's".
GENITIVE_TAILS = {"s", "n", "en", "ets", "ens", "t", "et", "ns"}
# Kind preference when two entries cover the same pieces.
KIND_RANK = {"name": 0, "metonym": 1, "demonym": 2, "adjective": 3}
ENTITY_RANK = {"person": 0, "group": 1, "org": 1, "igo": 2, "country": 3}
MIN_COMPOUND_NAME = 3
HYPHENS = frozenset({"-", "–", "‑"})


@dataclass(frozen=True)
class Mention:
    """A knowledge-base name in a token list: tokens [start, end) name `entity_id`.

    `kind` is name | metonym | demonym | adjective | compound; `sector` is set for compounds of a
    name and a sector word ("Haftarstyrkorna" -> MIL); `entity_ids` lists every entity of a
    coordinated adjective ("turkisk-ryska" -> TUR, RUS).
    """

    start: int
    end: int
    entity_id: str | None
    kind: str
    sector: str | None = None
    genitive: bool = False
    entity_ids: tuple[str, ...] = ()
    surface: str = ""


@dataclass(frozen=True)
class _Entry:
    pieces: tuple[str, ...]
    entity_id: str
    kind: str
    case: str  # "upper" (capital initial required), "exact" (acronym), "any"
    first_orig: str
    rank: tuple[int, int]


@dataclass(frozen=True)
class _Piece:
    text: str  # folded
    orig: str
    tok: int
    first: bool  # first piece of its token
    last: bool  # last piece of its token
    sep: str  # characters between the previous piece of the same token and this one


def _pieces_of(tokens: Sequence[str]) -> list[_Piece]:
    out: list[_Piece] = []
    for ti, tok in enumerate(tokens):
        ms = list(_PIECE.finditer(tok))
        for k, m in enumerate(ms):
            sep = tok[ms[k - 1].end():m.start()] if k else ""
            out.append(_Piece(fold(m.group()), m.group(), ti, k == 0, k == len(ms) - 1, sep))
    return out


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6


class NameMatcher:
    """Surface matcher of one language over a knowledge base (build once per process)."""

    def __init__(self, kb: KnowledgeBase, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.suffixes = words_for(SUFFIXES, lang, SUFFIXES["en"])
        self._by_first: dict[str, list[_Entry]] = {}
        self._single: dict[str, list[_Entry]] = {}
        self._adjectives: dict[str, str] = {}
        self._memo: dict[str, tuple[_Entry, ...]] = {}
        for ent in kb:
            rank = ENTITY_RANK.get(ent.kind, 3)
            own = {"name": ent.names.get(lang, ()), "demonym": ent.demonyms.get(lang, ()),
                   "adjective": ent.adjectives.get(lang, ()), "metonym": ent.metonyms.get(lang, ())}
            if ent.kind != "country":  # acronyms and names of organisations travel across languages
                others = [n for lg, ns in ent.names.items() if lg != lang for n in ns]
                own["name"] = tuple(own["name"]) + tuple(others)
            for kind, forms in own.items():
                for form in forms:
                    self._add(form, ent.id, kind, (KIND_RANK[kind], rank))

    def _add(self, form: str, entity_id: str, kind: str, rank: tuple[int, int]) -> None:
        ms = _PIECE.findall(form)
        if not ms:
            return
        pieces = tuple(fold(m) for m in ms)
        if _is_acronym(form.replace(" ", "")) and len(ms) == 1:
            case = "exact"
        elif kind in {"name", "metonym"} and ms[0][:1].isupper():
            case = "upper"
        else:
            case = "any"
        entry = _Entry(pieces, entity_id, kind, case, ms[0], rank)
        self._by_first.setdefault(pieces[0], []).append(entry)
        if len(pieces) == 1 and kind == "adjective":
            self._adjectives.setdefault(pieces[0], entity_id)
        if len(pieces) == 1 and kind in {"name", "metonym"} and (len(pieces[0]) >= MIN_COMPOUND_NAME):
            self._single.setdefault(pieces[0], []).append(entry)

    # ------------------------------------------------------------------------------------ matching
    def _case_ok(self, entry: _Entry, orig: str) -> bool:
        if entry.case == "exact":
            return orig == entry.first_orig
        if entry.case == "upper":
            return orig[:1].isupper()
        return True

    def _last_ok(self, entry: _Entry, piece: str) -> str | None:
        """The suffix by which `piece` inflects the entry's last piece, or None."""
        base = entry.pieces[-1]
        if not piece.startswith(base):
            return None
        rest = piece[len(base):]
        if entry.case == "exact":
            return "" if rest == "" else None
        allowed = self.suffixes.get(entry.kind, ("",))
        if rest in allowed:
            return rest
        # doubled consonant before a vowel ending is not Swedish morphology we need; keep it strict
        return None

    def _candidates(self, text: str) -> tuple[_Entry, ...]:
        """The entries a piece can start: those whose first piece it is, and single-piece ones it may inflect
        (ryssarna, Haftars); remembered per piece text."""
        memo = self._memo
        hit = memo.get(text)
        if hit is None:
            cands = list(self._by_first.get(text, ()))
            for cut in range(max(1, len(text) - 5), len(text)):
                cands += [e for e in self._by_first.get(text[:cut], ()) if len(e.pieces) == 1]
            if len(memo) >= 200_000:
                memo.clear()
            hit = memo[text] = tuple(cands)
        return hit

    def _match_at(self, ps: list[_Piece], i: int, tokens: Sequence[str] = ()) -> list[tuple[int, _Entry, str]]:
        """Entries whose pieces match starting at piece i: (end piece index, entry, suffix)."""
        out = []
        first = ps[i]
        cands = self._candidates(first.text)
        for e in cands:
            n = len(e.pieces)
            if i + n > len(ps) or not self._case_ok(e, first.orig):
                continue
            ok = True
            for k in range(1, n):
                p = ps[i + k]
                prev = ps[i + k - 1].tok
                # a hyphen the tokenizer split off may stand between the pieces: "Al - Shabaab"
                hyphen = p.tok == prev + 2 and prev + 1 < len(tokens) and tokens[prev + 1] in HYPHENS
                if p.first and p.tok != prev + 1 and not hyphen:
                    ok = False
                    break
                if k < n - 1 and p.text != e.pieces[k]:
                    ok = False
                    break
            if not ok:
                continue
            suffix = "" if n > 1 and ps[i + n - 1].text == e.pieces[-1] else self._last_ok(e, ps[i + n - 1].text)
            if suffix is None:
                continue
            out.append((i + n - 1, e, suffix))
        return out

    def find(self, tokens: Sequence[str]) -> list[Mention]:
        """All mentions in a token list, longest first, non-overlapping, in text order."""
        ps = _pieces_of(tokens)
        found: list[tuple[int, int, Mention]] = []  # (piece start, piece end, mention)
        i = 0
        while i < len(ps):
            m = self._mention_at(tokens, ps, i)
            if m is None:
                i += 1
                continue
            pend, mention = m
            found.append((i, pend, mention))
            i = pend + 1
        return [m for _, _, m in found]

    def _mention_at(self, tokens: Sequence[str], ps: list[_Piece], i: int) -> tuple[int, Mention] | None:
        p = ps[i]
        if not p.first:
            return None
        best: tuple[int, _Entry, str] | None = None
        for end, e, suffix in self._match_at(ps, i, tokens):
            key = (end - i, -e.rank[0], -e.rank[1], len(suffix) == 0)
            if best is None or key > (best[0] - i, -best[1].rank[0], -best[1].rank[1], len(best[2]) == 0):
                best = (end, e, suffix)
        if best is not None:
            end, e, suffix = best
            last = ps[end]
            tok_lo, tok_hi = p.tok, last.tok + 1
            if last.last:
                return end, self._mention(tokens, tok_lo, tok_hi, e, suffix)
            # the name ends inside a token: "FN:s", "Haftar-styrkorna", "turkisk-ryska"
            tail = [q for q in ps[end + 1:] if q.tok == last.tok]
            tail_end = end + len(tail)
            if len(tail) == 1 and tail[0].sep in {":", "'", "’"} and tail[0].text in GENITIVE_TAILS:
                return tail_end, self._mention(tokens, tok_lo, tok_hi, e, "s", genitive=True)
            rest = "".join(q.orig for q in tail)
            compound = self._compound(tokens, tok_lo, tok_hi, e, rest, tail)
            if compound is not None:
                return tail_end, compound
            return None
        # a closed compound: "Haftarstyrkorna", "FN-trupperna" handled above; here one piece only
        if p.last:
            found = self._closed_compound(tokens, p)
            return (i, found) if found is not None else None
        return None

    def _mention(self, tokens: Sequence[str], lo: int, hi: int, e: _Entry, suffix: str,
                 genitive: bool = False) -> Mention:
        gen = genitive or (rules_of(self.lang) == "sv" and suffix.endswith("s") and e.kind != "adjective")
        if rules_of(self.lang) == "en" and hi < len(tokens) and tokens[hi] in {"'s", "'", "’s", "’"}:
            gen = True
        return Mention(lo, hi, e.entity_id, e.kind, None, gen, (e.entity_id,), " ".join(tokens[lo:hi]))

    def _compound(self, tokens: Sequence[str], lo: int, hi: int, e: _Entry, rest: str,
                  tail: list[_Piece]) -> Mention | None:
        if not rest:
            return None
        # coordinated nationality adjectives: "turkisk-ryska", "rysk-turkiskt"
        if e.kind == "adjective" and all(q.sep == "-" for q in tail):
            ids = [e.entity_id]
            for q in tail:
                other = self._adjective_of(q.text)
                if other is None:
                    return None
                ids.append(other)
            return Mention(lo, hi, ids[0], "adjective", None, False, tuple(dict.fromkeys(ids)),
                           " ".join(tokens[lo:hi]))
        if e.kind not in {"name", "metonym", "demonym"}:
            return None
        sector = self.kb.sector_for(rest, self.lang)
        if sector is None and not self._member_of_organisation(e.entity_id, rest.lstrip("-")):
            return None
        return Mention(lo, hi, e.entity_id, "compound", sector, False, (e.entity_id,), " ".join(tokens[lo:hi]))

    def _member_of_organisation(self, entity_id: str, rest: str) -> bool:
        """'IS-medlemmar', 'Hamasanhängare': an organisation's name with a member word names the organisation."""
        ent = self.kb.get(entity_id)
        return ent is not None and ent.kind in {"group", "igo", "org"} and self.kb.is_member_word(rest, self.lang)

    def _adjective_of(self, piece: str) -> str | None:
        for suffix in self.suffixes.get("adjective", ("",)):
            if suffix and not piece.endswith(suffix):
                continue
            base = piece[: len(piece) - len(suffix)] if suffix else piece
            if base in self._adjectives:
                return self._adjectives[base]
        return None

    def _closed_compound(self, tokens: Sequence[str], p: _Piece) -> Mention | None:
        """'Haftarstyrkorna', 'Natostyrkor': a capitalised name glued to a sector word (Swedish)."""
        if rules_of(self.lang) != "sv" or not p.orig[:1].isupper() or len(p.text) < 2 * MIN_COMPOUND_NAME + 1:
            return None
        for cut in range(len(p.text) - MIN_COMPOUND_NAME, MIN_COMPOUND_NAME - 1, -1):
            head = p.text[:cut]
            entries = self._single.get(head)
            if not entries:
                continue
            rest = p.text[cut:]
            sector = self.kb.sector_for(rest, self.lang, compounds=False)
            if sector is None and rest.startswith("s"):
                sector = self.kb.sector_for(rest[1:], self.lang, compounds=False)
            e = min(entries, key=lambda x: x.rank)
            if sector is None and not self._member_of_organisation(e.entity_id, rest):
                continue
            if e.case == "exact" and p.orig[:cut] != e.first_orig:
                continue
            return Mention(p.tok, p.tok + 1, e.entity_id, "compound", sector, False, (e.entity_id,), tokens[p.tok])
        return None
