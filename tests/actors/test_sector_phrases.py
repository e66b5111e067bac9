"""actors.sector_phrases: country + sector phrases (nationality adjective, genitive or "från X" owner), bare
sector nouns (the document's last actor of the sector, the sentence's one country), multiword sector phrases,
titled names, unattributed weapons; on sentences of our own, through `SentenceActors.resolve`."""

from __future__ import annotations


def _resolve(sa, word):
    return [(r.actor.code, r.actor.resolution) for r in sa.resolve(next(t for t in sa.sent if t.text == word))]


def test_adjective_genitive_and_from_owners(parse_sentences):
    (adj,) = parse_sentences("Den libyska regeringen angrep Tripoli.")
    ((code, how),) = _resolve(adj, "regeringen")
    assert code == "LBYGOV" and how.startswith("sector-adjective")
    (gen,) = parse_sentences("Rysslands armé angrep Ukraina.")
    assert _resolve(gen, "armé") == [("RUSMIL", "sector-owner")]
    (frm,) = parse_sentences("Soldater från Tchad angrep byn.")
    assert _resolve(frm, "Soldater") == [("TCDMIL", "sector-owner")]


def test_a_bare_definite_sector_noun_is_the_last_of_that_sector(parse_sentences):
    _first, second = parse_sentences("Kenyas regering protesterade mot beslutet. Regeringen kräver ett nytt möte.")
    assert _resolve(second, "Regeringen") == [("KENGOV", "coref-sector")]
    # without anything before it, nothing: no government of nowhere
    (alone,) = parse_sentences("Regeringen kräver ett nytt möte.")
    assert [c for c, _h in _resolve(alone, "Regeringen") if c] == []


def test_domestic_police_of_the_one_country_of_the_sentence(parse_sentences):
    (sa,) = parse_sentences("Polisen grep tre demonstranter i Nairobi.")
    assert _resolve(sa, "Polisen") == [("KENCOP", "sentence-country")]


def test_multiword_sector_and_titled_names(parse_sentences):
    (sa,) = parse_sentences("A human rights group accused the Chinese coast guard of harassment.", "en")
    group = next(t for t in sa.sent if t.text == "group")
    assert sa.multiword_sector(group) == "HRI" and sa.kb.sector_for("group", "en") != "HRI"
    (titled,) = parse_sentences("Serbian President Vojislav Kostunica criticized Croatia.", "en")
    assert [c for c, _h in _resolve(titled, "Vojislav")] == ["SRBGOV"]  # the title before the name


def test_an_unattributed_weapon_has_no_country(parse_sentences):
    (sa,) = parse_sentences("Drones attacked Belgorod.", "en")
    assert _resolve(sa, "Drones") == []
    (owned,) = parse_sentences("Russian drones attacked Kharkiv.", "en")
    assert [c for c, _h in _resolve(owned, "drones")] == ["RUSMIL"]
