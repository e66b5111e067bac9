"""Language identification: short and long Swedish and English news text, and neighbours that must not
come out as Swedish or English (Danish, Norwegian, German, French) once they are a paragraph long."""

from __future__ import annotations

import pytest

from konflikt.language import Hints, build_hints, detect

SHORT_EN = [
    "Russia attacked Ukraine.",
    "Israel bombed Gaza overnight.",
    "Turkey sends troops to Libya.",
    "Iran denies arming the Houthis.",
    "NATO condemns the missile strike.",
    "Sudan's army retakes Omdurman.",
    "Putin threatens the West.",
    "Rebels seize the airport in Goma.",
    "China warns Taiwan.",
    "The EU imposes new sanctions on Belarus.",
    "Protesters clash with police in Dhaka.",
    "Ceasefire collapses in Gaza.",
    "Hamas fired rockets at Israel on Monday.",
    "Armenia and Azerbaijan sign a peace deal.",
]
SHORT_SV = [
    "Ryssland anföll Ukraina.",
    "Israel bombade Gaza under natten.",
    "Turkiet skickar trupper till Libyen.",
    "Iran förnekar att ha beväpnat huthierna.",
    "Nato fördömer robotattacken.",
    "Sudans armé återtar Omdurman.",
    "Putin hotar väst.",
    "Rebeller intar flygplatsen i Goma.",
    "Kina varnar Taiwan.",
    "EU inför nya sanktioner mot Belarus.",
    "Demonstranter drabbade samman med polis i Dhaka.",
    "Vapenvilan bröt samman i Gaza.",
    "Hamas sköt raketer mot Israel på måndagen.",
    "Armenien och Azerbajdzjan undertecknar ett fredsavtal.",
]
LONG_EN = [
    "Russian forces struck the port city of Odesa with missiles on Friday morning, Ukrainian officials said. "
    "At least twenty people were killed and dozens wounded. Kyiv accused Moscow of deliberately targeting "
    "rescue workers who had arrived at the scene.",
    "The White House announced on Tuesday that the United States would send a new weapons package worth "
    "300 million dollars to Ukraine. President Zelensky again urged Congress to approve the larger aid bill "
    "that has been stuck in the House of Representatives for months.",
    "Sudan's army and the Rapid Support Forces have fought for control of the capital since April. The "
    "United Nations warned that millions of people face famine and called on both sides to allow aid "
    "convoys through.",
    "Houthi rebels in Yemen fired two anti-ship missiles at a cargo vessel in the Red Sea, the US military "
    "said. American and British warplanes later struck radar sites and drone storage facilities near Hodeidah.",
]
LONG_SV = [
    "Ryska styrkor angrep på fredagsförmiddagen hamnstaden Odessa med robotar, uppger ukrainska myndigheter. "
    "Minst tjugo människor dödades och ett trettiotal skadades. Kiev anklagar Moskva för att medvetet ha "
    "riktat in sig på räddningsarbetare som kom till platsen.",
    "Vita huset meddelade på tisdagen att USA skickar ett nytt vapenpaket värt 300 miljoner dollar till "
    "Ukraina. President Zelenskyj uppmanade på nytt kongressen att godkänna det större stödpaket som har "
    "fastnat i representanthuset i flera månader.",
    "Sudans armé och milisen RSF har stridit om huvudstaden sedan i april. FN varnar för att miljontals "
    "människor hotas av svält och uppmanar båda sidor att släppa fram hjälpkonvojerna.",
    "Huthirebellerna i Jemen avfyrade två sjömålsrobotar mot ett lastfartyg i Röda havet, enligt den "
    "amerikanska militären. Amerikanska och brittiska stridsflygplan bombade senare radarstationer och "
    "drönarlager nära Hodeida.",
]
LONG_OTHER = [
    ("da", "Rusland har i nat angrebet flere byer i det østlige Ukraine med droner og missiler, oplyser de "
           "ukrainske myndigheder. Mindst tolv mennesker blev dræbt, og over fyrre er såret. Den danske regering "
           "fordømmer angrebet og lover at sende mere militær støtte til Kyiv."),
    ("da", "Statsministeren sagde tirsdag, at Danmark vil øge forsvarsbudgettet markant i de kommende år. "
           "Beslutningen kommer efter et møde med NATO's generalsekretær i København, hvor truslen fra Rusland "
           "var det vigtigste emne."),
    ("nb", "Russland har i natt angrepet flere byer i det østlige Ukraina med droner og raketter, opplyser "
           "ukrainske myndigheter. Minst tolv mennesker ble drept, og over førti er skadet. Den norske regjeringen "
           "fordømmer angrepet og lover å sende mer militær støtte til Kyiv."),
    ("nb", "Statsministeren sa tirsdag at Norge vil øke forsvarsbudsjettet kraftig i årene som kommer. "
           "Beslutningen kommer etter et møte med Natos generalsekretær i Oslo, der trusselen fra Russland var "
           "det viktigste temaet."),
    ("de", "Russland hat in der Nacht mehrere Städte im Osten der Ukraine mit Drohnen und Raketen angegriffen, "
           "teilten die ukrainischen Behörden mit. Mindestens zwölf Menschen wurden getötet und mehr als vierzig "
           "verletzt. Die Bundesregierung verurteilte den Angriff und kündigte weitere militärische Hilfe an."),
    ("de", "Der Bundeskanzler sagte am Dienstag, Deutschland werde die Verteidigungsausgaben in den kommenden "
           "Jahren deutlich erhöhen. Die Entscheidung fiel nach einem Treffen mit dem NATO-Generalsekretär in "
           "Berlin, bei dem die Bedrohung durch Russland im Mittelpunkt stand."),
    ("fr", "La Russie a attaqué pendant la nuit plusieurs villes de l'est de l'Ukraine avec des drones et des "
           "missiles, selon les autorités ukrainiennes. Au moins douze personnes ont été tuées et plus de quarante "
           "blessées. Le gouvernement français a condamné l'attaque et promis une aide militaire supplémentaire."),
    ("fr", "Le président a déclaré mardi que la France augmenterait fortement son budget de défense dans les "
           "années à venir. Cette décision intervient après une rencontre avec le secrétaire général de l'OTAN à "
           "Paris, où la menace russe était au centre des discussions."),
]


@pytest.fixture(scope="module")
def hints() -> Hints:
    from konflikt.actors.kb import load_kb
    from konflikt.events.lexicon import load_lexicon

    return build_hints(load_kb(), {lg: load_lexicon(lg) for lg in ("sv", "en")})


@pytest.mark.parametrize("text", SHORT_EN + LONG_EN)
def test_english(text, hints):
    assert detect(text, hints)[0] == "en"


@pytest.mark.parametrize("text", SHORT_SV + LONG_SV)
def test_swedish(text, hints):
    assert detect(text, hints)[0] == "sv"


@pytest.mark.parametrize(("lang", "text"), LONG_OTHER)
def test_neighbours_are_not_forced_into_sv_or_en(lang, text, hints):
    got = detect(text, hints)[0]
    assert got not in {"sv", "en"}  # Bokmål is reported as nb (supported since the registry lists it)
    assert got == lang


@pytest.mark.parametrize(("lang", "text"), LONG_OTHER[::2])
def test_neighbours_without_hints(lang, text):
    assert detect(text)[0] == lang


def test_long_sv_en_without_hints():
    assert all(detect(t)[0] == "sv" for t in LONG_SV)
    assert all(detect(t)[0] == "en" for t in LONG_EN)


def test_accuracy_over_all_short_texts(hints):
    texts = [(t, "en") for t in SHORT_EN] + [(t, "sv") for t in SHORT_SV]
    right = sum(detect(t, hints)[0] == lang for t, lang in texts)
    assert right == len(texts)


def test_no_letters():
    assert detect("1234 -- 56")[0] == "und"
    assert detect("")[0] == "und"


def test_exclusive_words_only():
    h = Hints.from_words({"sv": ["och", "Ryssland", "det"], "en": ["and", "Russia"], "da": ["og", "det"]},
                         lemma_langs=["sv", "en"])
    assert h.exclusive["ryssland"] == "sv"
    assert h.exclusive["russia"] == "en"
    assert "det" not in h.exclusive  # listed by two languages: no evidence


def test_score_is_a_probability(hints):
    lang, score = detect(LONG_EN[0], hints)
    assert lang == "en" and 0.5 < score <= 1.0
