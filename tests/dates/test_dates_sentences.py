"""Dates in parsed sentences: tense from morphology, choice of the nearest expression, the seed's gold dates."""

from __future__ import annotations

import json
from datetime import date

import pytest

from konflikt.dates import load_date_lexicon, sentence_dates
from konflikt.dates.annotate import _nearest
from konflikt.syntax import trigger_token

PUB = date(2019, 12, 27)


def _nlp(coder, lang):
    from konflikt.nlp import PipelineNotFound

    try:
        return coder.resources(lang).nlp
    except PipelineNotFound:
        pytest.skip(f"no trained {lang} pipeline")


def _date_for(nlp, lang, text, trigger):
    sent = next(nlp(text).sents)
    i = text.index(trigger)
    found = sentence_dates(sent, load_date_lexicon(lang), PUB)
    return _nearest(trigger_token(sent, i, i + len(trigger)), found) if found else None


SV = [
    ("Haftar hade lanserat en offensiv mot Tripoli i april.", "lanserat", "2019-04"),
    ("Armén ska inleda en offensiv mot Tobruk i april.", "inleda", "2020-04"),
    ("Regeringen kommer att hålla val i april.", "hålla", "2020-04"),
    ("Turkiet skickade trupper i april.", "skickade", "2019-04"),
    ("Rebellerna har intagit staden i mars.", "intagit", "2019-03"),
    ("Styrkorna planerar att anfalla i januari.", "anfalla", "2020-01"),
    ("Striderna pågår sedan april.", "Striderna", "2019-04"),
    ("Mötet hölls den 28 december.", "hölls", "2018-12-28"),
    ("Mötet ska hållas den 28 december.", "hållas", "2019-12-28"),
    ("Förra veckan gick trupper ombord på ett fartyg.", "gick", "2019-W51"),
    ("Det har varit kaos sedan revolutionen 2011, då diktatorn avsattes.", "avsattes", "2011"),
    ("Erdogan lovade den 10 december att han skulle skicka trupper.", "lovade", "2019-12-10"),
    ("I fredags anföll milisen flygplatsen.", "anföll", "2019-12-20"),
    ("För tre dagar sedan bombades sjukhuset.", "bombades", "2019-12-24"),
]

EN = [
    ("Haftar had launched an offensive on Tripoli in April.", "launched", "2019-04"),
    ("The army will launch an offensive in April.", "launch", "2020-04"),
    ("The rebels attacked the town on Thursday.", "attacked", "2019-12-26"),
    ("Ministers will meet on Monday.", "meet", "2019-12-30"),
    ("Three days ago the militia shelled the airport.", "shelled", "2019-12-24"),
    ("Last week troops boarded a Turkish ship.", "boarded", "2019-W51"),
    ("Russian forces shelled Kharkiv on Thursday, killing five civilians.", "shelled", "2019-12-26"),
    ("The United States will impose sanctions on Iran next month.", "impose", "2020-01"),
    ("Turkey is going to send troops in January.", "send", "2020-01"),
    ("Parliament approved the deal on December 10.", "approved", "2019-12-10"),
    ("Parliament will vote on the deal on December 30.", "vote", "2019-12-30"),
    ("Protesters have marched in Baghdad over the past ten days.", "marched", "2019-12-17/2019-12-27"),
    ("The revolution of 2011, when Gaddafi was deposed, left Libya in chaos.", "deposed", "2011"),
    ("Rebels seized the town last Friday, and the army retook it yesterday.", "retook", "2019-12-26"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), SV)
def test_swedish_sentences(coder, text, trigger, expected):
    got = _date_for(_nlp(coder, "sv"), "sv", text, trigger)
    assert got is not None and got.date == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), EN)
def test_english_sentences(coder, text, trigger, expected):
    got = _date_for(_nlp(coder, "en"), "en", text, trigger)
    assert got is not None and got.date == expected


def test_nearest_expression(coder):
    nlp = _nlp(coder, "sv")
    text = "Armén anföll staden i fredags, och förra året hade den belägrats."
    assert _date_for(nlp, "sv", text, "anföll").date == "2019-12-20"
    assert _date_for(nlp, "sv", text, "belägrats").date == "2018"


def test_seed_gold_dates(coder, shared_dir):
    """Every gold date of the seed is the date given to an event triggered in its anchor."""
    gold = json.loads((shared_dir / "eval" / "seed.gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")
    nlp = _nlp(coder, "sv")
    doc = nlp(text)
    lex = load_date_lexicon("sv")
    assert gold["dates"]
    for g in gold["dates"]:
        i = text.index(g["anchor"])
        sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
        toks = [t for t in sent if i <= t.idx < i + len(g["anchor"])]
        trig = next((t for t in toks if t.pos_ == "VERB"), toks[0])
        got = _nearest(trig, sentence_dates(sent, lex, PUB))
        if "date" in g:
            assert got.date == g["date"], g
        else:
            lo, hi = g["date_range"]
            assert lo <= got.range[0] and got.range[1] <= hi, (g, got)


def test_pipeline_sets_dates(code_sv):
    events = code_sv("Turkiet anföll Syrien förra veckan.\nRyssland hotade Ukraina.", date="2019-12-27")
    assert events
    by_sent = {e.sentence_index: e for e in events}
    if 0 in by_sent:
        e = by_sent[0]
        assert (e.date, e.date_precision, e.date_text, e.date_range) == (
            "2019-W51", "week", "förra veckan", ("2019-12-16", "2019-12-22"))
    if 1 in by_sent:
        e = by_sent[1]
        assert (e.date, e.date_precision, e.date_range) == ("2019-12-27", "publication", None)


def test_seed_coded_dates(code_sv, shared_dir):
    """Coded end to end: events in a sentence with a gold date carry it (those the extractor finds)."""
    gold = json.loads((shared_dir / "eval" / "seed.gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / "000_55b182ca055ce355.txt").read_text(encoding="utf-8")
    events = code_sv(text, date="2019-12-27")
    checked = 0
    for g in gold["dates"]:
        for e in (e for e in events if g["anchor"] in e.event_text):
            checked += 1
            if "date" in g:
                assert e.date == g["date"], (g, e.trigger, e.date)
            else:
                assert g["date_range"][0] <= e.date_range[0] and e.date_range[1] <= g["date_range"][1]
    assert checked >= 1
    others = [e for e in events if not any(g["anchor"] in e.event_text for g in gold["dates"])]
    assert all(e.date_precision in ("publication", "range") for e in others)
