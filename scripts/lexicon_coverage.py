"""Which frequent verbs and nouns of a news corpus the Swedish trigger lexicon does not know.

    .venv/bin/python scripts/lexicon_coverage.py [--corpus DIR] [--top 3000] [--show 400] [--min 3]

Reads the Swedish web-news sentences of 2012 in ../shared/data/ner/sv (`*_corpus.txt`: one token and
its NER tag per line, a blank line between sentences), parses them with Konflikt's own Swedish pipeline,
and counts VERB lemmas (with their particle, "dra tillbaka", when the parser attaches one) and NOUN
lemmas. Of the `--top` most frequent of each it prints, most frequent first, those the trigger
lexicon does not cover: no entry matches the lemma (or "lemma particle"), it is not the head of a
`compound: true` noun, and it is not a light verb, speech verb or modality word. The list is for a
person to read: most of it is everyday vocabulary; the conflict and cooperation words in it are the
candidates for new triggers (docs/triggers.md). The summary line gives the share of verb and noun
tokens in the corpus whose lemma is a trigger, a rough coverage measure to compare lexicon versions.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ner" / "sv"


def read_sentences(corpus: Path) -> list[str]:
    """Sentences of the token-per-line files of `corpus`, tokens joined by spaces."""
    out: list[str] = []
    for path in sorted(corpus.glob("*_corpus.txt")):
        toks: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("\t")[0].replace("\u00ad", "").strip()
            if not word:
                if toks:
                    out.append(" ".join(toks))
                toks = []
            else:
                toks.append(word)
        if toks:
            out.append(" ".join(toks))
    return out


def count_lemmas(sentences: list[str], nlp) -> tuple[Counter, Counter]:
    """(verb counts keyed "lemma" or "lemma particle", noun lemma counts)."""
    verbs: Counter = Counter()
    nouns: Counter = Counter()
    for doc in nlp.pipe(sentences):
        for tok in doc:
            lemma = (tok.lemma_ or tok.text).lower()
            if not lemma.isalpha():
                continue
            if tok.pos_ == "VERB":
                prt = [c.text.lower() for c in tok.children if c.dep_ == "compound:prt"]
                verbs[f"{lemma} {prt[0]}" if prt else lemma] += 1
            elif tok.pos_ == "NOUN":
                nouns[lemma] += 1
    return verbs, nouns


def known(lemma: str, pos: str, lex) -> bool:
    """True if the lexicon codes or uses `lemma` (a trigger, a compound with a trigger head, a closed word)."""
    if lex.lookup(lemma, pos):
        return True
    if pos == "NOUN":
        return bool(lex.compound_heads(lemma))
    closed = {lv.lemma for lv in lex.light_verbs} | set(lex.speech_verbs)
    closed |= {w for words in lex.modality.values() for w in words}
    if lemma in closed:
        return True
    # "verb particle" counted under a plain trigger verb that needs no particle or object
    bare = lemma.split()[0]
    return bare != lemma and any(e.particle is None and not e.requires_qualifier for e in lex.lookup(bare, pos))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--top", type=int, default=3000, help="how many of the most frequent lemmas of each POS to review")
    ap.add_argument("--show", type=int, default=400, help="how many uncovered lemmas of each POS to print")
    ap.add_argument("--min", type=int, default=3, help="least corpus frequency to print")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2

    from konflikt.config import Settings
    from konflikt.pipeline import Coder

    res = Coder(Settings()).resources("sv")
    sentences = read_sentences(args.corpus)
    verbs, nouns = count_lemmas(sentences, res.nlp)
    lex = res.lexicon
    for pos, counts in (("VERB", verbs), ("NOUN", nouns)):
        total = sum(counts.values())
        covered = sum(n for lemma, n in counts.items() if lex.lookup(lemma, pos) or (
            pos == "NOUN" and lex.compound_heads(lemma)))
        missing = [(lemma, n) for lemma, n in counts.most_common(args.top)
                   if n >= args.min and not known(lemma, pos, lex)]
        print(f"# {pos}: {len(sentences)} sentences, {total} tokens, {len(counts)} lemmas; "
              f"{covered / max(total, 1):.1%} of tokens are triggers; "
              f"{len(missing)} of the top {args.top} lemmas are not in the lexicon")
        for lemma, n in missing[: args.show]:
            print(f"{n:6d}  {lemma}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
