#!/usr/bin/env python3
"""Derive a trigger lexicon for a new language from the Swedish one and a translation table.

    python scripts/derive_lexicon.py nb            # writes src/konflikt/data/triggers/nb.yaml
    python scripts/derive_lexicon.py nb --check    # exit 1 if the committed file is stale

Inputs (all data, the project's own work): `triggers/sv.yaml`; `scripts/data/triggers_sv_<lang>.tsv`, whose
`t SVKEY NBKEY [VARIANTS]` lines translate one Swedish entry (key: lemma/P[+particle][@prep][~]; several lines
for one SVKEY give it several counterparts: "enas om" -> "enes om", "bli enige om") and `w SV NB[,NB...]` lines
translate qualifier and closed-class words (one Swedish word may have several counterparts; a tab after SV when
it has spaces); `scripts/data/triggers_<lang>_header.yaml`, the closed lists
(negators, modality, speech verbs, prepositions, light verbs) written directly in the new language. Each derived
entry keeps the Swedish entry's event, mode, context, CAMEO code, intensity and flags; qualifiers keep the
words the table translates (a qualifier left with none is dropped). A Swedish entry without a `t` line has no
counterpart yet (the script prints how many).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "konflikt" / "data" / "triggers"
KEY = re.compile(r"^(?P<lemma>[^/]+)/(?P<pos>[VN])(?:\+(?P<particle>[^@~]+))?(?:@(?P<prep>[^~]+))?(?P<refl>~)?$")
POS = {"V": "VERB", "N": "NOUN"}
ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e"})


def entry_key(t: dict) -> str:
    return (t["lemma"] + "/" + t["pos"][0] + (f"+{t['particle']}" if t.get("particle") else "")
            + (f"@{t['prep']}" if t.get("prep") else "") + ("~" if t.get("reflexive") else ""))


def read_table(path: Path) -> tuple[dict[str, list[tuple[str, list[str]]]], dict[str, list[str]]]:
    entries: dict[str, list[tuple[str, list[str]]]] = {}
    words: dict[str, list[str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        if kind == "t":
            parts = rest.split()
            if len(parts) < 2 or not KEY.match(parts[0]) or not KEY.match(parts[1]):
                raise SystemExit(f"{path}:{n}: bad entry line")
            if any(nb == parts[1] for nb, _ in entries.get(parts[0], ())):
                raise SystemExit(f"{path}:{n}: {parts[0]} -> {parts[1]} twice")
            entries.setdefault(parts[0], []).append((parts[1], [v for p in parts[2:] for v in p.split(",") if v]))
        elif kind == "w":
            sv, _, nb = rest.partition("\t" if "\t" in rest else " ")
            if not nb:
                raise SystemExit(f"{path}:{n}: bad word line")
            words.setdefault(sv, []).extend(w.strip() for w in nb.split(",") if w.strip())
        else:
            raise SystemExit(f"{path}:{n}: a line starts with t or w")
    return entries, words


def derive(lang: str) -> tuple[str, int, str]:
    sv = yaml.safe_load((DATA / "sv.yaml").read_text(encoding="utf-8"))
    entries, words = read_table(ROOT / "scripts" / "data" / f"triggers_sv_{lang}.tsv")
    header_path = ROOT / "scripts" / "data" / f"triggers_{lang}_header.yaml"
    header = header_path.read_text(encoding="utf-8").rstrip() + "\n"
    out: list[dict] = []
    ids: set[str] = set()

    def translated(sv_words) -> list[str]:  # a word list (qualifier, negated_as) in the target language
        return list(dict.fromkeys(nb for w in sv_words for nb in words.get(w, ())))

    pairs = [(t, hit) for t in sv["triggers"] for hit in entries.get(entry_key(t), ())]
    for t, hit in pairs:
        m = KEY.match(hit[0])
        new: dict = {}
        lemma = m["lemma"]
        base = f"{lang}.{lemma}" + (f"_{m['particle']}" if m["particle"] else "") + (
            f"_{m['prep']}" if m["prep"] else "") + ("_" + t["pos"].lower() if t["pos"] == "NOUN" else "")
        base = base.translate(ASCII).replace(" ", "_")
        tid, k = base, 2
        while tid in ids:
            tid, k = f"{base}{k}", k + 1
        ids.add(tid)
        new["id"] = tid
        new["lemma"] = lemma
        if hit[1]:
            new["variants"] = hit[1]
        new["pos"] = POS[m["pos"]]
        if m["particle"]:
            new["particle"] = m["particle"]
        if m["prep"]:
            new["prep"] = m["prep"]
        if m["refl"]:
            new["reflexive"] = True
        for field in ("compound", "event", "mode", "context", "cameo", "intensity", "converse", "reciprocal",
                      "needs_recipient", "requires_qualifier"):
            if field in t:
                new[field] = t[field]
        quals = []
        for q in t.get("qualifiers") or ():
            q = dict(q)
            if "words" in q:
                q["words"] = translated(q["words"])
                if not q["words"]:
                    continue
            quals.append(q)
        if quals:
            new["qualifiers"] = quals
        elif t.get("requires_qualifier"):
            continue
        neg = t.get("negated_as")
        if neg:
            neg = dict(neg)
            neg["words"] = translated(neg.get("words", ()))
            if neg["words"]:
                new["negated_as"] = neg
        new["note"] = f"from {t['id']}"
        out.append(new)
    body = yaml.safe_dump({"triggers": out}, allow_unicode=True, sort_keys=False, width=120)
    covered = len({id(t) for t, _ in pairs})
    return header + body, len(out), f"{covered} of {len(sv['triggers'])}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text, n, total = derive(args.lang)
    path = DATA / f"{args.lang}.yaml"
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is stale: re-run scripts/derive_lexicon.py {args.lang}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {n} entries derived from {total} Swedish ones")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
