#!/usr/bin/env python3
"""Convert the Phoenix/PETRARCH2 actor dictionaries into Konflikt's actor YAML (data/actors/phoenix.yaml).

Source: the Phoenix actor dictionaries of the Open Event Data Alliance (MIT licence, (c) 2014 OEDA),
kept in ../shared/reference/phoenix/:

* Phoenix.Countries.actors.txt      - leaders and officials of each country with dated CAMEO codes;
* Phoenix.International.actors.txt  - IGO officials (UN secretaries-general, NATO, EU ...);
* Phoenix.MilNonState.actors.txt    - non-state armed groups.

The dictionaries are in TABARI format: a block of name lines (the first is the actor, lines starting
with "+" and further lines before the codes are synonyms; words joined by "_"), then its codes, on the
same line or on tab-indented lines: ``[RUSGOV 991231-080507]`` (a dated role: from-to, YYMMDD or
YYYYMMDD), ``[RUSELI >991231]`` (from), ``[USAGOV <061231]`` (until), ``[RUSELI]`` (undated).

What is converted (everything else is skipped and counted):

* **people**: blocks with at least one dated code whose country (first three letters) is in
  countries.yaml, or whose IGO code belongs to an IGO of the knowledge base. Each dated code becomes a
  role ``{code, country, sector, from, to, entity}`` - ``entity`` is the country id (or the IGO id);
  ``to`` is the first day out of office, as in the rest of the knowledge base. Ranges of the same code
  that overlap are merged; an undated code becomes an open role (the person's status outside the dated
  ones). Only people with at least one role in a *political* sector (`KEEP_SECTORS`: GOV, MIL, REB,
  LEG, JUD, COP, SPY, OPP, PTY, INS, IGO) are kept, which drops business people, clerics, journalists;
* **groups** from MilNonState: one group per block with an undated ``[CCCREB]``-style code of a known
  country (`kind: group`, `code`, `country`, `sector`).

Names: "VLADIMIR_PUTIN_" -> "Vladimir Putin". Synonyms that carry a title ("PRESIDENT_BORIS_YELTSIN",
"FORMER_SOVIET_LEADER_...") are dropped (the resolver handles titles), and so are one-word names that
are common English words (spaCy's stop words, sector words, trigger words) and names used by two
Phoenix actors (ambiguous surnames). A block is skipped entirely when one of its names already belongs
to an entity of the hand-made files (people.yaml, groups.yaml, igos.yaml ...), or when a person of the
same country has the same surname there (Lukashenka / Lukashenko): the curated files win. Names of
countries and their metonyms are never reused. **Re-run this script after adding people or groups to the
curated files** (the validator refuses a name used by two entities).

Usage::

    .venv/bin/python scripts/convert_phoenix.py [--src ../shared/reference/phoenix]
        [--out src/konflikt/data/actors/phoenix.yaml] [--min-year 1990]

``--min-year`` keeps only people with a role ending in or after that year (default 1990, the period the
news Konflikt codes talks about; earlier leaders are mostly noise). ``--max-entities`` (default 1500)
keeps the most notable actors (`notability`: spelling variants, surname alias, head-of-state/government
listing, IGO/rebel/opposition roles, office after 2000): all ~17,000 would make the file 4.5 MB and
loading the knowledge base (validated on every load) take ~8 s; with 1,500 (0.37 MB) the whole knowledge
base loads in ~0.9 s (0.3 s without this file). Only political roles are written (a leader's elite
status around the office is dropped: outside a role a person's code is their country). The output is
deterministic; tests/actors/test_phoenix.py checks that the shipped file is what this script writes.
Then run ``.venv/bin/konflikt actors check``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from konflikt.actors.kb import KnowledgeBase, fold, load_kb, sector_codes  # noqa: E402

DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "phoenix"
DEFAULT_OUT = ROOT / "src" / "konflikt" / "data" / "actors" / "phoenix.yaml"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
KEEP_SECTORS = {"GOV", "MIL", "REB", "LEG", "JUD", "COP", "SPY", "OPP", "PTY", "INS", "IGO"}
# Legacy CAMEO country codes -> ISO 3166-1 alpha-3.
LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR",
          "SER": "SRB", "KOS": "XKX", "YUG": "SRB", "DRV": "VNM", "GMY": "DEU", "WSM": "WSM", "ANG": "AGO",
          "KSV": "XKX", "USR": "RUS", "SUN": "RUS", "SCG": "SRB"}
TITLE_WORDS = {
    "president", "presidents", "minister", "ministers", "secretary", "general", "leader", "former", "ex",
    "chairman", "chairwoman", "premier", "prime", "king", "queen", "prince", "princess", "foreign", "defense",
    "defence", "interior", "finance", "chief", "commander", "ambassador", "envoy", "governor", "mayor",
    "senator", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "adm", "dr", "mr", "mrs", "ms",
    "sheikh", "ayatollah", "emir", "sultan", "speaker", "deputy", "vice", "head", "of", "the", "party",
    "opposition", "rebel", "spokesman", "official", "chancellor", "director", "judge", "justice",
    "soviet", "communist", "acting", "new", "then", "and", "late", "cabinet", "administration", "government",
    "regime", "army", "military", "colonel", "marshal", "field", "supreme", "ruler", "dictator", "strongman",
    "warlord", "cleric", "imam", "pope", "cardinal", "bishop", "archbishop", "rev", "reverend", "father",
}
SURNAME_MIN = 4
MAX_NAMES = 5


def notability(ent: dict) -> float:
    """How likely an actor is to be named in the news, from what the dictionary records about it.

    The Phoenix editors add spelling variants and a surname alias for the actors they meet often, and
    list heads of state and government with their elite (ELI) status around the office; IGO officials
    and rebel or opposition leaders are rare and valuable; recent office counts more than old.
    """
    score = float(len(ent["names"]["en"]))
    roles = ent.get("roles", [])
    sectors = {r.get("sector") for r in roles}
    if ent.get("_leader"):
        score += 2
    if sectors & {"IGO", "REB", "OPP", "MIL", "SPY", "INS"}:
        score += 2
    if ent["kind"] == "group":
        score += 1.5 if len(ent["names"]["en"]) > 1 else 0.5
    ends = [r["to"] for r in roles if r.get("from") or r.get("to")]
    if ends and any(e is None or e >= "2000" for e in ends):
        score += 1
    if any(" " not in n for n in ent["names"]["en"]):
        score += 1  # a surname alias: the editors met this person often
    return score
_DATE = re.compile(r"^\d{6}$|^\d{8}$")


@dataclass
class Block:
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 0


def parse_file(path: Path) -> list[Block]:
    """TABARI actor blocks: names, then codes (inline or on indented lines)."""
    blocks: list[Block] = []
    cur: Block | None = None
    seen_codes = False
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", "", line).strip()
        if text:
            is_syn = text.startswith("+")
            text = text.lstrip("+").strip()
            if cur is None or (seen_codes and not is_syn) or (not is_syn and codes and cur.codes):
                cur = Block(source=path.name, line=n)
                blocks.append(cur)
                seen_codes = False
            if text:
                cur.names.append(text)
        if codes and cur is not None:
            cur.codes += [c.strip() for c in codes]
            seen_codes = True
    return [b for b in blocks if b.names and b.codes]


def _acronym_like(word: str) -> bool:
    """An all-capitals token that reads as an acronym: PKK, PLO, ETA, FARC, LTTE, DHKP/C (not AMAL, HAMAS)."""
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "AEIOUY" for c in letters)
    return 2 <= len(letters) <= 6 and ("/" in word or len(letters) <= 3 or (len(letters) == 4 and vowels <= 1))


def pretty_name(raw: str) -> tuple[str, list[str]]:
    """'VLADIMIR_PUTIN_' -> 'Vladimir Putin'; also the acronyms in parentheses: '..._(ELF)_' -> ['ELF'].

    Capitalisation: each word capitalised, also after a hyphen ("Al-Qaeda") and after a one-letter
    apostrophe prefix ("O'Kennedy", "D'Alema", but "People's"); a name that is one acronym-like word
    stays in capitals (PKK, ETA).
    """
    text = raw.replace("_", " ")
    acronyms = [a for a in re.findall(r"\(([^)]*)\)", text) if _acronym_like(a.strip()) and " " not in a.strip()]
    text = re.sub(r"\([^)]*\)", " ", text)
    words = [w for w in text.split() if w]
    if len(words) == 1 and _acronym_like(words[0]):
        return words[0], acronyms
    out = []
    for w in words:
        parts = re.split(r"([-'’./])", w.lower())
        buf = ""
        for k, p in enumerate(parts):
            if p and p[0].isalpha():
                prev_sep = parts[k - 1] if k else ""
                prev_word = parts[k - 2] if k >= 2 else ""
                if prev_sep in {"'", "’"} and len(prev_word) != 1:
                    buf += p
                else:
                    buf += p[0].upper() + p[1:]
            else:
                buf += p
        out.append(buf)
    name = re.sub(r"\s+", " ", " ".join(out)).strip(" ,;-")
    return name, acronyms


def parse_day(s: str) -> date | None:
    """YYMMDD (>30: 19YY, else 20YY) or YYYYMMDD; None if invalid."""
    if not _DATE.match(s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        year = 1900 + yy if yy > 30 else 2000 + yy
        s = f"{year}{s[2:]}"
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


@dataclass
class Code:
    code: str
    start: date | None
    end: date | None
    dated: bool


def parse_code(text: str) -> Code | None:
    """'RUSGOV 991231-080507' / 'RUSELI >991231' / 'USAGOV <061231' / 'RUSELI' -> Code (None if broken)."""
    parts = text.replace("> ", ">").replace("< ", "<").split()
    if not parts or not re.fullmatch(r"[A-Z]{3}([A-Z0-9]{3})*", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Code(code, None, None, False)
    rng = parts[1]
    if rng.startswith(">"):
        d = parse_day(rng[1:])
        return Code(code, d, None, True) if d else None
    if rng.startswith("<"):
        d = parse_day(rng[1:])
        return Code(code, None, d, True) if d else None
    if "-" in rng:
        a, _, b = rng.partition("-")
        da, db = parse_day(a), parse_day(b)
        if da is None or db is None or da >= db:
            return None
        return Code(code, da, db, True)
    return None


def merge(ranges: list[tuple[date | None, date | None]]) -> list[tuple[date | None, date | None]]:
    """Union of half-open ranges (None = open)."""
    lo = date.min
    hi = date.max
    items = sorted(((a or lo), (b or hi)) for a, b in ranges)
    out: list[list[date]] = []
    for a, b in items:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(None if a == lo else a, None if b == hi else b) for a, b in out]


def _dictionary_word(name: str) -> bool:
    """A single word that is a common English word ("Youth", "Falcon", "Zero"): simplemma's English dictionary
    knows its lower-case form with a lower-case lemma (it lists names capitalised)."""
    from konflikt.nlp.dictionary import is_known, lemmatize

    low = name.lower()
    return is_known(low, "en") and lemmatize(low, "en")[:1].islower()


def snake(name: str) -> str:
    s = fold(name)
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s or "x"


class Converter:
    def __init__(self, kb: KnowledgeBase, min_year: int, max_entities: int = 0) -> None:
        self.kb = kb
        self.min_year = min_year
        self.max_entities = max_entities
        self.sectors = set(sector_codes())
        self.countries = {e.id for e in kb.entities("country")}
        self.igo_by_code = {}
        for e in kb:
            if e.kind in {"igo", "org"} and e.code and e.code.startswith("IGO"):
                self.igo_by_code.setdefault(e.code, e.id)
        # names taken by the curated files (whole entries are skipped) and by countries (names dropped)
        self.curated: set[str] = set()
        self.curated_people: set[tuple[str, str | None]] = set()
        self.reserved: set[str] = set()
        for e in kb:
            forms = [e.name] + [n for ns in e.names.values() for n in ns]
            if e.kind == "country":
                forms += [n for ns in e.metonyms.values() for n in ns]
                forms += [n for ns in e.demonyms.values() for n in ns]
                forms += [n for ns in e.adjectives.values() for n in ns]
                self.reserved.update(fold(f) for f in forms)
            elif not e.source.endswith("phoenix.yaml"):
                self.curated.update(fold(f) for f in forms)
                if e.kind == "person":  # the same person spelled differently: Lukashenka / Lukashenko
                    self.curated_people.update((fold(f).split()[-1], e.country) for f in forms if f.split())
        self.common = self._common_words()
        self.stats: Counter = Counter()

    def _common_words(self) -> set[str]:
        words: set[str] = set()
        try:
            from spacy.lang.en.stop_words import STOP_WORDS as EN
            from spacy.lang.sv.stop_words import STOP_WORDS as SV

            words |= {fold(w) for w in EN | SV}
        except ImportError:  # pragma: no cover
            pass
        for lang in ("en", "sv"):
            words |= {f.split()[-1] for f in self.kb.sector_forms(lang)}
        try:
            from konflikt.events.lexicon import load_lexicon

            for lang in ("en", "sv"):
                for e in load_lexicon(lang).triggers:
                    words |= {fold(f) for f in e.forms}
        except Exception:  # noqa: BLE001 - the lexicons are a nicety here
            pass
        words |= {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                  "saturday", "sunday", "god", "allah", "new", "north", "south", "east", "west", "china",
                  "king", "prince", "bush", "rice", "wolf", "hope", "love", "ali", "mohammed", "muhammad"}
        return words

    # -------------------------------------------------------------------------------------------
    def where(self, code: str) -> tuple[str | None, str | None, str | None]:
        """(entity id, country, sector) a code points to; (None, ...) if unusable."""
        head = LEGACY.get(code[:3], code[:3])
        chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
        sector = next((c for c in chunks if c in self.sectors), None)
        if head in self.countries:
            return head, head, sector
        if head == "IGO":
            for k in range(len(code), 5, -3):
                eid = self.igo_by_code.get(code[:k])
                if eid:
                    return eid, None, "IGO"
        return None, None, None

    def names_of(self, block: Block, person: bool = True) -> list[str]:
        out: list[str] = []
        forms: list[str] = []
        for raw in block.names:
            name, acronyms = pretty_name(raw)
            forms += [name, *acronyms]
        for name in forms:
            if not name or len(name) < 3 or any(ch.isdigit() for ch in name) or "," in name:
                continue
            words = [w.lower().strip(".") for w in re.split(r"[\s]+", name)]
            if person and any(w in TITLE_WORDS for w in words):
                continue
            if len(words) == 1 and not name.isupper() and (len(name) < SURNAME_MIN or fold(name) in self.common
                                                            or _dictionary_word(name)):
                continue
            if fold(name) in self.reserved:
                continue
            out.append(name)
        return list(dict.fromkeys(out))

    def person(self, block: Block) -> dict | None:
        codes = [c for c in (parse_code(t) for t in block.codes) if c is not None]
        if not any(c.dated for c in codes):
            return None
        by_code: dict[str, list[tuple[date | None, date | None]]] = {}
        where: dict[str, tuple[str, str | None, str | None]] = {}
        for c in codes:
            eid, country, sector = self.where(c.code)
            if eid is None:
                self.stats["role: unknown code"] += 1
                continue
            code = c.code if c.code[:3] not in LEGACY else LEGACY[c.code[:3]] + c.code[3:]
            where[code] = (eid, country, sector)
            by_code.setdefault(code, []).append((c.start, c.end))
        if not by_code:
            return None
        roles = []
        for code, ranges in by_code.items():
            eid, country, sector = where[code]
            for a, b in merge(ranges):
                roles.append({"code": code, "country": country, "sector": sector,
                              "from": a.isoformat() if a else None, "to": b.isoformat() if b else None,
                              "entity": eid})
        if not any(r["sector"] in KEEP_SECTORS for r in roles):
            self.stats["person: no political role"] += 1
            return None
        # heads of state/government carry their elite (ELI) status around the office in CountryInfo; the
        # status itself is not kept (outside a political role a person's code is their country)
        leader = any(r["sector"] == "ELI" for r in roles)
        roles = [r for r in roles if r["sector"] in KEEP_SECTORS]
        last = max((date.fromisoformat(r["to"]) if r["to"] else date.max) for r in roles if r["from"] or r["to"])
        if last.year < self.min_year:
            self.stats["person: before min year"] += 1
            return None
        roles.sort(key=lambda r: (r["from"] or "", r["code"]))
        country = next((r["country"] for r in roles if r["country"]), None)
        for r in roles:
            if r["country"] == country:
                r["country"] = None  # the person's own country is implied
        return {"kind": "person", "country": country, "roles": roles, "_leader": leader}

    def group(self, block: Block) -> dict | None:
        for t in block.codes:
            c = parse_code(t)
            if c is None or c.dated:
                continue
            if c.code.startswith("IMG") and len(c.code) >= 6:  # international militarized group (al-Qaeda ...)
                sector = next((c.code[i:i + 3] for i in range(3, len(c.code), 3)
                               if c.code[i:i + 3] in self.sectors), "INS")
                return {"kind": "group", "country": None, "sector": sector, "code": c.code}
            eid, country, sector = self.where(c.code)
            if eid is None or country is None:
                continue
            return {"kind": "group", "country": country, "sector": sector or "REB",
                    "code": LEGACY.get(c.code[:3], c.code[:3]) + c.code[3:]}
        return None

    def convert(self, src: Path) -> list[dict]:
        cands: list[tuple[Block, dict, list[str]]] = []
        for fname in FILES:
            path = src / fname
            if not path.exists():
                print(f"convert_phoenix: missing {path}", file=sys.stderr)
                continue
            for block in parse_file(path):
                self.stats["blocks"] += 1
                rec = self.group(block) if fname.endswith("MilNonState.actors.txt") else self.person(block)
                if rec is None:
                    continue
                forms = [f for n in block.names for f in [pretty_name(n)[0], *pretty_name(n)[1]]]
                if any(fold(f) in self.curated for f in forms) or (rec["kind"] == "person" and any(
                        (fold(f).split()[-1], rec.get("country")) in self.curated_people for f in forms if f.split())):
                    self.stats["skipped: in curated files"] += 1
                    continue
                names = self.names_of(block, person=rec["kind"] == "person")
                if not names:
                    self.stats["skipped: no usable name"] += 1
                    continue
                cands.append((block, rec, names))
        # a name used by two Phoenix actors is ambiguous: drop it from both
        owners = Counter(fold(n) for _, _, names in cands for n in set(names))
        out: list[dict] = []
        ids: set[str] = set()
        seen_full: set[tuple] = set()
        for _block, rec, names in cands:
            uniq = [n for n in names if owners[fold(n)] == 1]
            uniq.sort(key=lambda n: n.isupper())  # a full name, not an acronym, names the entity
            if not uniq:
                self.stats["skipped: only ambiguous names"] += 1
                continue
            key = (fold(uniq[0]), rec.get("code"), tuple((r["code"], r["from"]) for r in rec.get("roles", [])))
            if key in seen_full:
                continue
            seen_full.add(key)
            base = "phx_" + snake(uniq[0])
            eid, k = base, 2
            while eid in ids or eid in self.kb:
                eid, k = f"{base}_{k}", k + 1
            ids.add(eid)
            ent = {"id": eid, "name": uniq[0], **{k: v for k, v in rec.items() if v is not None and k != "_leader"}}
            ent["_leader"] = rec.get("_leader", False)
            ent["names"] = {"en": uniq[:MAX_NAMES]}
            out.append(ent)
        out.sort(key=lambda e: (-notability(e), e["id"]))
        if self.max_entities and len(out) > self.max_entities:
            self.stats["skipped: less notable (over --max-entities)"] += len(out) - self.max_entities
            out = out[: self.max_entities]
        for e in out:
            self.stats[e["kind"]] += 1
            e.pop("_leader", None)
        out.sort(key=lambda e: (e["kind"], e["id"]))
        return out


def _q(s: str) -> str:
    import json

    return json.dumps(s, ensure_ascii=False)


def to_yaml(entities: list[dict]) -> str:
    head = [
        "# Konflikt actor knowledge base: people and armed groups from the Phoenix/PETRARCH2 actor dictionaries.",
        "# GENERATED by scripts/convert_phoenix.py - do not edit by hand; fix the curated files (people.yaml,",
        "# groups.yaml), which win over this file, or the converter. Format: docs/actors.md.",
        "#",
        "# Source: Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt",
        "# (Open Event Data Alliance, MIT licence, Copyright (c) 2014 Open Event Data Alliance). Roles: `to` is",
        "# the first day out of office; dates as given in the dictionaries (state of 2014).",
        "version: 1",
        "entities:",
    ]
    lines = list(head)
    for e in entities:
        lines.append(f"- id: {e['id']}")
        lines.append(f"  name: {_q(e['name'])}")
        lines.append(f"  kind: {e['kind']}")
        for key in ("country", "sector", "code"):
            if e.get(key):
                lines.append(f"  {key}: {e[key]}")
        lines.append("  names:")
        lines.append("    en: [" + ", ".join(_q(n) for n in e["names"]["en"]) + "]")
        if e.get("roles"):
            lines.append("  roles:")
            for r in e["roles"]:
                parts = [f"code: {r['code']}"]
                if r.get("country"):
                    parts.append(f"country: {r['country']}")
                if r.get("sector"):
                    parts.append(f"sector: {r['sector']}")
                parts.append(f"from: {r['from'] or 'null'}")
                parts.append(f"to: {r['to'] or 'null'}")
                parts.append(f"entity: {r['entity']}")
                lines.append("    - {" + ", ".join(parts) + "}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-year", type=int, default=1990)
    ap.add_argument("--max-entities", type=int, default=1500,
                    help="keep the most notable actors only (0: all); keeps KB loading fast")
    args = ap.parse_args(argv)
    others = [p for p in sorted((ROOT / "src" / "konflikt" / "data" / "actors").glob("*.yaml"))
              if p.resolve() not in {args.out.resolve(), DEFAULT_OUT.resolve()}]
    kb = load_kb(others)
    conv = Converter(kb, args.min_year, args.max_entities)
    entities = conv.convert(args.src)
    args.out.write_text(to_yaml(entities), encoding="utf-8")
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({len(entities)} entities, {size / 1e6:.2f} MB)")
    for k, v in sorted(conv.stats.items()):
        print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
