"""actors.listing: the actors of a sentence as a whole - `units` in text order (nationality adjectives as weak
units, pronouns), `actor_ending_at`, `all_actors`, and `discourse_order` (the main subject last); on
sentences of our own."""

from __future__ import annotations


def _units(sa):
    return [(lo, hi, ra.actor.code, weak) for lo, hi, ra, weak in sa.units()]


def test_units_in_text_order_with_weak_adjectives(parse_sentences):
    (sa,) = parse_sentences("Huthierna attackerade ett turkiskt lastfartyg.")
    assert _units(sa) == [(0, 1, "YEMREB", False), (3, 4, "TUR", True)]
    # a bare nationality adjective on a noun that is no actor is not one of the sentence's actors
    assert [ra.actor.code for ra in sa.all_actors()] == ["YEMREB"]


def test_a_pronoun_is_a_unit(parse_sentences):
    (sa,) = parse_sentences("Iraq said it would attack Kuwait.", "en")
    assert _units(sa) == [(0, 1, "IRQ", False), (2, 3, "IRQ", False), (5, 6, "KWT", False)]
    assert sa.units()[1][2].actor.resolution == "coref-pronoun"


def test_the_actor_ending_before_a_token(parse_sentences):
    (sa,) = parse_sentences("Saudiarabien och Förenade Arabemiraten fördömde Iran.")
    assert sa.actor_ending_at(1).actor.code == "SAU"  # before "och"
    assert sa.actor_ending_at(4).actor.code == "ARE"  # before "fördömde"
    assert sa.actor_ending_at(3) is None  # inside the name
    (weak,) = parse_sentences("Huthierna attackerade ett turkiskt lastfartyg.")
    assert weak.actor_ending_at(4) is None  # a weak adjective unit does not count


def test_the_main_subject_comes_last_in_discourse_order(parse_sentences):
    (active,) = parse_sentences("Sverige kritiserade Norge.")
    assert [ra.actor.code for ra in active.all_actors()] == ["SWE", "NOR"]
    assert [ra.actor.code for ra in active.discourse_order()] == ["NOR", "SWE"]
    (passive,) = parse_sentences("Norge kritiserades av Sverige.")
    assert [ra.actor.code for ra in passive.discourse_order()] == ["SWE", "NOR"]
