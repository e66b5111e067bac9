"""Place mentions resolved with the gazetteer: >= 30 per language, with the document's countries as context.

Mentions are found with a tokenizer-only pipeline (spacy.blank), so these tests need no trained model.
Each case: (text, document countries, expected name, expected ISO alpha-3 country or None, kind).
"""

from __future__ import annotations

import pytest
import spacy

from konflikt.places import best_place, find_mentions, load_attachment, load_gazetteer

SV = [
    ("i Tripoli", {"LBY": 3}, "Tripoli", "LBY", "city"),
    ("i Tripoli", {"LBN": 3}, "Tripoli", "LBN", "city"),
    ("i Tripoli", {}, "Tripoli", "LBY", "city"),
    ("mot Tripolis utkanter", {"LBY": 2}, "Tripoli", "LBY", "city"),
    ("baserad i Tobruk", {}, "Tobruk", "LBY", "city"),
    ("striderna i Bengasi", {}, "Benghazi", "LBY", "city"),
    ("hamnen i Misrata", {}, "Misratah", "LBY", "city"),
    ("nära Sirte", {}, "Sirte", "LBY", "city"),
    ("i Derna", {}, "Darnah", "LBY", "city"),
    ("i Damaskus", {}, "Damascus", "SYR", "city"),
    ("runt Aleppo", {}, "Aleppo", "SYR", "city"),
    ("i Beirut", {}, "Beirut", "LBN", "city"),
    ("mot Charkiv", {}, "Kharkiv", "UKR", "city"),
    ("i Kiev", {}, "Kyiv", "UKR", "city"),
    ("hamnen i Odessa", {}, "Odesa", "UKR", "city"),
    ("i Moskva", {}, "Moscow", "RUS", "city"),
    ("i Mariupol", {}, "Mariupol", "UKR", "city"),
    ("över Medelhavet", {}, "Mediterranean Sea", None, "sea"),
    ("på Västbanken", {}, "West Bank", "PSE", "territory"),
    ("i Gaza", {}, "Gaza Strip", "PSE", "territory"),
    ("i Gazaremsan", {}, "Gaza Strip", "PSE", "territory"),
    ("på Krim", {}, "Crimea", "UKR", "region"),
    ("i Donbas", {}, "Donbas", "UKR", "region"),
    ("på Golanhöjderna", {}, "Golan Heights", "SYR", "region"),
    ("i Svarta havet", {}, "Black Sea", None, "sea"),
    ("i Libyen", {}, "Libya", "LBY", "country"),
    ("utanför Libyens östkust", {}, "Libya", "LBY", "country"),
    ("utanför Libyas östkust", {}, "Libya", "LBY", "country"),
    ("till Turkiet", {}, "Turkey", "TUR", "country"),
    ("i Syrien", {}, "Syria", "SYR", "country"),
    ("från Förenade Arabemiraten", {}, "United Arab Emirates", "ARE", "country"),
    ("i Ryssland", {}, "Russia", "RUS", "country"),
    ("i Ukraina", {}, "Ukraine", "UKR", "country"),
    ("i Egypten", {}, "Egypt", "EGY", "country"),
    ("i Köpenhamn", {}, "Copenhagen", "DNK", "city"),
    ("i Bryssel", {}, "Brussels", "BEL", "city"),
    ("i Peking", {}, "Beijing", "CHN", "city"),
    ("i Kairo", {}, "Cairo", "EGY", "city"),
    ("i Bagdad", {}, "Baghdad", "IRQ", "city"),
    ("i Teheran", {}, "Tehran", "IRN", "city"),
    ("i Genève", {}, "Geneva", "CHE", "city"),
    ("i Jerusalem", {}, "Jerusalem", "ISR", "city"),
    ("i Idlib", {}, "Idlib", "SYR", "city"),
    ("i Mosul", {}, "Mosul", "IRQ", "city"),
    ("i Donetskregionen", {}, "Donetsk", "UKR", "city"),
    ("i Charkivregionens norra del", {}, "Kharkiv", "UKR", "city"),
    ("i Idlibprovinsen", {}, "Idlib", "SYR", "city"),
]

EN = [
    ("in Tripoli", {"LBY": 3}, "Tripoli", "LBY", "city"),
    ("in Tripoli", {"LBN": 2}, "Tripoli", "LBN", "city"),
    ("near Tobruk", {}, "Tobruk", "LBY", "city"),
    ("in Benghazi", {}, "Benghazi", "LBY", "city"),
    ("in Misrata", {}, "Misratah", "LBY", "city"),
    ("in Misurata", {}, "Misratah", "LBY", "city"),
    ("outside Sirte", {}, "Sirte", "LBY", "city"),
    ("on Kharkiv", {}, "Kharkiv", "UKR", "city"),
    ("on Kharkov", {}, "Kharkiv", "UKR", "city"),
    ("in Kyiv", {}, "Kyiv", "UKR", "city"),
    ("in Kiev", {}, "Kyiv", "UKR", "city"),
    ("in Odesa", {}, "Odesa", "UKR", "city"),
    ("in Odessa", {}, "Odesa", "UKR", "city"),
    ("in Moscow", {}, "Moscow", "RUS", "city"),
    ("in Damascus", {}, "Damascus", "SYR", "city"),
    ("around Aleppo", {}, "Aleppo", "SYR", "city"),
    ("in Beirut", {}, "Beirut", "LBN", "city"),
    ("in Gaza", {}, "Gaza Strip", "PSE", "territory"),
    ("in the Gaza Strip", {}, "Gaza Strip", "PSE", "territory"),
    ("in Gaza City", {}, "Gaza", "PSE", "city"),
    ("in the West Bank", {}, "West Bank", "PSE", "territory"),
    ("across the Mediterranean", {}, "Mediterranean Sea", None, "sea"),
    ("in the Black Sea", {}, "Black Sea", None, "sea"),
    ("in the Strait of Hormuz", {}, "Strait of Hormuz", None, "sea"),
    ("in Crimea", {}, "Crimea", "UKR", "region"),
    ("in the Donbas", {}, "Donbas", "UKR", "region"),
    ("on the Golan Heights", {}, "Golan Heights", "SYR", "region"),
    ("in Libya", {}, "Libya", "LBY", "country"),
    ("off Libya's east coast", {}, "Libya", "LBY", "country"),
    ("to Turkey", {}, "Turkey", "TUR", "country"),
    ("in Syria", {}, "Syria", "SYR", "country"),
    ("from the United Arab Emirates", {}, "United Arab Emirates", "ARE", "country"),
    ("in Russia", {}, "Russia", "RUS", "country"),
    ("in Ukraine", {}, "Ukraine", "UKR", "country"),
    ("in Egypt", {}, "Egypt", "EGY", "country"),
    ("in Cairo", {}, "Cairo", "EGY", "city"),
    ("in Baghdad", {}, "Baghdad", "IRQ", "city"),
    ("in Tehran", {}, "Tehran", "IRN", "city"),
    ("in Sanaa", {}, "Sanaa", "YEM", "city"),
    ("in Mosul", {}, "Mosul", "IRQ", "city"),
    ("in Washington", {}, "Washington", "USA", "city"),
    ("in Paris", {}, "Paris", "FRA", "city"),
    ("in Paris", {"USA": 4}, "Paris", "USA", "city"),
]


@pytest.fixture(scope="module")
def blank():
    return {lang: spacy.blank(lang) for lang in ("sv", "en")}


def _resolve(nlp, lang, text, countries):
    doc = nlp(text)
    mentions = find_mentions(doc[:], load_gazetteer(), load_attachment(lang))
    assert mentions, text
    return mentions[-1], best_place(mentions[-1].places, countries)


@pytest.mark.parametrize(("text", "countries", "name", "country", "kind"), SV)
def test_swedish(blank, text, countries, name, country, kind):
    _, place = _resolve(blank["sv"], "sv", text, countries)
    assert (place.name, place.country, place.kind) == (name, country, kind)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize(("text", "countries", "name", "country", "kind"), EN)
def test_english(blank, text, countries, name, country, kind):
    _, place = _resolve(blank["en"], "en", text, countries)
    assert (place.name, place.country, place.kind) == (name, country, kind)
    assert place.lat is not None and place.lon is not None


def test_counts():
    assert len(SV) >= 30 and len(EN) >= 30


def test_tripoli_libya_coordinates(blank):
    _, place = _resolve(blank["sv"], "sv", "mot Tripoli", {"LBY": 5})
    assert abs(place.lat - 32.89) < 0.05 and abs(place.lon - 13.19) < 0.05
    assert place.geonames_id == 2210247 and place.admin1 == "LY.77"


def test_country_is_at_its_centroid(blank):
    _, place = _resolve(blank["sv"], "sv", "i Libyen", {})
    assert 24 < place.lat < 30 and 15 < place.lon < 21   # the middle of Libya, not Tripoli
    assert place.geonames_id == 2215636


def test_genitive_and_raw_text(blank):
    m, place = _resolve(blank["sv"], "sv", "utanför Libyens östkust", {})
    assert m.text == "Libyens" and m.genitive and place.name == "Libya"


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Båda grupperna får stöd"), ("sv", "Som ett resultat hotar unionen"), ("sv", "Nu när kriget tar slut"),
    ("sv", "de hotar regeringens ställning"), ("sv", "anklagelser mot Hamas"),
    ("en", "accusations against Hamas"), ("en", "The talks ended"), ("en", "they attacked the army"),
])
def test_no_mentions(blank, lang, text):
    doc = blank[lang](text)
    assert find_mentions(doc[:], load_gazetteer(), load_attachment(lang)) == []
