"""NDT -> UD conversion (konflikt.nlp.ndt), on small trees written for these tests."""

from pathlib import Path

from konflikt.nlp import ndt

# (form, lemma, NDT pos, NDT feats, head, NDT relation) and the UD analysis of the same sentence
# (UPOS, feats, head, relation). NDT: the auxiliary heads the participle, the preposition heads its noun.
# both training sentences have this analysis (pronoun, "har", participle, object, preposition, noun, stop)
UD_SEEN = [("PRON", "_", 3, "nsubj"), ("AUX", "_", 3, "aux"), ("VERB", "VerbForm=Part", 0, "root"),
           ("NOUN", "Definite=Def", 3, "obj"), ("ADP", "_", 6, "case"), ("NOUN", "Definite=Def", 3, "obl"),
           ("PUNCT", "_", 3, "punct")]
TRAIN = [
    ([("Han", "han", "pron", "ent|pers|3", 2, "SUBJ"), ("har", "ha", "verb", "pres", 0, "FINV"),
      ("sett", "se", "verb", "perf-part", 2, "INFV"), ("huset", "hus", "subst", "appell|nøyt|be|ent", 3, "DOBJ"),
      ("i", "i", "prep", "_", 3, "ADV"), ("byen", "by", "subst", "appell|mask|be|ent", 5, "PUTFYLL"),
      (".", "$.", "clb", "<punkt>", 2, "IP")], UD_SEEN),
    ([("Hun", "hun", "pron", "ent|pers|3", 2, "SUBJ"), ("har", "ha", "verb", "pres", 0, "FINV"),
      ("kjøpt", "kjøpe", "verb", "perf-part", 2, "INFV"), ("bilen", "bil", "subst", "appell|mask|be|ent", 3, "DOBJ"),
      ("på", "på", "prep", "_", 3, "ADV"), ("torget", "torg", "subst", "appell|nøyt|be|ent", 5, "PUTFYLL"),
      (".", "$.", "clb", "<punkt>", 2, "IP")], UD_SEEN),
]


def _ndt(rows):
    return [ndt.NdtToken(i, f, lem, pos, feats, h, dep) for i, (f, lem, pos, feats, h, dep) in enumerate(rows, 1)]


def _ud(rows, gold):
    return [ndt.UdToken(i, r[0], r[1], u, feats, h, dep)
            for i, (r, (u, feats, h, dep)) in enumerate(zip(rows, gold, strict=True), 1)]


def _tables():
    trees = [_ndt(r) for r, _ in TRAIN]
    ud = [_ud(r, g) for r, g in TRAIN]
    return trees, ud, ndt.learn(trees, ud, ndt.align(trees, ud))


def test_learned_conversion_generalises_to_new_words():
    _, _, tables = _tables()
    # new lemmas and a new preposition: the tables back off to part of speech and relation
    new = _ndt([("De", "de", "pron", "fl|pers|3", 2, "SUBJ"), ("har", "ha", "verb", "pres", 0, "FINV"),
                ("bygd", "bygge", "verb", "perf-part", 2, "INFV"),
                ("broen", "bro", "subst", "appell|mask|be|ent", 3, "DOBJ"),
                ("over", "over", "prep", "_", 3, "ADV"), ("elva", "elv", "subst", "appell|fem|be|ent", 5, "PUTFYLL"),
                (".", "$.", "clb", "<punkt>", 2, "IP")])
    out = ndt.convert(new, tables)
    assert [(t.form, t.head, t.dep) for t in out] == [
        ("De", 3, "nsubj"), ("har", 3, "aux"), ("bygd", 0, "root"), ("broen", 3, "obj"), ("over", 6, "case"),
        ("elva", 3, "obl"), (".", 3, "punct")]
    assert [t.upos for t in out] == ["PRON", "AUX", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"]
    assert out[-1].lemma == "."  # NDT's "$." lemma of punctuation is the form


def test_conversion_scores_are_measured_against_ud():
    trees, ud, tables = _tables()
    scores = ndt.conversion_scores(trees, ud, ndt.align(trees, ud), tables)
    assert scores["tokens"] == 14 and scores["las"] == 100.0
    wrong = [_ud(r, [(u, f, h, "dep") for u, f, h, _ in g]) for r, g in TRAIN]  # every relation changed
    assert ndt.conversion_scores(trees, wrong, ndt.align(trees, wrong), tables)["las"] < 20


def test_a_function_word_ud_keeps_as_head_is_not_demoted():
    trees, ud, _ = _tables()
    # the same trees, but UD keeps the preposition as head of its noun: the learned structure follows
    ud_keep = [[ndt.UdToken(t.id, t.form, t.lemma, t.upos, t.feats, t.head, t.dep) for t in s] for s in ud]
    for s in ud_keep:
        s[4].head, s[4].dep = 3, "obl"
        s[5].head, s[5].dep = 5, "nmod"
    tables = ndt.learn(trees, ud_keep, ndt.align(trees, ud_keep))
    out = ndt.convert(trees[0], tables)
    assert (out[4].head, out[5].head) == (3, 5)


def test_one_root_per_sentence():
    _, _, tables = _tables()
    two_roots = _ndt([("Krig", "krig", "subst", "appell|mask|ub|ent", 0, "FRAG"),
                      ("Fred", "fred", "subst", "appell|mask|ub|ent", 0, "FRAG")])
    out = ndt.convert(two_roots, tables)
    assert sum(t.head == 0 for t in out) == 1


def test_headline_marks_are_dropped_and_their_dependents_kept(tmp_path: Path):
    lines = ["1\tKrig\tkrig\tsubst\tsubst\tappell\t0\tFRAG\t_\tname=O",
             "2\ti\ti\tprep\tprep\t_\t1\tATR\t_\tname=O",
             "3\tSudan\tSudan\tsubst\tsubst\tprop\t2\tPUTFYLL\t_\tname=B-GPE_LOC",
             "4\t|\t$|\tclb\tclb\t<overskrift>\t1\tIP\t_\tname=O",
             "5\t!\t$!\tclb\tclb\t_\t4\tIP\t_\tname=O",
             "", "not a line", ""]
    f = tmp_path / "ndt.conll"
    f.write_text("\n".join(lines), encoding="utf-8")
    (sent,) = ndt.read_ndt(f)
    assert [t.form for t in sent] == ["Krig", "i", "Sudan", "!"]
    assert sent[3].head == 1  # was attached to the dropped "|"
    assert sent[2].ner == "B-GPE_LOC"
    conllu = ndt.to_conllu([ndt.UdToken(1, "Krig", "krig", "NOUN", "_", 0, "root")], ["O"])
    assert conllu == "1\tKrig\tkrig\tNOUN\t_\t_\t0\troot\t_\tname=O\n"
