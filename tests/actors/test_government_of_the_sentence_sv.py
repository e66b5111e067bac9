"""Swedish "regeringen" in a sentence about one other country is that country's government, not the last
government the text named — unless that country is the clause's own subject ("Egypten lovade att stödja den
erkända regeringen" is not Egypt's). Sentences written for these tests."""

from __future__ import annotations


def _recipients(events, etype):
    return [r.code for e in events if e.event == etype for r in e.recipient]


def test_the_government_of_the_one_country_the_sentence_names(code_sv):
    events = code_sv("Somalias regering utvisade Etiopiens ambassadör i Mogadishu.\n\n"
                     "Demonstranter i Belgrad krävde regeringens avgång.\n")
    assert _recipients(events, "REQUEST") == ["SRBGOV"], _recipients(events, "REQUEST")


def test_not_the_government_of_the_clause_subject(code_sv):
    events = code_sv("Somalias regering utvisade Etiopiens ambassadör i Mogadishu.\n\n"
                     "Egypten lovade att stödja den erkända regeringen.\n")
    got = _recipients(events, "AGREE")
    assert got and "EGYGOV" not in got, got


def test_a_place_right_after_the_remembered_government_does_not_switch_it(code_sv):
    events = code_sv("Sudans armé stred mot RSF i Khartoum.\n\n"
                     "Armén har inte vägrat att återvända till förhandlingarna i Jeddah.\n")
    actors = [a.code for e in events if e.event == "REJECT" for a in e.actor]
    assert actors and all(c.startswith("SDN") for c in actors), actors


def test_a_leader_is_of_the_government_or_of_the_group_named_with_it(code_sv):
    def actors(text):
        return [a.code for e in code_sv(text) if e.event == "THREATEN" for a in e.actor]

    assert actors("Rysslands ledare hotade Ukraina.") == ["RUSGOV"]
    assert actors("Hamasledaren hotade Israel med nya attacker.") == ["PSEREBHMS"]
    # a business leader is not a government
    assert not [a.code for e in code_sv("Företagsledaren kritiserade regeringen i Stockholm.")
                for a in e.actor if a.code and a.code.endswith("GOV")]
