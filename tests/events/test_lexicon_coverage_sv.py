"""Swedish triggers added by the coverage sweep (scripts/lexicon_coverage.py, docs/triggers.md), on sentences
written for these tests: each codes one of the new words; the homonyms their qualifiers keep out code nothing."""

from __future__ import annotations

import pytest


def _events(events):
    return {(e.event, e.cameo, frozenset(a.name for a in e.actor)) for e in events}


CASES = [
    # RETREAT: handing over hostages or power, ending a mission, recalling troops, reducing presence, surrender
    ("Hamas lämnade över fyra gisslan till Röda korset i Rafah.", "RETREAT", "0841", {"Hamas"}),
    ("Talibanerna överlämnade makten i provinsen till ett lokalt råd.", "RETREAT", "0831", {"Taliban"}),
    ("Tyskland avslutar sin militära insats i Mali i år.", "RETREAT", "087", {"Germany"}),
    ("Tyskland hemkallade sina soldater från Niger.", "RETREAT", "087", {"Germany"}),
    ("Ryssland minskade sin truppnärvaro i Armenien.", "RETREAT", "087", {"Russia"}),
    ("Israel öppnade gränsövergången till Gaza för hjälpsändningar.", "RETREAT", "0863", {"Israel"}),
    ("Rebellerna i M23 sträckte vapen i Goma.", "RETREAT", "0874", {"March 23 Movement"}),
    ("Ryssland och Ukraina slopade sanktionerna mot varandra.", "RETREAT", "085", {"Russia", "Ukraine"}),
    # AID
    ("Världslivsmedelsprogrammet delade ut nödhjälp till flyktingarna i Sudan.", "AID", "073",
     {"World Food Programme"}),
    ("Kanada tog emot tusentals flyktingar från Syrien.", "AID", "075", {"Canada"}),
    # SANCTION: an annulled agreement, a sanctions package (light verb 'anta'), recalls, cuts, exclusion
    ("Ryssland upphävde avtalet med Ukraina om spannmål.", "SANCTION", "160", {"Russia"}),
    ("EU antog ett nytt sanktionspaket mot Iran.", "SANCTION", "163", {"European Union"}),
    ("Turkiet återkallade sin ambassadör från Israel.", "SANCTION", "161", {"Turkey"}),
    ("USA skar ned biståndet till Guatemala.", "SANCTION", "162", {"United States"}),
    ("Armenien nedgraderade förbindelserna med Ryssland.", "SANCTION", "161", {"Armenia"}),
    ("Europarådet uteslöt Ryssland ur organisationen.", "SANCTION", "161", {"Council of Europe"}),
    ("Frankrike ställde in statsbesöket i Algeriet.", "SANCTION", "160", {"France"}),
    # ASSAULT, COERCE, MOBILIZE
    ("Israeliska soldater stormade flyktinglägret i Jenin.", "ASSAULT", "190", {"Israel Defense Forces"}),
    ("Ukrainska styrkor besegrade de ryska trupperna vid Kupjansk.", "ASSAULT", "190", {"Ukraine"}),
    ("Polisen i Georgien omhändertog flera demonstranter i Tbilisi.", "COERCE", "173", {"Georgia"}),
    ("Egypten stoppade hjälpkonvojen vid gränsen till Gaza.", "COERCE", "191", {"Egypt"}),
    ("Militären i Bolivia genomförde ett kuppförsök i La Paz.", "COERCE", "170", {"Bolivia"}),
    ("Nordkorea landsatte trupper på ön.", "MOBILIZE", "154", {"North Korea"}),
    # AGREE, COOPERATE, ACCUSE, REJECT, REQUEST
    ("Iran tackade ja till inbjudan från Saudiarabien.", "AGREE", "036", {"Iran"}),
    ("Storbritannien och USA delar underrättelser med Ukraina.", "COOPERATE", "064",
     {"United Kingdom", "United States"}),
    ("Hizbollah tog avstånd från attacken mot FN-styrkan.", "ACCUSE", "110", {"Hezbollah"}),
    ("Australien avböjde Kinas erbjudande om samtal.", "REJECT", "125", {"Australia"}),
    ("Säkerhetsrådet sammankallade ett krismöte om Sudan.", "REQUEST", "106", {"United Nations Security Council"}),
    # added for unseen news: entering a territory, driving out, repelling, revenge, annexing, encircling,
    # ceding land, name-calling, missile launches, countermeasures
    ("Ukrainska förband trängde in i Kurskregionen i augusti.", "MOBILIZE", "154", {"Ukraine"}),
    ("Turkiska trupper ryckte in i norra Syrien i oktober.", "MOBILIZE", "154", {"Turkey"}),
    ("Ryska soldater har gått in på georgiskt territorium.", "MOBILIZE", "154", {"Russia"}),
    ("Israeliska styrkor drev ut Hizbollahs krigare ur byn.", "ASSAULT", "190", {"Israel Defense Forces"}),
    ("Armén slog tillbaka rebellernas anfall mot Goma.", "ASSAULT", "190",
     {"Armed Forces of the Democratic Republic of the Congo"}),
    ("Hizbollah hämnades med raketer mot norra Israel.", "ASSAULT", "190", {"Hezbollah"}),
    ("Israels vedergällning mot Iran började på lördagen.", "ASSAULT", "190", {"Israel"}),
    ("Ryssland har införlivat fyra ukrainska regioner.", "COERCE", "192", {"Russia"}),
    ("Ryska styrkor har omringat staden Avdijivka.", "COERCE", "191", {"Russia"}),
    ("Israel lämnade över området till den palestinska myndigheten.", "RETREAT", "0874", {"Israel"}),
    ("Irans utrikesminister kallade Israel en terrorstat.", "ACCUSE", "111", {"Iran"}),
    ("Nordkorea sköt på onsdagen upp en ballistisk robot.", "MOBILIZE", "150", {"North Korea"}),
    ("Kina vidtog motåtgärder mot Litauen.", "SANCTION", "160", {"China"}),
    ("Kina har infört exportrestriktioner mot USA som svar på de amerikanska tullarna.", "SANCTION", "163",
     {"China"}),
    # a light verb's object whose parse took the preposition of the time phrase before it
    ("Europeiska unionen antog på måndagen ett nytt sanktionspaket mot Ryssland.", "SANCTION", "163",
     {"European Union"}),
]


@pytest.mark.parametrize("text,etype,cameo,actors", CASES, ids=[c[0][:40] for c in CASES])
def test_new_trigger_codes(code_sv, text, etype, cameo, actors):
    got = _events(code_sv(text))
    assert (etype, cameo, frozenset(actors)) in got, got


# homonyms: the same verbs with everyday objects; their qualifiers (requires_qualifier) keep them out
NOTHING = [
    "Styrelsen avslutade mötet efter två timmar.",
    "Vi avslutade kvällen med en promenad.",
    "Kommunen delade ut priset till årets företagare.",
    "Eleverna lämnade över sina uppsatser till läraren.",
    "AIK besegrade Djurgården med 2-1 i derbyt.",
    "Riksbanken minskade räntan med en halv procentenhet.",
    "Forskarna antar att klimatet blir varmare.",
    "Hon stoppade pengarna i fickan.",
    "Domaren ställde in matchen på grund av snön.",
    "Hon sökte jobb på flera företag.",
    "Han öppnade dörren till köket.",
    "Kriget har gått in i en ny fas.",
    "Ministern kallade mötet konstruktivt.",
    "Regeringen sköt upp omröstningen.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:40] for t in NOTHING])
def test_homonym_codes_nothing(code_sv, text):
    events = code_sv(text)
    assert not events, _events(events)


def test_standing_by_a_side_and_joint_or_military_operations(code_sv):
    def dy(text):
        return {(e.event, frozenset(a.name for a in e.actor), frozenset(r.name for r in e.recipient))
                for e in code_sv(text)}

    assert ("SUPPORT", frozenset({"United States"}), frozenset({"Israel"})) in dy(
        "USA står vid Israels sida, sade Biden.")
    assert ("SUPPORT", frozenset({"Hungary"}), frozenset({"Russia"})) in dy(
        "Ungern ställde sig på Rysslands sida i omröstningen.")
    assert ("SUPPORT", frozenset({"Poland"}), frozenset({"Lithuania"})) in dy(
        "Litauen kritiserade Ryssland, och Polen står vid landets sida.")
    got = dy("Kenya och Haiti inledde i juli gemensamma insatser mot gängen.")
    assert ("COOPERATE", frozenset({"Kenya"}), frozenset({"Haiti"})) in got, got
    assert any(t == "MOBILIZE" and a == frozenset({"United Nations"})
               for t, a, _r in dy("FN inledde en militär insats i Sydsudan 2011."))
    for text in ("Soldaterna stod vid gränsen hela natten.", "Hon gjorde en stor insats för kommunen."):
        assert not code_sv(text), text


def test_support_against_someone_is_not_for_them(code_sv):
    events = code_sv("Frankrike gav Armenien militärt stöd mot Azerbajdzjan.")
    assert not any(r.name == "Azerbaijan" for e in events if e.event in {"AID", "SUPPORT"} for r in e.recipient), \
        [(e.event, [r.name for r in e.recipient]) for e in events]
