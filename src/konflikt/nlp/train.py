"""Train, assemble and evaluate Konflikt's spaCy pipelines, reproducibly and offline.

Usage::

    python -m konflikt.nlp.train --lang sv --data ../shared/data --out src/konflikt/nlp/models/sv
    python -m konflikt.nlp.train --lang en --data ../shared/data --out src/konflikt/nlp/models/en
    python -m konflikt.nlp.train --lang nb --data ../shared/data --out src/konflikt/nlp/models/nb

Steps:

1. Convert the data to spaCy ``DocBin`` files in a work directory (default ``build/nlp/<lang>``):
   UD CoNLL-U via ``spacy.training.converters.conllu_to_docs``; the Swedish NER corpus (IO tags) into
   entity spans (BIO); for Bokmål the NDT corpus with NorNE labels (``name=B-PER`` in column 10).
2. Train the core pipeline (tok2vec, [tagger,] morphologizer, parser, trainable_lemmatizer) with the
   config ``configs/<lang>_core.cfg`` and, for Swedish and Bokmål, a separate NER pipeline with its own
   embedded tok2vec (``configs/<lang>_ner.cfg``), with ``spacy.cli.train.train`` on CPU (``--gpu-id -1``), one thread.
3. Assemble the final pipeline: core + ``ner`` sourced from the NER pipeline + the registered
   ``konflikt_lemma_fixer`` after the lemmatizer; save it to ``--out`` (no training-only files).
4. Evaluate on the held-out data and measure speed (``nlp.pipe``, one process, pinned to one core, one
   thread), and write ``<out>/metrics.json``.

Data splits (fixed, seeded with ``--seed``, default 0):

* ``sv``: all sentences of UD Swedish-Talbanken dev + test and UD Swedish-PUD test, in that order, are
  shuffled with ``random.Random(seed)``; the first 10% are the held-out **test** slice, the next 5% the
  **dev** slice (model selection / early stopping), the remaining 85% **train**. Within each slice the
  sentences keep their corpus order and are grouped 10 to a document (so the parser learns sentence
  boundaries). NER: ``train_corpus.txt`` minus a seeded 10% of its sentences (dev) for training,
  ``test_corpus.txt`` for evaluation.
* ``en``: UD English-EWT train (train), dev (dev), test (evaluation).
* ``nb``: like ``sv``, all sentences of UD Norwegian-Bokmaal dev + test (the train split is not available)
  in one seeded 10% test / 5% dev / 85% train split. NER: the whole NDT Bokmål corpus with NorNE labels
  minus every sentence of the UD test and dev slices (matched by their letters and digits, since NDT
  marks headlines with a ``|`` token and splits some full stops differently); NER dev / test = the UD dev /
  test slices with their own NorNE labels. NorNE's types are mapped to the Swedish NER's labels the
  actor resolver reads (``NORNE_MAP``: GPE_LOC and GPE_ORG -> LOC, PROD/EVT/MISC -> MISC, DRV dropped).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from konflikt.nlp import ndt  # noqa: E402
from konflikt.nlp.ndt import sentence_key  # noqa: E402

log = logging.getLogger("konflikt.nlp.train")

CONFIG_DIR = Path(__file__).resolve().parent / "configs"

UD_FILES = {
    "sv": ["sv_talbanken-ud-dev.conllu", "sv_talbanken-ud-test.conllu", "sv_pud-ud-test.conllu"],
    "en": ["en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"],
    "nb": ["no_bokmaal-ud-dev.conllu", "no_bokmaal-ud-test.conllu"],
}
SPLIT_LANGS = {"sv", "nb"}  # UD data without a train split: one seeded test/dev/train split of all of it
NER_LANGS = {"sv", "nb", "en"}
PHOENIX_PEOPLE_FILE = "Phoenix.Countries.actors.txt"
PHOENIX_GROUP_FILES = ("Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt")
EN_NAME_SWAPS = 3
SV_NAME_SWAPS = 0  # Swedish: name swaps measured (docs/nlp.md) but not shipped; --ner-swaps 3 trains that model
MARKED_NAME = re.compile(r"\[([^\]|]+)\|(PER|ORG|LOC|MISC)\]")
NB_NER_FILE = "ndt_nob_norne.conll"
# NorNE's entity types -> the labels the actor resolver and the place finder read (those of the Swedish
# NER): countries and cities are places whether they act (GPE_ORG) or not (GPE_LOC); products and events
# are MISC; derived words ("norske") are no names.
NORNE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE_LOC": "LOC", "GPE_ORG": "LOC",
             "PROD": "MISC", "EVT": "MISC", "MISC": "MISC", "DRV": ""}
NER_LABELS = {"PER", "ORG", "LOC", "MISC"}
OUTSIDE = {"0", "O"}
SENTS_PER_DOC = 10
SV_TEST_FRACTION = 0.10
SV_DEV_FRACTION = 0.05
NER_DEV_FRACTION = 0.10
SOURCES = {
    "sv": [
        {"name": "UD Swedish-Talbanken (dev+test)", "license": "CC BY-SA 4.0"},
        {"name": "UD Swedish-PUD (test)", "license": "CC BY-SA 4.0"},
        {"name": "Swedish NER corpus (Språkbanken Webbnyheter 2012)", "license": "CC BY 4.0"},
    ],
    "en": [{"name": "UD English-EWT", "license": "CC BY-SA 4.0"}],
    "nb": [
        {"name": "UD Norwegian-Bokmaal (dev+test, with NorNE entities)", "license": "CC0 1.0"},
        {"name": "Norwegian Dependency Treebank (Bokmål) with NorNE entities", "license": "CC0 1.0"},
    ],
}


# --------------------------------------------------------------------------------------------- data
def read_conllu_sentences(path: Path, vocab=None, ner_map: dict | None = None):
    """One spaCy Doc per sentence of a CoNLL-U file (spaCy's own converter), all on one `vocab`.

    Entities in MISC (``name=B-PER``) are read too, their types renamed by `ner_map` ('' = no entity).
    """
    from spacy.tokens import Doc
    from spacy.training.converters import conllu_to_docs

    text = path.read_text(encoding="utf-8")
    docs = list(conllu_to_docs(text, n_sents=1, no_print=True, ner_map=ner_map))
    if vocab is None:
        return docs
    return [Doc(vocab).from_bytes(d.to_bytes()) for d in docs]


def punctuation_lemmas_as_forms(doc):
    """UD Norwegian-Bokmaal (from NDT) writes the lemma of "." as "$."; the other treebanks, and Konflikt,
    use the form itself."""
    for t in doc:
        if t.lemma_ == "$" + t.text:
            t.lemma_ = t.text
    return doc


def group_docs(sents: Sequence, n: int = SENTS_PER_DOC) -> list:
    """Join consecutive sentence docs into documents of `n` sentences."""
    from spacy.tokens import Doc

    return [Doc.from_docs(list(sents[i:i + n])) for i in range(0, len(sents), n)]


def split_indices(n: int, seed: int, fractions: Sequence[float]) -> list[list[int]]:
    """Seeded shuffle of range(n) cut into slices of the given fractions (the rest last), each sorted."""
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    out, start = [], 0
    for f in fractions:
        k = round(n * f)
        out.append(sorted(idx[start:start + k]))
        start += k
    out.append(sorted(idx[start:]))
    return out


def read_ner_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of `token<whitespace>label` lines (IO tags), blank line between sentences.

    Malformed lines (no label, or an unknown label) are skipped with a warning.
    """
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    labels: list[str] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            if words:
                sents.append((words, labels))
                words, labels = [], []
            continue
        parts = line.rsplit(None, 1)
        if len(parts) != 2 or (parts[1] not in NER_LABELS and parts[1] not in OUTSIDE):
            log.warning("%s:%d: skipping malformed NER line %r", path.name, lineno, raw)
            continue
        words.append(parts[0])
        labels.append("O" if parts[1] in OUTSIDE else parts[1])
    if words:
        sents.append((words, labels))
    return sents


def io_to_bio(labels: Sequence[str]) -> list[str]:
    """IO tags -> BIO: a run of the same label is one entity."""
    out, prev = [], "O"
    for lab in labels:
        if lab == "O":
            out.append("O")
        else:
            out.append(("I-" if prev == lab else "B-") + lab)
        prev = lab
    return out


def ner_docs(vocab, sents: Sequence[tuple[list[str], list[str]]], n: int = SENTS_PER_DOC) -> list:
    from spacy.tokens import Doc

    docs = []
    for i in range(0, len(sents), n):
        chunk = sents[i:i + n]
        words = [w for ws, _ in chunk for w in ws]
        tags = [t for _, ls in chunk for t in io_to_bio(ls)]
        starts = [j == 0 for ws, _ in chunk for j in range(len(ws))]
        docs.append(Doc(vocab, words=words, spaces=[True] * len(words), ents=tags, sent_starts=starts))
    return docs


def save_docbin(docs: Iterable, path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def prepare_ud(lang: str, data_dir: Path, work: Path, seed: int, ndt_trees: bool = True,
               parser_trees: bool = False, own_repeat: int = 1, tagger_trees: bool = False) -> dict:
    """Write train/dev/test .spacy files for the core pipeline; returns a description of the split.

    For Bokmål with `ndt_trees`, every NDT sentence that is in no UD slice is added to the training data as
    a UD tree converted by `konflikt.nlp.ndt` (tables learned from the UD training slice only). For Swedish
    with `parser_trees`, the Bokmål trees (UD slices and converted NDT) are added with their dependencies
    only (tags, features and lemmas missing, so only the parser learns from them), and the Swedish training
    sentences are repeated `own_repeat` times. With `tagger_trees` as well, the Bokmål trees keep their UPOS
    and those features Swedish also marks (`swedish_features`), so the morphologizer learns from them too;
    lemmas stay missing (Bokmål spells them differently)."""
    from spacy.vocab import Vocab

    ud = data_dir / "ud" / lang
    vocab = Vocab()
    info: dict = {"sents_per_doc": SENTS_PER_DOC}
    if lang in SPLIT_LANGS:
        sents, origin = [], []
        for fn in UD_FILES[lang]:
            s = read_conllu_sentences(ud / fn, vocab, NORNE_MAP if lang == "nb" else None)
            if lang == "nb":
                s = [punctuation_lemmas_as_forms(d) for d in s]
            sents.extend(s)
            origin.extend([fn] * len(s))
        test_i, dev_i, train_i = split_indices(len(sents), seed, [SV_TEST_FRACTION, SV_DEV_FRACTION])
        splits = {"train": train_i, "dev": dev_i, "test": test_i}
        if lang == "nb" and ndt_trees:
            silver, info["ndt"] = ndt_silver(data_dir, vocab, len(sents), set(train_i), set(dev_i))
            sents.extend(silver)
            origin.extend([NB_NER_FILE] * len(silver))
            train_i = train_i + list(range(len(sents) - len(silver), len(sents)))
            splits["train"] = train_i
        if lang == "sv" and parser_trees:
            own = len(sents)
            feats = feature_inventory([sents[i] for i in train_i]) if tagger_trees else None
            foreign, info["parser_trees"] = parser_only_trees(data_dir, vocab, own_repeat, feats)
            sents.extend(foreign)
            origin.extend(["nb (parser only)"] * len(foreign))
            train_i = train_i * own_repeat + list(range(own, len(sents)))
            splits["train"] = train_i
        info["method"] = (f"all sentences of {', '.join(UD_FILES[lang])} (in that order) shuffled with "
                          f"random.Random({seed}); first {SV_TEST_FRACTION:.0%} = test (held out), next "
                          f"{SV_DEV_FRACTION:.0%} = dev (model selection), rest = train")
        for name, idx in splits.items():
            n_words = sum(len(sents[i]) for i in idx)
            save_docbin(group_docs([sents[i] for i in idx]), work / f"{name}.spacy")
            by_src: dict[str, int] = {}
            for i in idx:
                by_src[origin[i]] = by_src.get(origin[i], 0) + 1
            info[name] = {"sentences": len(idx), "words": n_words, "by_file": by_src}
            if name == "test" and lang == "sv":  # per-treebank test slices, for a breakdown of the scores
                for tb in ("talbanken", "pud"):
                    sub = [sents[i] for i in idx if (tb == "pud") == ("pud" in origin[i])]
                    if sub:
                        save_docbin(group_docs(sub), work / f"test_{tb}.spacy")
    else:
        names = {"train": UD_FILES["en"][0], "dev": UD_FILES["en"][1], "test": UD_FILES["en"][2]}
        info["method"] = "UD English-EWT: train = train, dev = dev (model selection), test = test (held out)"
        for name, fn in names.items():
            sents = read_conllu_sentences(ud / fn, vocab)
            save_docbin(group_docs(sents), work / f"{name}.spacy")
            info[name] = {"file": fn, "sentences": len(sents), "words": sum(len(s) for s in sents)}
    return info


def ndt_silver(data_dir: Path, vocab, n_ud: int, train_i: set[int], dev_i: set[int]) -> tuple[list, dict]:
    """The NDT sentences in no UD slice as spaCy docs of converted UD trees, and how the conversion scores.

    The conversion tables are learned from the NDT sentences aligned with the UD *training* slice and
    scored on those aligned with the dev slice (the test slice is not used at all). `n_ud`: how many UD
    sentences the caller read (the indices of `train_i` and `dev_i` are theirs)."""
    from spacy.tokens import Doc
    from spacy.training.converters import conllu_to_docs

    trees = ndt.read_ndt(data_dir / "ner" / "nb" / NB_NER_FILE)
    ud: list = []
    for fn in UD_FILES["nb"]:
        ud.extend(ndt.read_ud(data_dir / "ud" / "nb" / fn))
    if len(ud) != n_ud:
        raise ValueError(f"UD Bokmål sentences read twice differ in number: {len(ud)} vs {n_ud}")
    pairs = ndt.align(trees, ud)
    tables = ndt.learn(trees, ud, [(i, j) for i, j in pairs if j in train_i])
    scores = ndt.conversion_scores(trees, ud, [(i, j) for i, j in pairs if j in dev_i], tables)
    in_ud = {sentence_key(t.form for t in u) for u in ud}
    rest = [s for s in trees if sentence_key(t.form for t in s) not in in_ud]
    text = "\n".join(ndt.to_conllu(ndt.convert(s, tables), [t.ner for t in s]) for s in rest)
    docs = [Doc(vocab).from_bytes(d.to_bytes())
            for d in conllu_to_docs(text, n_sents=1, no_print=True, ner_map=NORNE_MAP)]
    docs = [punctuation_lemmas_as_forms(d) for d in docs]
    info = {"method": ("NDT sentences in no UD slice, converted to UD by konflikt.nlp.ndt (structure, tags "
                       "and labels learned from the NDT sentences aligned with the UD training slice), "
                       "added to the training slice"),
            "sentences": len(docs), "words": sum(len(d) for d in docs),
            "aligned_with_ud": len(pairs), "conversion_on_ud_dev_slice": scores}
    return docs, info


def feature_inventory(docs: Sequence) -> dict[str, set[str]]:
    """Every morphological feature and its values as the `docs` (a language's own training trees) mark them."""
    inv: dict[str, set[str]] = {}
    for d in docs:
        for t in d:
            for feat, value in t.morph.to_dict().items():
                inv.setdefault(feat, set()).add(value)
    return inv


# Bokmål genders that Swedish merges: masculine and feminine nouns are common gender in Swedish.
GENDER_TO_SWEDISH = {"Masc": "Com", "Fem": "Com", "Masc,Fem": "Com", "Fem,Masc": "Com"}


def swedish_features(morph: dict[str, str], inventory: dict[str, set[str]]) -> dict[str, str]:
    """A Bokmål token's features as Swedish would mark them: masculine/feminine -> common gender, and only
    the features and values that the Swedish training trees use (others are dropped)."""
    out = {}
    for feat, value in morph.items():
        if feat == "Gender":
            value = GENDER_TO_SWEDISH.get(value, value)
        if value in inventory.get(feat, ()):
            out[feat] = value
    return out


def parser_only_trees(data_dir: Path, vocab, own_repeat: int,
                      features: dict[str, set[str]] | None = None) -> tuple[list, dict]:
    """Every Bokmål tree (the UD slices and the converted NDT) as a doc with heads and relations only: a
    related language's trees for a parser whose own treebank is small (cross-lingual transfer). With
    `features` (the Swedish feature inventory) the docs keep their UPOS and Swedish-compatible features."""
    from spacy.tokens import Doc

    ud = []
    for fn in UD_FILES["nb"]:
        ud.extend(read_conllu_sentences(data_dir / "ud" / "nb" / fn, vocab))
    silver, conv = ndt_silver(data_dir, vocab, len(ud), set(range(len(ud))), set())
    out = []
    for d in ud + silver:
        words = [t.text for t in d]
        spaces = [bool(t.whitespace_) for t in d]
        heads = [t.head.i for t in d]
        deps = [t.dep_ for t in d]
        if features is None:
            out.append(Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps))
            continue
        morphs = ["|".join(f"{k}={v}" for k, v in sorted(swedish_features(t.morph.to_dict(), features).items()))
                  for t in d]
        out.append(Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=[t.pos_ for t in d],
                       morphs=[m or "_" for m in morphs]))
    kept = "heads, relations, UPOS and Swedish-compatible features" if features is not None else (
        "heads and relations only")
    info = {"method": ("UD Norwegian-Bokmaal dev+test and the NDT sentences in neither, converted to UD "
                       "(konflikt.nlp.ndt, tables learned from all aligned sentences), with "
                       f"{kept}; the Swedish training slice repeated {own_repeat} times"),
            "sentences": len(out), "words": sum(len(d) for d in out),
            "ndt_converted": conv["sentences"]}
    return out, info


def glued_genitive(name_words: set[str]) -> Callable[[str], bool]:
    """Whether a name's last word carries a Swedish/Bokmål genitive -s: it ends in "s" (not "ss") and the
    word without it is itself a name word of the corpus ("Okonkwos" beside "Okonkwo")."""
    def genitive(word: str) -> bool:
        return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word[:-1] in name_words
    return genitive


def prepare_ner(data_dir: Path, work: Path, seed: int, swaps: int = SV_NAME_SWAPS) -> dict:
    """NER data for Swedish: the Swedish NER corpus (IO tags -> BIO), its train split plus `swaps` name-swapped
    copies of each training sentence that holds a name (konflikt.nlp.distant.swap_names, a genitive -s kept),
    so the model learns names from their context and shape rather than from the corpus's 2012 Swedish names;
    and, when present, the hand-labelled names no dictionary knows (tests/data/sv/ner_unknown.txt) as a
    second test set."""
    from spacy.vocab import Vocab

    from konflikt.nlp.distant import HELD_OUT_PERCENT, SWAP_PROBABILITY, swap_names

    ner = data_dir / "ner" / "sv"
    train_s = read_ner_sentences(ner / "train_corpus.txt")
    test_s = read_ner_sentences(ner / "test_corpus.txt")
    dev_i, train_i = split_indices(len(train_s), seed, [NER_DEV_FRACTION])
    vocab = Vocab()
    train_bio = [(train_s[i][0], io_to_bio(train_s[i][1])) for i in train_i]
    extra = []
    if swaps:
        lex = name_lexicon("sv", data_dir, seed, groups=True)
        rng = random.Random(seed)
        genitive = glued_genitive({w for ws, ls in train_bio for w, lab in zip(ws, ls, strict=True) if lab != "O"})
        for _ in range(swaps):
            for w, lab in train_bio:
                new = swap_names(w, lab, lex, rng, genitive=genitive)
                if new:
                    extra.append(new)
    save_docbin(bio_docs(vocab, train_bio + extra), work / "ner_train.spacy")
    save_docbin(ner_docs(vocab, [train_s[i] for i in dev_i]), work / "ner_dev.spacy")
    save_docbin(ner_docs(vocab, test_s), work / "ner_test.spacy")
    info = {
        "method": (f"train_corpus.txt shuffled with random.Random({seed}): {NER_DEV_FRACTION:.0%} dev "
                   "(model selection), rest train; test_corpus.txt = test (held out); IO tags -> BIO"
                   + (f"; {swaps} name-swapped copies of each training sentence with a name (places swapped with "
                      f"probability {SWAP_PROBABILITY['LOC']}), from a pool without a seeded {HELD_OUT_PERCENT}% "
                      "of the lexicon" if swaps else "")),
        "train": {"sentences": len(train_i), "words": sum(len(train_s[i][0]) for i in train_i)},
        "train_swapped": len(extra),
        "dev": {"sentences": len(dev_i), "words": sum(len(train_s[i][0]) for i in dev_i)},
        "test": {"sentences": len(test_s), "words": sum(len(w) for w, _ in test_s)},
    }
    unknown = Path(__file__).resolve().parents[3] / "tests" / "data" / "sv" / "ner_unknown.txt"
    if unknown.is_file():
        marked = read_marked_sentences(unknown, "sv")
        save_docbin(bio_docs(vocab, marked, n=1), work / "ner_unknown.spacy")
        info["unknown"] = {"file": "tests/data/sv/ner_unknown.txt", "sentences": len(marked)}
    return info


def read_ndt_ner(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of the NDT/NorNE file (`konflikt.nlp.ndt.read_ndt`: headline markers ``|`` dropped, as UD
    has no such token) as (words, BIO labels renamed by NORNE_MAP)."""
    def label(tag: str) -> str:
        prefix, _, typ = tag.partition("-")
        mapped = NORNE_MAP.get(typ, "") if prefix in {"B", "I"} else ""
        return f"{prefix}-{mapped}" if mapped else "O"

    return [([t.form for t in s], repair_bio([label(t.ner) for t in s])) for s in ndt.read_ndt(path)]


def repair_bio(labels: Sequence[str]) -> list[str]:
    """An I- that does not continue an entity of its type starts one (after a dropped DRV, say)."""
    out, prev = [], "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


def read_conllu_words(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, UPOS tags) of each sentence of a CoNLL-U file (multi-word token lines and empty nodes skipped)."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln and not ln.startswith("#")]
        rows = [r for r in rows if len(r) >= 4 and r[0].isdigit()]
        if rows:
            out.append(([r[1] for r in rows], [r[3] for r in rows]))
    return out


def name_lexicon(lang: str, data_dir: Path, seed: int, groups: bool = False):
    """The names lexicon of distant supervision and name swaps (konflikt.nlp.distant): the knowledge base's
    names in `lang` (and, for people, in English: a name is mostly the same in every Latin-script language)
    and its demonyms and adjectives as no name, the gazetteer's cities (with their Latin alternate names)
    and the Phoenix country dictionaries' people; with `groups`, also the organisations of the Phoenix
    international and non-state dictionaries (ORG: the knowledge base alone has too few to swap in)."""
    from konflikt.actors.kb import load_kb
    from konflikt.nlp.cues import load_name_cues
    from konflikt.nlp.distant import KIND_LABELS, build_lexicon, phoenix_groups, phoenix_people
    from konflikt.places.geonames import geonames_cities

    kb = load_kb()
    langs = (lang,) if lang == "en" else (lang, "en")
    entries = [(n, KIND_LABELS[e.kind]) for e in kb if e.kind in KIND_LABELS for lg in langs
               for n in e.names.get(lg, ()) if lg == lang or KIND_LABELS[e.kind] == "PER"]
    entries += [(n, "O") for e in kb for field in (e.demonyms, e.adjectives) for n in field.get(lang, ())]
    for c in geonames_cities().values():
        entries.append((c["name"], "LOC"))
        entries += [(a, "LOC") for a in c.get("alternatenames", ()) if len(a) >= 4 and a.isascii()
                    and a[:1].isupper() and not a.isupper()]
    phoenix = data_dir.parent / "reference" / "phoenix" / PHOENIX_PEOPLE_FILE
    if phoenix.is_file():
        entries += [(n, "PER") for n in phoenix_people(phoenix)]
    for fn in PHOENIX_GROUP_FILES if groups else ():
        if (path := data_dir.parent / "reference" / "phoenix" / fn).is_file():
            entries += [(n, "ORG") for n in phoenix_groups(path, load_name_cues("en"))]
    return build_lexicon(entries, seed=seed)


def read_marked_sentences(path: Path, lang: str = "en") -> list[tuple[list[str], list[str]]]:
    """A hand-labelled file of ``[name|LABEL]`` marked sentences (one per line, ``#`` comments) as (words,
    BIO labels), tokenized by a blank spaCy tokenizer of `lang`."""
    import spacy

    tok = spacy.blank(lang).tokenizer
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for m in MARKED_NAME.finditer(line):
            text += line[pos:m.start()]
            spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
            text += m.group(1)
            pos = m.end()
        text += line[pos:]
        doc = tok(text)
        labels = ["O"] * len(doc)
        for a, b, lab in spans:
            span = doc.char_span(a, b, alignment_mode="expand")
            for k in range(span.start, span.end):
                labels[k] = ("B-" if k == span.start else "I-") + lab
        out.append(([t.text for t in doc], labels))
    return out


def prepare_ner_en(data_dir: Path, work: Path, seed: int, swaps: int = EN_NAME_SWAPS) -> dict:
    """Silver NER data for English by distant supervision (konflikt.nlp.distant) over UD English-EWT: train
    = the train split's silver sentences plus `swaps` name-swapped copies of each one holding a name; dev /
    test = the dev / test splits' silver sentences; and the hand-labelled names no dictionary knows
    (tests/data/en/ner_unknown.txt) as a second test set."""
    from spacy.vocab import Vocab

    from konflikt.nlp.cues import load_name_cues
    from konflikt.nlp.distant import HELD_OUT_PERCENT, SWAP_PROBABILITY, silver_labels, spans_of, swap_names

    lex = name_lexicon("en", data_dir, seed)
    cues = load_name_cues("en")
    rng = random.Random(seed)
    vocab = Vocab()
    info: dict = {"method": "distant supervision (konflikt.nlp.distant): UD English-EWT with silver PER/ORG/LOC "
                  "labels from the knowledge base, the gazetteer and the Phoenix dictionaries, unexplained "
                  f"proper nouns unannotated; {swaps} name-swapped copy/copies of each training sentence with "
                  f"a name (places swapped with probability {SWAP_PROBABILITY['LOC']}), from a pool without a "
                  f"seeded {HELD_OUT_PERCENT}% of the lexicon",
                  "lexicon": {"names": len(lex.names), "first_names": len(lex.first_names),
                              "held_out": len(lex.held_out)}}
    ud = data_dir / "ud" / "en"
    for name, fn in zip(("train", "dev", "test"), UD_FILES["en"], strict=True):
        sents = [(w, silver_labels(w, u, lex, cues)) for w, u in read_conllu_words(ud / fn)]
        n_names = sum(len(spans_of(lab)) for _, lab in sents)
        n_missing = sum(lab.count(None) for _, lab in sents)
        if name == "train":
            extra = []
            for _ in range(swaps):
                for w, lab in sents:
                    new = swap_names(w, lab, lex, rng)
                    if new:
                        extra.append(new)
            sents = sents + extra
            info["train_swapped"] = len(extra)
        save_docbin(bio_docs(vocab, sents), work / f"ner_{name}.spacy")
        info[name] = {"file": fn, "sentences": len(sents), "silver_names": n_names, "unannotated_tokens": n_missing}
    unknown = Path(__file__).resolve().parents[3] / "tests" / "data" / "en" / "ner_unknown.txt"
    if unknown.is_file():
        marked = read_marked_sentences(unknown)
        save_docbin(bio_docs(vocab, marked, n=1), work / "ner_unknown.spacy")
        info["unknown"] = {"file": "tests/data/en/ner_unknown.txt", "sentences": len(marked)}
    return info


def prepare_ner_nb(data_dir: Path, work: Path) -> dict:
    """NER data for Bokmål: train on the NDT/NorNE corpus minus every sentence of the UD test and dev slices
    (matched by `sentence_key`); dev and test = those UD slices with their own NorNE labels (written by
    `prepare_ud`, mapped by NORNE_MAP)."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    held: set[str] = set()
    n_held = {}
    for name in ("test", "dev"):
        docs = list(DocBin().from_disk(work / f"{name}.spacy").get_docs(vocab))
        keys = {sentence_key(t.text for t in sent) for d in docs for sent in d.sents}
        n_held[name] = len(keys)
        held |= keys
        shutil.copyfile(work / f"{name}.spacy", work / f"ner_{name}.spacy")
    sents = read_ndt_ner(data_dir / "ner" / "nb" / NB_NER_FILE)
    train_s = [s for s in sents if sentence_key(s[0]) not in held]
    save_docbin(bio_docs(vocab, train_s), work / "ner_train.spacy")
    return {
        "method": (f"{NB_NER_FILE} (NDT Bokmål, NorNE labels mapped {NORNE_MAP}, '' = none) minus every "
                   "sentence of the UD test and dev slices (same letters and digits); dev/test = the UD "
                   "dev/test slices with their NorNE labels"),
        "train": {"sentences": len(train_s), "words": sum(len(w) for w, _ in train_s),
                  "dropped_as_ud_test_or_dev": len(sents) - len(train_s)},
        "dev": {"sentences": n_held["dev"]}, "test": {"sentences": n_held["test"]},
    }


def bio_docs(vocab, sents: Sequence[tuple[list[str], list[str]]], n: int = SENTS_PER_DOC) -> list:
    """Docs of `n` sentences each from (words, BIO labels)."""
    from spacy.tokens import Doc

    docs = []
    for i in range(0, len(sents), n):
        chunk = sents[i:i + n]
        words = [w for ws, _ in chunk for w in ws]
        tags = [t for _, ls in chunk for t in ls]
        starts = [j == 0 for ws, _ in chunk for j in range(len(ws))]
        docs.append(Doc(vocab, words=words, spaces=[True] * len(words), ents=tags, sent_starts=starts))
    return docs


# ----------------------------------------------------------------------------------------- training
def run_spacy_train(config: Path, out: Path, train: Path, dev: Path, seed: int,
                    max_steps: int | None, eval_frequency: int | None, patience: int | None,
                    extra: dict | None = None) -> float:
    from spacy.cli.train import train as spacy_train

    overrides: dict = {"paths.train": str(train), "paths.dev": str(dev), "system.seed": seed}
    overrides.update(extra or {})
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    if patience is not None:
        overrides["training.patience"] = patience
    if out.exists():
        shutil.rmtree(out)
    t0 = time.perf_counter()
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    return time.perf_counter() - t0


def seed_core_from(src: Path, dest: Path) -> None:
    """Save the core of a trained pipeline (without its NER and the lemma fixer, which `assemble` adds) to
    `dest`, as if it had been trained there."""
    import spacy

    from konflikt.nlp import components  # noqa: F401  (registers konflikt_lemma_fixer)

    nlp = spacy.load(src)
    for name in ("konflikt_lemma_fixer", "ner"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)


def assemble(lang: str, core_dir: Path, ner_dir: Path | None, out: Path, meta: dict):
    import spacy

    from konflikt.nlp import components  # noqa: F401  (registers konflikt_lemma_fixer)

    nlp = spacy.load(core_dir)
    if ner_dir is not None:
        ner_nlp = spacy.load(ner_dir)
        nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe("konflikt_lemma_fixer", after="trainable_lemmatizer")
    nlp.meta.update(meta)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return nlp


# ------------------------------------------------------------------------------------------ scoring
def load_examples(nlp, path: Path) -> list:
    from spacy.tokens import DocBin
    from spacy.training import Example

    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(d.text), d) for d in docs]


def _r(x):
    return None if x is None else round(float(x) * 100, 2)


def core_scores(nlp, examples: list) -> dict:
    s = nlp.evaluate(examples)
    out = {
        "upos": _r(s.get("pos_acc")),
        "xpos": _r(s.get("tag_acc")),
        "morph_acc": _r(s.get("morph_acc")),
        "uas": _r(s.get("dep_uas")),
        "las": _r(s.get("dep_las")),
        "lemma_acc": _r(s.get("lemma_acc")),
        "sents_f": _r(s.get("sents_f")),
        "words": sum(len(e.reference) for e in examples),
    }
    feats = s.get("morph_per_feat") or {}
    out["morph_per_feat_f"] = {k: _r(v["f"]) for k, v in sorted(feats.items())
                               if k in {"Tense", "VerbForm", "Voice", "Definite", "Case", "Number",
                                        "Mood", "Degree", "Gender", "Person", "PronType"}}
    if "trainable_lemmatizer" in nlp.pipe_names and "konflikt_lemma_fixer" in nlp.pipe_names:
        with nlp.select_pipes(disable=["konflikt_lemma_fixer"]):
            out["lemma_acc_without_fixer"] = _r(nlp.evaluate(examples).get("lemma_acc"))
    return {k: v for k, v in out.items() if v is not None}


def ner_scores(nlp, examples: list) -> dict:
    s = nlp.evaluate(examples)
    per = {lab: {"p": _r(v["p"]), "r": _r(v["r"]), "f": _r(v["f"])}
           for lab, v in sorted((s.get("ents_per_type") or {}).items())}
    return {"p": _r(s.get("ents_p")), "r": _r(s.get("ents_r")), "f": _r(s.get("ents_f")), "per_label": per}


def measure_speed(nlp, texts: list[str], min_words: int = 20000, repeats: int = 3) -> dict:
    """Words/s of the whole pipeline with nlp.pipe, one process pinned to one core, one thread."""
    pinned = False
    if hasattr(os, "sched_setaffinity"):
        try:
            old = os.sched_getaffinity(0)
            os.sched_setaffinity(0, {min(old)})
            pinned = True
        except OSError:
            old = None
    batch = list(texts)
    n_words = sum(len(d) for d in nlp.tokenizer.pipe(batch))
    while n_words < min_words:
        batch += texts
        n_words = sum(len(d) for d in nlp.tokenizer.pipe(batch))
    list(nlp.pipe(batch[:20]))  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(batch, batch_size=64))
        times.append(time.perf_counter() - t0)
    if pinned and old:
        os.sched_setaffinity(0, old)
    best = min(times)
    return {"words_per_sec": round(n / best), "words": n, "runs": repeats, "seconds_best": round(best, 2),
            "seconds_all": [round(t, 2) for t in times], "pinned_to_one_core": pinned,
            "threads": os.environ.get("OMP_NUM_THREADS"), "method": "nlp.pipe(batch_size=64) over the "
            "held-out test texts, best of runs, single process"}


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# ----------------------------------------------------------------------------------------------- main
def train(lang: str, data_dir: str | Path, out_dir: str | Path, *, work_dir: str | Path | None = None,
          seed: int = 0, max_steps: int | None = None, ner_max_steps: int | None = None,
          eval_frequency: int | None = None, patience: int | None = None, with_ner: bool = True,
          overrides: dict | None = None, ner_overrides: dict | None = None,
          command: str | None = None, reuse: bool = False, core_from: str | Path | None = None,
          ner_from: str | Path | None = None, ndt_trees: bool = True, parser_trees: bool = False,
          own_repeat: int = 1, ner_swaps: int = SV_NAME_SWAPS, tagger_trees: bool = False) -> dict:
    """Convert data, train, assemble and evaluate the `lang` pipeline; save it to `out_dir`.

    Returns the metrics written to ``<out_dir>/metrics.json``. With `reuse`, a component pipeline already
    trained in the work directory (``<work>/core/model-best``, ``<work>/ner/model-best``, by an earlier run
    with the same data, config and seed) is assembled as it is instead of being trained again. With
    `core_from`, the core components of an already trained pipeline (e.g. the shipped one) are used as they
    are and only the NER is trained; with `ner_from`, the NER of an already trained pipeline is used as it is
    and only the core is trained. `ndt_trees` (Bokmål): add the converted NDT trees to the core's training
    data; `parser_trees` / `own_repeat` (Swedish): add the Bokmål trees for the parser only (see
    `prepare_ud`), with `tagger_trees` for the morphologizer too; `ner_swaps` (Swedish): name-swapped copies of
    the NER training sentences (`prepare_ner`).
    """
    import spacy
    from spacy.util import fix_random_seed

    from konflikt.nlp import SUPPORTED_LANGUAGES

    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    work = Path(work_dir) if work_dir else Path("build") / "nlp" / lang
    work.mkdir(parents=True, exist_ok=True)
    fix_random_seed(seed)
    t_start = time.perf_counter()

    log.info("converting UD data for %s into %s", lang, work)
    split = {"ud": prepare_ud(lang, data_dir, work, seed, ndt_trees, parser_trees, own_repeat,
                                 tagger_trees)}
    do_ner = with_ner and lang in NER_LANGS
    if do_ner:
        log.info("converting NER data")
        split["ner"] = (prepare_ner_nb(data_dir, work) if lang == "nb" else prepare_ner_en(data_dir, work, seed)
                        if lang == "en" else prepare_ner(data_dir, work, seed, ner_swaps))

    timing: dict = {}

    def train_or_reuse(part: str, train_file: str, dev_file: str, steps: int | None, sets: dict | None) -> None:
        """Train the `part` ("core" or "ner") pipeline into work/part, or keep one there with --reuse."""
        if reuse and (work / part / "model-best").is_dir():
            log.info("reusing the %s pipeline trained in %s", part, work / part)
            timing[f"{part}_reused"] = True
            return
        log.info("training %s pipeline", part)
        timing[f"{part}_train_seconds"] = round(run_spacy_train(
            CONFIG_DIR / f"{lang}_{part}.cfg", work / part, work / train_file, work / dev_file, seed,
            steps, eval_frequency, patience, sets))

    if core_from is not None:
        log.info("taking the core pipeline from %s", core_from)
        seed_core_from(Path(core_from), work / "core" / "model-best")
        timing["core_from"] = str(core_from)
    else:
        train_or_reuse("core", "train.spacy", "dev.spacy", max_steps, overrides)
    ner_dir = None
    if do_ner and ner_from is not None:
        log.info("taking the NER from %s", ner_from)
        ner_dir = Path(ner_from)
        timing["ner_from"] = str(ner_from)
    elif do_ner:
        train_or_reuse("ner", "ner_train.spacy", "ner_dev.spacy", ner_max_steps, ner_overrides)
        ner_dir = work / "ner" / "model-best"

    meta = {
        "name": f"konflikt_{lang}",
        "version": "1.0.0",
        "description": f"Konflikt's {lang} pipeline, trained from scratch (no pretrained vectors).",
        "license": "CC BY-SA 4.0",
        "author": "Konflikt",
        "sources": SOURCES[lang],
    }
    nlp = assemble(lang, work / "core" / "model-best", ner_dir, out_dir, meta)
    # Evaluate the saved pipeline exactly as it is shipped.
    from konflikt.nlp import components  # noqa: F401

    nlp = spacy.load(out_dir)
    metrics: dict = {"lang": lang, "pipeline": nlp.pipe_names, "spacy_version": spacy.__version__,
                     "seed": seed}
    test = load_examples(nlp, work / "test.spacy")
    metrics["test"] = core_scores(nlp, test)
    if lang == "sv":
        metrics["test_by_treebank"] = {
            tb: core_scores(nlp, load_examples(nlp, work / f"test_{tb}.spacy"))
            for tb in ("talbanken", "pud") if (work / f"test_{tb}.spacy").exists()}
    if do_ner:
        metrics["ner_test"] = ner_scores(nlp, load_examples(nlp, work / "ner_test.spacy"))
        if (work / "ner_unknown.spacy").exists():
            metrics["ner_unknown"] = ner_scores(nlp, load_examples(nlp, work / "ner_unknown.spacy"))
    metrics["speed"] = measure_speed(nlp, [e.reference.text for e in test])
    size = dir_size(out_dir)
    metrics["model_size_bytes"] = size
    metrics["model_size_mb"] = round(size / 1e6, 2)
    metrics["data_split"] = split
    timing["total_seconds"] = round(time.perf_counter() - t_start)
    metrics["timing"] = timing
    metrics["training"] = {"max_steps": max_steps, "ner_max_steps": ner_max_steps,
                           "eval_frequency": eval_frequency, "patience": patience,
                           "overrides": overrides or {}, "ner_overrides": ner_overrides or {},
                           "configs": [f"{lang}_core.cfg"] + ([f"{lang}_ner.cfg"] if do_ner else []),
                           "gpu_id": -1}
    metrics["command"] = command or (
        f"python -m konflikt.nlp.train --lang {lang} --data {data_dir} --out {out_dir}")
    (out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    log.info("wrote %s", out_dir / "metrics.json")
    return metrics


def _parse_sets(items: Sequence[str]) -> dict:
    """KEY=VALUE strings -> config overrides (values parsed as JSON when they can be)."""
    out = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m konflikt.nlp.train", description=__doc__.split("\n")[0])
    p.add_argument("--lang", required=True, choices=["sv", "en", "nb"])
    p.add_argument("--data", default="../shared/data", help="shared data dir (with ud/ and ner/)")
    p.add_argument("--out", required=True, help="where to save the final pipeline")
    p.add_argument("--work", default=None, help="work dir for converted data and checkpoints "
                   "(default build/nlp/<lang>)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--gpu-id", type=int, default=-1, help="only -1 (CPU) is supported")
    p.add_argument("--max-steps", type=int, default=None, help="override training.max_steps (core)")
    p.add_argument("--ner-max-steps", type=int, default=None, help="override training.max_steps (NER)")
    p.add_argument("--eval-frequency", type=int, default=None)
    p.add_argument("--patience", type=int, default=None)
    p.add_argument("--no-ner", action="store_true", help="do not train/add NER")
    p.add_argument("--reuse", action="store_true", help="assemble component pipelines already trained in "
                   "the work dir (core/, ner/ model-best) instead of training them again")
    p.add_argument("--core-from", default=None, metavar="DIR", help="use the core components (tagger, parser, "
                   "lemmatizer) of this trained pipeline as they are and train only the NER")
    p.add_argument("--ner-from", default=None, metavar="DIR", help="use the NER of this trained pipeline as "
                   "it is and train only the core")
    p.add_argument("--no-ndt-trees", action="store_true", help="Bokmål: train the core on the UD slices only, "
                   "without the NDT trees converted to UD")
    p.add_argument("--parser-trees", action="store_true", help="Swedish: add the Bokmål trees (UD and "
                   "converted NDT) with their dependencies only, for the parser")
    p.add_argument("--tagger-trees", action="store_true", help="with --parser-trees: keep the Bokmål trees' "
                   "UPOS and Swedish-compatible features, so the morphologizer learns from them too")
    p.add_argument("--own-repeat", type=int, default=1, help="with --parser-trees: repeat the Swedish training "
                   "slice this many times")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="config override for the core pipeline, e.g. components.parser.model.hidden_width=128")
    p.add_argument("--ner-set", action="append", default=[], metavar="KEY=VALUE",
                   help="config override for the NER pipeline")
    p.add_argument("--ner-swaps", type=int, default=SV_NAME_SWAPS, help="Swedish: name-swapped copies of each NER "
                   "training sentence with a name (default %(default)s, the shipped model; docs/nlp.md)")
    args = p.parse_args(argv)
    if args.gpu_id != -1:
        p.error("only CPU training (--gpu-id -1) is supported")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    cmd = "python -m konflikt.nlp.train " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
    m = train(args.lang, args.data, args.out, work_dir=args.work, seed=args.seed, max_steps=args.max_steps,
              ner_max_steps=args.ner_max_steps, eval_frequency=args.eval_frequency, patience=args.patience,
              with_ner=not args.no_ner, overrides=_parse_sets(args.set),
              ner_overrides=_parse_sets(args.ner_set), command=cmd, reuse=args.reuse,
              core_from=args.core_from, ner_from=args.ner_from, ndt_trees=not args.no_ndt_trees,
              parser_trees=args.parser_trees, own_repeat=args.own_repeat, ner_swaps=args.ner_swaps,
              tagger_trees=args.tagger_trees)
    summary = {k: m["test"].get(k) for k in ("upos", "morph_acc", "uas", "las", "lemma_acc", "sents_f")}
    if "ner_test" in m:
        summary["ner_f"] = m["ner_test"]["f"]
    summary["words_per_sec"] = m["speed"]["words_per_sec"]
    summary["size_mb"] = m["model_size_mb"]
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
