"""`konflikt.nlp.use_numpy_gemm`: the shipped pipelines multiply through numpy's OpenBLAS (one thread), and
parse exactly as with thinc's default BLIS kernels."""

from __future__ import annotations

import pytest

from konflikt.nlp import load_pipeline, model_path

SV = [
    "Turkiets parlament godkände på lördagen ett avtal om militärt samarbete med regeringen i Tripoli.",
    "Rebellerna anföll en armébas i norra Mali natten till söndag, uppger försvarsministeriet.",
    "Enligt Anna Lindqvist på Utrikespolitiska institutet vill Iran inte trappa upp konflikten.",
    "Polisen i Göteborg grep tre män efter skottlossningen.",
]
EN = [
    "Rebel fighters shelled the outskirts of the city on Tuesday, the army said.",
    "The foreign minister warned that sanctions would follow any further incursion.",
    "Talks between the two governments resumed in Geneva after a week-long pause.",
]


def _analysis(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.mark.parametrize(("lang", "texts"), [("sv", SV), ("en", EN)])
def test_every_layer_uses_numpy_and_parses_as_blis_does(lang, texts):
    import spacy

    from konflikt.nlp import components, sentences  # noqa: F401  (the custom components)

    nlp = load_pipeline(lang)
    layers = [node for _n, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")
              for node in proc.model.walk()]
    assert layers and all(getattr(node.ops, "use_blis", True) is False for node in layers)

    blis = spacy.load(model_path(lang))  # thinc's default ops
    if "parser" in blis.pipe_names:
        blis.add_pipe("konflikt_sentence_bounds", before="parser")
    assert any(getattr(n.ops, "use_blis", False) for _n, p in blis.pipeline
               if hasattr(getattr(p, "model", None), "walk") for n in p.model.walk())
    ours, theirs = list(nlp.pipe(texts)), list(blis.pipe(texts))
    assert [_analysis(d) for d in ours] == [_analysis(d) for d in theirs]
    assert any(t.dep_ == "nsubj" for d in ours for t in d)  # really parsed


def test_blas_runs_one_thread_once_a_pipeline_is_loaded():
    from threadpoolctl import threadpool_info

    load_pipeline("sv")
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)
