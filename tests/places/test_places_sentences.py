"""Event locations in parsed sentences: which place the trigger governs, and how it was chosen.

Events are built by hand (trigger, actor spans) so the tests do not depend on event extraction.
"""

from __future__ import annotations

import pytest

from konflikt.places import DocumentPlaces, choose_place, find_mentions, load_attachment, load_gazetteer
from konflikt.records import Actor, Event


def _nlp(coder, lang):
    from konflikt.nlp import PipelineNotFound

    try:
        return coder.resources(lang).nlp
    except PipelineNotFound:
        pytest.skip(f"no trained {lang} pipeline")


def _event(text: str, trigger: str, actors: tuple[str, ...] = (), recipients: tuple[str, ...] = (),
           lang: str = "sv", quad: int = 4) -> Event:
    def actor(words: str) -> Actor:
        i = text.index(words)
        return Actor(raw_text=words, name=words, span=(i, i + len(words)))

    i = text.index(trigger)
    return Event(id="d:0:0", doc_id="d", sentence_index=0, event_text=text, sentence_span=(0, len(text)),
                 span=(i, i + len(trigger)), trigger=trigger, event="ASSAULT" if quad == 4 else "ACCUSE",
                 quad_code=quad, intensity=-9.0 if quad == 4 else -2.0,
                 actor=[actor(a) for a in actors], recipient=[actor(r) for r in recipients], language=lang,
                 confidence=0.9)


def _locate(nlp, lang, text, trigger, actors=(), recipients=(), countries=None, dominant=None):
    sent = next(nlp(text).sents)
    mentions = find_mentions(sent, load_gazetteer(), load_attachment(lang))
    ctx = DocumentPlaces(countries or {}, dominant)
    quad = 3 if trigger in _VERBAL else 4
    return choose_place(_event(text, trigger, actors, recipients, lang, quad), sent, mentions, ctx, lang)


_VERBAL = {"kritiserade", "criticised", "varnade", "uppmanade", "called", "warned", "rejected", "met", "Förhandlingar"}


SV = [
    ("Haftar hade lanserat en offensiv mot Tripoli i april.", "offensiv", (), ("Tripoli",),
     "Tripoli", "LBY", "preposition"),
    ("General Haftars självutnämnda libyska nationella armé, baserad i Tobruk, kämpar för makten mot den "
     "internationellt erkända regeringen i Tripoli.", "kämpar", (), (), "Tripoli", "LBY", "preposition"),
    ("Förra veckan gick trupper från Haftar ombord på ett turkiskt lastfartyg utanför Libyas östkust.", "gick",
     (), (), "Libya", "LBY", "preposition"),
    ("Detta gör att Ankara kan utveckla sin närvaro i Libyen.", "utveckla", ("Ankara",), (),
     "Libya", "LBY", "preposition"),
    ("De senaste tio dagarna expanderar striderna till utkanten av Tripoli.", "striderna", (), (),
     "Tripoli", "LBY", "preposition"),
    ("Rebellerna erövrade Sirte efter hårda strider.", "erövrade", ("Rebellerna",), (), "Sirte", "LBY", None),
    ("Ryska flygplan bombade sjukhus i Idlib och Aleppo.", "bombade", (), (), "Idlib", "SYR", "preposition"),
    ("Armén anföll byar nära Charkiv.", "anföll", ("Armén",), (), "Kharkiv", "UKR", "preposition"),
    ("Israel genomförde flyganfall mot mål i Gaza.", "flyganfall", ("Israel",), (),
     "Gaza Strip", "PSE", "preposition"),
    ("Kriget i Syrien har pågått i åtta år.", "Kriget", (), (), "Syria", "SYR", "preposition"),
    ("Migranter drunknade i Medelhavet utanför Libyen.", "drunknade", (), (), "Mediterranean Sea", None,
     "preposition"),
    ("Haftars styrkor, som är baserade i Benghazi, anföll flygplatsen i Tripoli.", "anföll", (), (),
     "Tripoli", "LBY", "preposition"),
    ("Turkiet skickade soldater till Libyen.", "skickade", ("Turkiet",), (), "Libya", "LBY", "preposition"),
    ("Ryssland har flyttat trupper till Krim.", "flyttat", ("Ryssland",), (), "Crimea", "UKR", "preposition"),
    ("Nu när Turkiet har erbjudit militärstöd till regeringen är interventionen i Syrien på väg mot sitt slut.",
     "erbjudit", ("Turkiet",), (), None, None, None),
    ("Haftars armé, baserad i Tobruk, anföll regeringen.", "anföll", ("Haftars armé",), (), None, None, None),
    ("Ryssland anföll Ukraina på fredagen.", "anföll", ("Ryssland",), ("Ukraina",), "Ukraine", "UKR", "argument"),
    ("Iran varnade Israel för en utvidgning av kriget till Libanon.", "varnade", ("Iran",), ("Israel",),
     None, None, None),
    ("Ryssland och Ukraina utväxlade fångar efter medling av Förenade Arabemiraten.", "utväxlade",
     ("Ryssland", "Ukraina"), (), None, None, None),
    ("Ukrainas president Zelenskyj uppmanade kongressen att agera.", "uppmanade", ("president Zelenskyj",), (),
     None, None, None),
    ("Hizbollah avfyrade raketer mot norra Israel.", "avfyrade", ("Hizbollah",), (), "Israel", "ISR", "preposition"),
    ("Tusentals israeler demonstrerade i Tel Aviv i lördags.", "demonstrerade", ("israeler",), (),
     "Tel Aviv", "ISR", "preposition"),
    ("Ryssland och Ukraina utväxlade fångar.", "fångar", (), (), None, None, None),
    ("Egypten kritiserade Turkiet hårt.", "kritiserade", ("Egypten",), ("Turkiet",), None, None, None),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "recipients", "name", "country", "method"), SV)
def test_swedish(coder, text, trigger, actors, recipients, name, country, method):
    loc = _locate(_nlp(coder, "sv"), "sv", text, trigger, actors, recipients)
    if name is None:
        assert loc is None, loc
        return
    assert loc is not None
    assert (loc.name, loc.country) == (name, country)
    if method:
        assert loc.method == method
    assert loc.raw_text and loc.raw_text in text


def test_document_fallback(coder):
    nlp = _nlp(coder, "sv")
    text = "Turkiet har erbjudit militärstöd till den libyska regeringen."
    loc = _locate(nlp, "sv", text, "erbjudit", ("Turkiet",), (), {"LBY": 9, "TUR": 3}, "LBY")
    assert (loc.name, loc.method, loc.raw_text) == ("Libya", "document", None)
    assert _locate(nlp, "sv", text, "erbjudit", ("Turkiet",)) is None


def test_sentence_country(coder):
    loc = _locate(_nlp(coder, "sv"), "sv", "Förhandlingar om Libyen pågår.", "Förhandlingar")
    assert (loc.name, loc.method) == ("Libya", "sentence-country")


def test_tripoli_in_a_lebanon_article(coder):
    loc = _locate(_nlp(coder, "sv"), "sv", "Armén anföll militanter i Tripoli.", "anföll", ("Armén",), (),
                  {"LBN": 5}, "LBN")
    assert (loc.name, loc.country) == ("Tripoli", "LBN")
    assert abs(loc.lat - 34.43) < 0.05


EN = [
    ("Haftar had launched an offensive against Tripoli in April.", "offensive", (), (), "Tripoli", "LBY"),
    ("Russian jets bombed a hospital in Idlib.", "bombed", (), (), "Idlib", "SYR"),
    ("The army shelled villages near Kharkiv.", "shelled", ("The army",), (), "Kharkiv", "UKR"),
    ("Troops boarded a Turkish ship off Libya's east coast.", "boarded", ("Troops",), (), "Libya", "LBY"),
    ("Turkey sent soldiers to Libya.", "sent", ("Turkey",), (), "Libya", "LBY"),
    ("Russian forces shelled Kharkiv on Thursday.", "shelled", ("Russian forces",), ("Kharkiv",), "Kharkiv", "UKR"),
    ("Protesters marched in Baghdad over the past ten days.", "marched", ("Protesters",), (), "Baghdad", "IRQ"),
    ("Israel carried out air strikes in Gaza.", "strikes", ("Israel",), (), "Gaza Strip", "PSE"),
    ("Haftar's forces, based in Benghazi, attacked the airport in Tripoli.", "attacked", ("Haftar's forces",), (),
     "Tripoli", "LBY"),
    ("Migrants drowned in the Mediterranean off Libya.", "drowned", ("Migrants",), (), "Mediterranean Sea", None),
    ("Ukrainian troops advanced toward Kherson.", "advanced", ("Ukrainian troops",), (), "Kherson", "UKR"),
    ("Clashes erupted near the Syrian city of Aleppo.", "Clashes", (), (), "Aleppo", "SYR"),
    ("Russia moved troops into Crimea.", "moved", ("Russia",), (), "Crimea", "UKR"),
    ("Xi Jinping met Vladimir Putin in Beijing on Thursday.", "met", ("Xi Jinping",), ("Vladimir Putin",),
     "Beijing", "CHN"),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "recipients"), [
    ("Ankara will expand its presence.", "expand", ("Ankara",), ()),
    ("Egypt criticised Turkey.", "criticised", ("Egypt",), ("Turkey",)),
    ("The Security Council called on Israel to allow aid.", "called", ("The Security Council",), ()),
    ("Iran warned of a war against Lebanon.", "warned", ("Iran",), ()),
    ("Israel rejected Hamas's demand for a permanent ceasefire in Gaza.", "rejected", ("Israel",), ()),
    ("Haftar's army, based in Tobruk, attacked the government.", "attacked", ("Haftar's army",), ()),
])
def test_english_no_location(coder, text, trigger, actors, recipients):
    assert _locate(_nlp(coder, "en"), "en", text, trigger, actors, recipients) is None


@pytest.mark.parametrize(("text", "trigger", "actors", "recipients", "name", "country"), EN)
def test_english(coder, text, trigger, actors, recipients, name, country):
    loc = _locate(_nlp(coder, "en"), "en", text, trigger, actors, recipients)
    assert loc is not None and (loc.name, loc.country) == (name, country)
