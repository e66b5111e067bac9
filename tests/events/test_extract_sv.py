"""Swedish event extraction on sentences written for these tests (other conflicts than the seed).

Each case: a sentence, and an event that must be among the coded ones: type (one of the accepted),
actor names, recipient names (sets; [] = no recipient), and optionally negation / a modality label.
"""

from __future__ import annotations

import pytest

CASES = [
    # active transitive, country names
    ("Ryssland anföll Ukraina i februari 2022.", {"ASSAULT"}, {"Russia"}, {"Ukraine"}, {}),
    # demonym subject, verb + recipient preposition
    ("Ryssarna skickade vapen till Venezuela förra året.", {"AID", "MOBILIZE"}, {"Russia"}, {"Venezuela"}, {}),
    # passive with agent
    ("Khartoum besköts av Snabbinsatsstyrkorna under natten.", {"ASSAULT"}, {"Rapid Support Forces"},
     {"Sudan"}, {}),
    # nominal event with genitive actor and mot-recipient
    ("Israels offensiv mot Hamas fortsatte under helgen.", {"ASSAULT"}, {"Israel"}, {"Hamas"}, {}),
    # nominal support with från-actor and få (receive) light verb
    ("M23-rebellerna får stöd från Rwanda, enligt FN-experter.", {"SUPPORT", "AID"}, {"Rwanda"},
     {"March 23 Movement"}, {}),
    # coordinated actors
    ("Saudiarabien och Förenade Arabemiraten fördömde attacken mot Israel.", {"ACCUSE"},
     {"Saudi Arabia", "United Arab Emirates"}, {"Israel"}, {}),
    # negation
    ("Tyskland har inte skickat några stridsvagnar till Ukraina.", {"AID", "MOBILIZE"}, {"Germany"},
     {"Ukraine"}, {"negated": True}),
    # promise -> AGREE
    ("USA lovade att skicka mer luftvärn till Israel.", {"AGREE"}, {"United States"}, {"Israel"}, {}),
    # conditional threat
    ("Iran hotar att anfalla Israel om angreppen fortsätter.", {"THREATEN"}, {"Iran"}, {"Israel"}, {}),
    # adjective + sector noun actor
    ("Den sudanesiska armén anklagade RSF för massakrer i Darfur.", {"ACCUSE"}, {"Sudanese Armed Forces"},
     {"Rapid Support Forces"}, {}),
    # metonym actor (Kreml) and recipient (Kiev)
    ("Kreml avvisade kraven från Kiev på en vapenvila.", {"REJECT"}, {"Russia"}, {"Ukraine"}, {}),
    # sanctions
    ("EU införde nya sanktioner mot Iran på måndagen.", {"SANCTION"}, {"European Union"}, {"Iran"}, {}),
    # consult / meet
    ("Egyptens president träffade Hamas ledning i Kairo.", {"CONSULT"}, {"Egypt"}, {"Hamas"}, {}),
    # reported speech keeps the event
    ("Huthirebellerna attackerade ett brittiskt fartyg i Röda havet, säger USA:s militär.", {"ASSAULT"},
     {"Houthis"}, {"United Kingdom"}, {"modality": "reported"}),
    # relative clause with passive: rebels supported by Rwanda
    ("M23, som stöds av Rwanda, har intagit staden Rubaya.", {"SUPPORT", "AID"}, {"Rwanda"}, {"March 23 Movement"}, {}),
    # request
    ("FN uppmanade Israel att släppa in mer nödhjälp i Gaza.", {"REQUEST"}, {"United Nations"}, {"Israel"}, {}),
    # retreat / withdrawal
    ("Frankrike drog tillbaka sina trupper från Mali.", {"RETREAT"}, {"France"}, {"Mali"}, {}),
    # arrest -> COERCE; the journalists, a non-state group of the country, are the target (IRNCOP -> IRNMED)
    ("Polisen i Iran grep flera journalister.", {"COERCE"}, {"Iran"}, {"flera journalister"}, {}),
]


@pytest.mark.parametrize("text,types,actors,recipients,extra", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_codes_expected_event(code_sv, text, types, actors, recipients, extra):
    events = code_sv(text)
    found = []
    for ev in events:
        a = {x.name for x in ev.actor}
        r = {x.name for x in ev.recipient}
        found.append((ev.event, a, r, ev.negated, ev.modality))
        if ev.event in types and a == actors and (r == recipients or (recipients and recipients <= r)):
            if "negated" in extra and ev.negated != extra["negated"]:
                continue
            if "modality" in extra and extra["modality"] not in ev.modality:
                continue
            return
    pytest.fail(f"no {types} {actors}->{recipients} in {found}")


NO_EVENT = [
    "Vädret i Stockholm blir soligt i helgen.",
    "Aktiemarknaden steg med två procent på fredagen.",
    "Landslaget vann matchen mot Norge med 3–1.",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_sentences_code_nothing(code_sv, text):
    assert code_sv(text) == []
