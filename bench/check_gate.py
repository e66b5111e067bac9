"""Is the fast path's trigger gate a superset of the trigger finder on the benchmark corpora?

    .venv/bin/python bench/check_gate.py [--lang sv|en|both] [--limit N]

Parses every sentence the gate (`konflikt.events.prefilter`) rejects and looks for triggers with the parser-based
finder (`konflikt.events.extract.find_triggers`, plus obligation requests). Prints, per language, how many
sentences were read, rejected and missed (a rejected sentence that has a trigger); exits 1 if any was missed.
The corpora are those of bench/throughput.py (Swedish web news 2012 NER corpus, English EWT).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import english_sentences, swedish_sentences  # noqa: E402

from konflikt.config import Settings  # noqa: E402
from konflikt.events.extract import _obligation_requests, find_triggers  # noqa: E402
from konflikt.events.prefilter import gate_for  # noqa: E402
from konflikt.pipeline import Coder  # noqa: E402


def check(lang: str, limit: int | None) -> tuple[int, int, list[str]]:
    gate = gate_for(lang)
    res = Coder(Settings(lang=lang)).resources(lang)
    sents = (swedish_sentences() if lang == "sv" else english_sentences())[:limit]
    rejected = [s for s in sents if not gate.may_hold_event(s)]
    missed = [sent.text for doc in res.nlp.pipe(rejected) for sent in doc.sents
              if find_triggers(sent, res.lexicon, lang) or _obligation_requests(sent, res.lexicon, set())]
    return len(sents), len(rejected), missed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("sv", "en", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="at most this many sentences per language")
    args = ap.parse_args()
    bad = False
    for lang in ("sv", "en") if args.lang == "both" else (args.lang,):
        n, rej, missed = check(lang, args.limit)
        print(f"{lang}: {n} sentences, {rej} rejected by the gate ({rej / max(n, 1):.0%}), {len(missed)} missed")
        for m in missed[:20]:
            print(f"  missed: {m}")
        bad = bad or bool(missed)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
