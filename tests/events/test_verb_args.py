"""events.verb_args: actor and recipient of a verb trigger - subject and object, passive agent and subject,
verb-second inversion, English participle modifiers, `converse` entries, the condemned event's author; on
sentences of our own (through `extract`, which runs `_verb_arguments` on every verb candidate)."""

from __future__ import annotations


def _cand(cands, word):
    return next(c for c in cands if c.token.text == word)


def _codes(ras):
    return [r.actor.code for r in ras]


def test_subject_acts_on_the_object(extract_sentences):
    ((_sa, cands),) = extract_sentences("Norge anklagade Sverige för spionage.")
    c = _cand(cands, "anklagade")
    assert (c.event, _codes(c.actors), _codes(c.recipients)) == ("ACCUSE", ["NOR"], ["SWE"])
    ((_sa, en),) = extract_sentences("Kenya accused Ethiopia of backing the rebels.", "en")
    c = _cand(en, "accused")
    assert (_codes(c.actors), _codes(c.recipients)) == (["KEN"], ["ETH"])


def test_passive_agent_acts_on_the_subject_or_the_owner_of_an_event_subject(extract_sentences):
    ((_sa, en),) = extract_sentences("Ethiopia was condemned by Kenya on Monday.", "en")
    c = _cand(en, "condemned")
    assert (_codes(c.actors), _codes(c.recipients)) == (["KEN"], ["ETH"])
    ((_sa, sv),) = extract_sentences("Kinas påtryckningar fördömdes av Japan.")
    c = _cand(sv, "fördömdes")  # the pressure is condemned: China is the recipient
    assert (_codes(c.actors), _codes(c.recipients)) == (["JPN"], ["CHN"])


def test_verb_second_inversion_after_a_fronted_adverbial(extract_parse):
    # "I maj angrep Hamas Israel": the parse (built by hand) gives the verb two objects and no subject
    _sa, cands = extract_parse(
        ["I", "maj", "angrep", "Hamas", "Israel", "."], pos=["ADP", "NOUN", "VERB", "PROPN", "PROPN", "PUNCT"],
        deps=["case", "obl", "ROOT", "obj", "obj", "punct"], heads=[1, 2, 2, 2, 2, 2],
        lemmas=["i", "maj", "angripa", "Hamas", "Israel", "."], morphs=["", "", "VerbForm=Fin", "", "", ""])
    c = _cand(cands, "angrep")
    assert "actor:inverted-subject" in c.notes
    assert (_codes(c.actors), _codes(c.recipients)) == (["PSEREBHMS"], ["ISR"])


def test_an_english_hyphenated_participle_is_background(extract_sentences):
    ((_sa, cands),) = extract_sentences("Iran-backed militias attacked Iraq.", "en", generous=True)
    backed = _cand(cands, "backed")
    assert "attributive-participle" in backed.notes and _codes(backed.actors) == ["IRN"]
    assert backed.dropped == "background-participle"  # no recipient named: not kept by the rules
    attack = _cand(cands, "attacked")
    assert _codes(attack.recipients) == ["IRQ"] and attack.dropped is None


def test_a_converse_entry_swaps_actor_and_recipient(extract_sentences):
    ((_sa, sv),) = extract_sentences("Ukraina tog emot vapen från Tyskland.")
    c = _cand(sv, "tog")
    assert c.entry.converse and (c.event, _codes(c.actors), _codes(c.recipients)) == ("AID", ["DEU"], ["UKR"])
    ((_sa, en),) = extract_sentences("Ukraine received weapons from Germany.", "en")
    c = _cand(en, "received")
    assert (_codes(c.actors), _codes(c.recipients)) == (["DEU"], ["UKR"])


def test_a_condemned_event_gives_its_author_as_recipient(extract_sentences):
    ((_sa, cands),) = extract_sentences("The UN condemned the launch of missiles by North Korea.", "en")
    c = _cand(cands, "condemned")
    assert _codes(c.recipients) == ["PRK"] and "recipient:condemned-event" in c.notes
