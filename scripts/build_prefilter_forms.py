"""Write src/konflikt/data/prefilter/<lang>.forms.json: the irregular inflected forms of trigger lemmas.

    .venv/bin/python scripts/build_prefilter_forms.py [sv en]

For every trigger form (lemma, variant, multiword first word) and obligation word of the packaged lexicon,
the forms that simplemma's dictionary or the Universal Dependencies treebanks our lemmatizers were trained
on (../shared/data/ud/<lang>/*.conllu, when present) map to it and that do not start with its stem
(`konflikt.events.prefilter.stem`): "ta" -> tog; "fight" -> fought; "hold" -> held; for a stem of
`SHORT_START` letters or fewer (matched as whole words with regular endings) every other form too:
"gripa" -> gripit, "be" -> ber, bett. The fast-path gate
(`konflikt.events.prefilter`) reads the file; re-run this after adding triggers
(tests/pipeline/test_prefilter.py says when it is stale).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from konflikt.events.lexicon import load_lexicon
from konflikt.events.prefilter import SHORT_START, gate_words, stem

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "konflikt" / "data" / "prefilter"
UD = ROOT.parent / "shared" / "data" / "ud"


def form_lemma_pairs(lang: str):
    """(form, lemma) pairs of simplemma's dictionary and of the UD treebanks of `lang`."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    yield from DefaultDictionaryFactory().get_dictionary(lang).items()
    for path in sorted((UD / lang).glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 2 and cols[0].isdigit():
                yield cols[1], cols[2]


def irregular_forms(lang: str) -> dict[str, list[str]]:
    """{lemma: sorted forms not starting with its stem} for the trigger words of `lang`."""
    wanted = gate_words(load_lexicon(lang)).all_words()
    out: dict[str, set[str]] = {}
    for form, lemma in form_lemma_pairs(lang):
        lemma = lemma.lower()
        if lemma in wanted:
            f = form.lower()
            st = stem(lemma, lang)
            if f.isalpha() and f != lemma and (not f.startswith(st) or len(st) <= SHORT_START):
                out.setdefault(lemma, set()).add(f)
    return {k: _minimal(v) for k, v in sorted(out.items())}


def _minimal(forms: set[str]) -> list[str]:
    """The forms no other listed form is a prefix of (the gate matches word starts; a form of SHORT_START
    letters or fewer matches only whole words, so it neither covers nor is covered by another)."""
    keep: list[str] = []
    for f in sorted(forms, key=len):
        if len(f) <= SHORT_START or not any(f.startswith(k) for k in keep if len(k) > SHORT_START):
            keep.append(f)
    return sorted(keep)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in sys.argv[1:] or ["sv", "en"]:
        data = irregular_forms(lang)
        lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()]
        (OUT / f"{lang}.forms.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        print(f"{lang}: {sum(map(len, data.values()))} forms of {len(data)} lemmas")


if __name__ == "__main__":
    main()
