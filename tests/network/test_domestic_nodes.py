"""A country's non-state groups are nodes of their own, not the state: a government cracking down on its
opposition is GOV -> OPP, no self-loop (issue #16: domestic dyads)."""

from konflikt.actors.kb import load_kb
from konflikt.network import dyads, node_of
from konflikt.records import Actor, Event


def _a(raw, name, code, sector):
    return Actor(raw_text=raw, name=name, country="CMR", sector=sector, code=code, entity_id="CMR")


def test_non_state_group_of_a_country_is_its_own_node():
    kb = load_kb()
    police = node_of(_a("Police", "Cameroon", "CMRCOP", "COP"), kb, "2025-10-30")
    protesters = node_of(_a("protesters", "protesters", "CMROPP", "OPP"), kb, "2025-10-30")
    assert police.id == "CMR"  # a state organ is the state
    assert (protesters.id, protesters.country, protesters.sector) == ("CMROPP", "CMR", "OPP")
    assert node_of(_a("protesters", "protesters", "CMROPP", "OPP"), kb, "2025-10-30", level="state").id == "CMR"


def test_a_crackdown_is_a_dyad_between_the_state_and_its_opposition():
    ev = Event(id="1", doc_id="d", sentence_index=0, event_text="Police arrested protesters.", sentence_span=(0, 27),
               span=(7, 15), trigger="arrested", event="COERCE", quad_code=4, intensity=1.0, language="en",
               confidence=1.0, date="2025-10-30", actor=[_a("Police", "Cameroon", "CMRCOP", "COP")],
               recipient=[_a("protesters", "protesters", "CMROPP", "OPP")])
    nodes, pairs = dyads([ev], kb=load_kb())
    assert ("CMR", "CMROPP") in pairs and ("CMR", "CMR") not in pairs
