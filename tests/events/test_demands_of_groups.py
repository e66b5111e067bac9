"""A demand of a country's protesters or opposition that names no one is made of its government, and a quantity
noun's "av"/"of" phrase is its people ("hundrevis av demonstranter"). Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("lang", "text"), [
    ("nb", "Hundrevis av demonstranter krevde i Dakar lørdag at valgresultatet offentliggjøres."),
    ("sv", "Hundratals demonstranter krävde i Dakar på lördagen att valresultatet offentliggörs."),
    ("en", "Hundreds of protesters in Dakar demanded on Saturday that the election results be published."),
])
def test_a_demand_of_protesters_naming_no_one_is_made_of_their_government(code_sv, lang, text):
    (req,) = [e for e in code_sv(text, lang=lang) if e.event == "REQUEST"]
    assert [a.country for a in req.actor] == ["SEN"] and req.actor[0].sector not in {"GOV", "MIL", "COP"}
    assert [a.code for a in req.recipient] == ["SENGOV"]


def test_a_state_demand_naming_no_one_gets_no_government_recipient(code_sv):
    events = code_sv("Senegal's government demanded on Saturday that the results be published.", lang="en")
    assert not any(r.code == "SENGOV" for e in events if e.event == "REQUEST" for r in e.recipient)
