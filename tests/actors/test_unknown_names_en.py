"""English names no dictionary knows, with the English NER (issue #16 item 3): unknown people and organisations
are actors, with a sector from the words of their name; a titled person is coded by the title; a place is no
actor; a titled person is the antecedent of a later "he". Sentences written for these tests; the names are
invented."""

from __future__ import annotations

import pytest

from konflikt.actors.kb import load_kb
from konflikt.actors.resolver import unknown_org_sector


def _actors(sa, word):
    return [r.actor for r in sa.resolve(next(t for t in sa.sent if t.text == word))]


@pytest.mark.parametrize(("name", "sector"), [
    ("Zomi Revolutionary Army", "REB"),  # a named army no dictionary knows is a rebel one (cues.yaml)
    ("Cobra Brigades", "REB"),
    ("Arakan Liberation Party", "PTY"),
    ("Ministry of Mines", "GOV"),
    ("Hope Without Borders", None),
])
def test_unknown_organisation_sector_from_its_name(name, sector):
    assert unknown_org_sector(name, load_kb(), "en") == sector


def test_unknown_armed_group_is_an_actor_with_a_sector(parse_sentences):
    (sa,) = parse_sentences("The Zomi Revolutionary Army attacked a police station on Sunday.", "en")
    assert sa.sent.doc.has_annotation("ENT_IOB")  # the English pipeline has an NER now
    (actor,) = _actors(sa, "Army")
    assert actor.name == "Zomi Revolutionary Army" and actor.sector == "REB" and actor.code is None


def test_unknown_person_is_an_actor(parse_sentences):
    (sa,) = parse_sentences("Witnesses said Abdirahman Osman Yusuf threatened the villagers.", "en")
    (actor,) = _actors(sa, "Abdirahman")
    assert actor.name == "Abdirahman Osman Yusuf" and actor.resolution == "ner-person" and actor.sector is None


def test_a_titled_unknown_person_is_coded_by_the_title_and_is_a_later_he(parse_sentences):
    first, second = parse_sentences("Gambian President Omar Ceesay Njie criticized Senegal on Monday. "
                                    "He also threatened to close the border.", "en")
    (actor,) = _actors(first, "Omar")
    assert actor.code == "GMBGOV"
    (he,) = _actors(second, "He")
    assert he.code == "GMBGOV"


def test_an_unknown_place_is_no_actor(parse_sentences):
    (sa,) = parse_sentences("Rebels shelled Qandor Province overnight.", "en")
    assert not [a for a in _actors(sa, "Province") if a.name == "Qandor Province"]


def test_an_unknown_actor_belongs_to_the_country_of_its_name_or_of_the_places_of_the_sentence(parse_sentences):
    (place,) = parse_sentences("The Zomi Revolutionary Army attacked a police station in Mandalay.", "en")
    (actor,) = _actors(place, "Army")
    assert actor.code == "MMRREB" and actor.resolution == "ner+sentence-country"  # Mandalay is in Myanmar
    (named,) = parse_sentences("Police arrested Samuel Okafor in Lagos on Monday.", "en")
    (actor,) = _actors(named, "Samuel")
    assert actor.name == "Samuel Okafor" and actor.code == "NGA"
    # a country named as another participant says nothing about an unknown actor
    (other,) = parse_sentences("The Rainbow Alliance accused the government of Ghana of neglect.", "en")
    assert all(a.country is None for a in _actors(other, "Alliance"))
    (two,) = parse_sentences("Police arrested Samuel Okafor in Lagos and Kumasi on Monday.", "en")
    assert all(a.country is None for a in _actors(two, "Samuel") if a.name == "Samuel Okafor")


def test_members_of_an_unknown_group_are_the_group(parse_sentences):
    (sa,) = parse_sentences("Police detained 40 members of the Ogoni Youth Front in Port Harcourt.", "en")
    (actor,) = _actors(sa, "members")
    assert actor.name == "Ogoni Youth Front" and actor.country == "NGA"
