"""Trigger lexicons: packaged data, lookups, compounds, qualifiers and the validator."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from konflikt.events.lexicon import (
    LexiconError,
    check_command,
    default_lexicon_path,
    load_lexicon,
    validate_lexicon_file,
)
from konflikt.events.ontology import load_ontology

LANGS = ["sv", "en"]
SCHEMA = Path(__file__).resolve().parents[2] / "src/konflikt/data/schemas/triggers.schema.json"


def _lex(lang):
    path = default_lexicon_path(lang)
    if not path.exists():
        pytest.skip(f"no {lang} lexicon yet")
    return load_lexicon(lang)


# ---------------------------------------------------------------------------------------- packaged data
@pytest.mark.parametrize("lang", LANGS)
def test_packaged_file_is_valid(lang):
    path = default_lexicon_path(lang)
    if not path.exists():
        pytest.skip(f"no {lang} lexicon yet")
    assert validate_lexicon_file(path) == []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", LANGS)
def test_all_16_types_and_size(lang):
    lex = _lex(lang)
    onto = load_ontology()
    assert lex.language == lang
    assert {e.event for e in lex.triggers} == set(onto.types)
    assert len(lex.triggers) >= 250
    for t in onto.types:  # every type has a verb, and no type is a token presence
        assert len(lex.by_event(t)) >= 5, t
        assert any(e.pos == "VERB" for e in lex.by_event(t)), t


@pytest.mark.parametrize("lang", LANGS)
def test_every_mode_and_context_valid(lang):
    lex = _lex(lang)
    onto = load_ontology()
    for e in lex.triggers:
        assert e.mode is None or e.mode in onto.modes(e.event), e.id
        assert all(onto.is_context(c) for c in e.context), e.id
        for q in e.qualifiers:
            ev = q.event or e.event
            assert q.mode is None or q.mode in onto.modes(ev), e.id
            assert all(onto.is_context(c) for c in q.context or ()), e.id
        assert e.id.startswith(f"{lang}.")
        assert not (e.compound and e.pos != "NOUN"), e.id
    ids = [e.id for e in lex.triggers]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGS)
def test_word_lists_present(lang):
    lex = _lex(lang)
    assert lex.negators and lex.speech_verbs and lex.recipient_preps and lex.actor_preps
    assert lex.beneficiary_preps and lex.light_verbs
    assert {"future", "hypothetical", "conditional", "intent", "reported"} <= set(lex.modality)
    assert {lv.role for lv in lex.light_verbs} == {"give", "receive", "do"}


def test_cached_default_and_explicit_path_not_cached():
    lex = _lex("sv")
    assert load_lexicon("sv") is lex
    other = load_lexicon("sv", default_lexicon_path("sv"))
    assert other is not lex and len(other.triggers) == len(lex.triggers)
    # a directory holding sv.yaml works too
    assert len(load_lexicon("sv", default_lexicon_path("sv").parent).triggers) == len(lex.triggers)


# ---------------------------------------------------------------------------------------- Swedish lookups
SV_CASES = [
    # lemma, pos, expected event of one of the hits
    ("stödja", "VERB", "SUPPORT"),
    ("stöda", "VERB", "SUPPORT"),  # variant
    ("STÖDJA", "AUX", "SUPPORT"),  # case-insensitive; AUX counts as VERB
    ("stöd", "NOUN", "SUPPORT"),
    ("stöd", "PROPN", "SUPPORT"),
    ("erbjuda", "VERB", "AGREE"),
    ("löfte", "NOUN", "AGREE"),
    ("underteckna", "VERB", "SUPPORT"),
    ("ratificera", "VERB", "SUPPORT"),
    ("avtal", "NOUN", "SUPPORT"),
    ("vapenvila", "NOUN", "CONCEDE"),
    ("förhandling", "NOUN", "CONSULT"),
    ("besöka", "VERB", "CONSULT"),
    ("samarbeta", "VERB", "COOPERATE"),
    ("bistå", "VERB", "AID"),
    ("bistånd", "NOUN", "AID"),
    ("dra tillbaka", "VERB", "RETREAT"),
    ("frige", "VERB", "RETREAT"),
    ("kräva", "VERB", "REQUEST"),
    ("krav", "NOUN", "REQUEST"),
    ("anklaga", "VERB", "ACCUSE"),
    ("fördöma", "VERB", "ACCUSE"),
    ("vägra", "VERB", "REJECT"),
    ("hota", "VERB", "THREATEN"),
    ("hot", "NOUN", "THREATEN"),
    ("demonstrera", "VERB", "PROTEST"),
    ("strejk", "NOUN", "PROTEST"),
    ("sanktion", "NOUN", "SANCTION"),
    ("utvisa", "VERB", "SANCTION"),
    ("mobilisera", "VERB", "MOBILIZE"),
    ("gripa", "VERB", "COERCE"),
    ("belägra", "VERB", "COERCE"),
    ("anfalla", "VERB", "ASSAULT"),
    ("anfall", "NOUN", "ASSAULT"),
    ("bombning", "NOUN", "ASSAULT"),
    ("invasion", "NOUN", "ASSAULT"),
    ("flyganfall", "NOUN", "ASSAULT"),
]


@pytest.mark.parametrize(("lemma", "pos", "event"), SV_CASES)
def test_sv_lookup(lemma, pos, event):
    lex = _lex("sv")
    hits = lex.lookup(lemma, pos)
    assert hits, lemma
    assert event in {e.event for e in hits}


def test_sv_lookup_pos_filter():
    lex = _lex("sv")
    assert all(e.pos == "VERB" for e in lex.lookup("stödja", "VERB"))
    assert lex.lookup("stödja", "NOUN") == []
    assert lex.lookup("stöd", "VERB") == []
    assert lex.lookup("stöd", "ADJ") == []
    assert lex.lookup("finnsinte", "NOUN") == []
    assert {e.pos for e in lex.lookup("anfall")} == {"NOUN"}  # pos=None: everything


def test_sv_particles_reflexives_preps_and_converse():
    lex = _lex("sv")
    dra = lex.lookup("dra", "VERB")
    assert all(e.particle for e in dra)  # "dra" alone is no trigger: every entry needs a particle
    assert {e.particle for e in dra} >= {"tillbaka", "ut"}
    ansluta = lex.lookup("ansluta", "VERB")[0]
    assert ansluta.reflexive and ansluta.prep == "till"
    ombord = [e for e in lex.lookup("gå ombord", "VERB")]
    assert ombord and ombord[0].event == "COERCE" and ombord[0].mode == "seize"
    assert any(e.converse for e in lex.lookup("drabbas", "VERB"))
    assert any(e.converse for e in lex.lookup("utsättas", "VERB"))
    assert not any(e.converse for e in lex.lookup("anfalla", "VERB"))


def test_sv_modes():
    lex = _lex("sv")

    def first(lemma, pos, **kw):
        return next(e for e in lex.lookup(lemma, pos) if all(getattr(e, k) == v for k, v in kw.items()))

    assert first("dra", "VERB", particle="tillbaka").mode == "withdraw"
    assert first("frige", "VERB").mode == "release"
    assert first("avgå", "VERB").mode == "resign"
    assert first("arrestera", "VERB").mode == "arrest"
    assert first("flyganfall", "NOUN").mode == "aerial"
    assert first("drönarattack", "NOUN").mode == "drone"
    assert first("kidnappa", "VERB").mode == "abduct"
    assert first("strejka", "VERB").mode == "strike"


def test_sv_qualifiers_resolve():
    lex = _lex("sv")
    stod = lex.lookup("stöd", "NOUN")[0]
    mil = stod.resolve(["militära"])
    assert (mil.event, mil.cameo, mil.context) == ("AID", "072", ("military",))
    assert mil.mode is None and mil.qualifiers == ()
    assert stod.resolve(["vapen"]).event == "AID"
    eco = stod.resolve(["ekonomiskt"])
    assert (eco.event, eco.context, eco.cameo) == ("AID", ("economic",), "071")
    assert stod.resolve(["humanitärt"]).event == "AID"
    assert stod.resolve(["politiskt"]) is stod  # no qualifier: unchanged
    assert stod.resolve([]) is stod
    # a qualifier that keeps the type inherits the mode; one that changes it drops it
    anfall = lex.lookup("anfall", "NOUN")[0]
    assert anfall.resolve(["drönare"]).mode == "drone"
    assert anfall.resolve(["cyber"]).event == "COERCE" and anfall.resolve(["cyber"]).mode == "cyber"
    # short words only match exactly
    hjalp = lex.lookup("hjälp", "NOUN")[0]
    assert hjalp.resolve(["materiel"]) is hjalp


def test_sv_compound_heads():
    lex = _lex("sv")

    def heads(word):
        return [(p, e.lemma) for p, e in lex.compound_heads(word)]

    assert heads("militärstöd")[0] == ("militär", "stöd")
    assert heads("flyganfall")[0] == ("flyg", "anfall")
    assert heads("drönarattack")[0] == ("drönar", "attack")
    assert heads("drönarattacken")[0] == ("drönar", "attack")  # inflected form
    assert heads("Fredsförhandlingarna")[0] == ("freds", "förhandling")
    assert heads("stöd") == []  # a bare trigger is not a compound
    assert heads("anfall") == []
    assert heads("omstöd") == []  # prefix shorter than 3 letters
    assert heads("krigsfartyg") == []
    # only `compound: true` nouns
    assert all(e.compound and e.pos == "NOUN" for _, e in lex.compound_heads("militärstöd"))
    # the resolved coding of a compound comes from the prefix
    pre, entry = lex.compound_heads("militärstöd")[0]
    assert entry.resolve([pre]).event == "AID"
    pre, entry = lex.compound_heads("flyganfallen")[0]
    assert entry.resolve([pre]).mode == "aerial"


def test_compound_heads_longest_first(tmp_path):
    path = tmp_path / "sv.yaml"
    path.write_text(_minimal(extra=textwrap.dedent("""\
      - {id: sv.attack, lemma: attack, pos: NOUN, compound: true, event: ASSAULT, cameo: "190"}
      - {id: sv.raketattack, lemma: raketattack, pos: NOUN, compound: true, event: ASSAULT,
         mode: heavy-weapons, cameo: "194"}
    """)), encoding="utf-8")
    lex = load_lexicon("sv", path)
    got = [(p, e.id) for p, e in lex.compound_heads("nattraketattacken")]
    assert got == [("natt", "sv.raketattack"), ("nattraket", "sv.attack")]


def test_light_verbs():
    lex = _lex("sv")
    assert lex.light_verb("ge").role == "give"
    assert lex.light_verb("Få").role == "receive"
    assert lex.light_verb("inleda").role == "do"
    assert lex.light_verb("ta") is None  # only "ta emot" is a light verb
    assert lex.light_verb("ta", particle="emot").role == "receive"
    assert lex.light_verb("ta emot").role == "receive"
    assert lex.light_verb("anfalla") is None


def test_modality_and_negators():
    lex = _lex("sv")
    assert lex.is_negator("inte") and lex.is_negator("Aldrig") and not lex.is_negator("och")
    assert "future" in lex.modality_of("ska")
    assert "reported" in lex.modality_of("enligt")


# ---------------------------------------------------------------------------------------- validator
def _minimal(extra: str = "", header: str = "") -> str:
    return (
        "language: sv\nversion: 1\n" + header + "negators: [inte]\n"
        "light_verbs:\n  - {lemma: ge, role: give}\n"
        "triggers:\n"
        "  - id: sv.anfalla\n"
        "    lemma: anfalla\n"
        "    pos: VERB\n"
        "    event: ASSAULT\n"
        "    mode: null\n"
        "    context: [military]\n"
        '    cameo: "190"\n'
        + textwrap.indent(textwrap.dedent(extra), "  ")
    )


def _errors(tmp_path, text, name="sv.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, validate_lexicon_file(path)


def test_minimal_file_is_valid(tmp_path):
    path, errs = _errors(tmp_path, _minimal())
    assert errs == []
    lex = load_lexicon("sv", path)
    assert lex.triggers[0].line == 7 and lex.path == str(path)


def test_bad_yaml(tmp_path):
    path, errs = _errors(tmp_path, _minimal() + "  - id: sv.x\n    lemma: [unclosed\n")
    assert len(errs) == 1
    assert "bad YAML" in errs[0].reason and errs[0].file == str(path) and errs[0].line >= 14


def test_unknown_plover_type(tmp_path):
    extra = '  - {id: sv.slass, lemma: slåss, pos: VERB, event: FIGHT, cameo: "190"}\n'
    path, errs = _errors(tmp_path, _minimal(extra))
    assert [(e.line, "unknown PLOVER type 'FIGHT'" in e.reason) for e in errs] == [(14, True)]
    assert str(errs[0]).startswith(f"{path}:14: ")


def test_mode_not_of_type(tmp_path):
    extra = textwrap.dedent("""\
      - id: sv.bomba
        lemma: bomba
        pos: VERB
        event: ASSAULT
        mode: bombing
        cameo: "195"
      - id: sv.lova
        lemma: lova
        pos: VERB
        event: AGREE
        mode: visit
        cameo: "030"
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    assert [e.line for e in errs] == [18, 24]
    assert "mode 'bombing' is not a mode of ASSAULT" in errs[0].reason
    assert "AGREE has no modes" in errs[1].reason


def test_mode_in_qualifier_checked_against_its_event(tmp_path):
    extra = textwrap.dedent("""\
      - id: sv.stod
        lemma: stöd
        pos: NOUN
        event: SUPPORT
        cameo: "051"
        qualifiers:
          - {words: [militär], event: AID, mode: aerial, cameo: "072"}
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    assert len(errs) == 1 and errs[0].line == 20 and "not a mode of AID" in errs[0].reason


def test_unknown_context(tmp_path):
    extra = textwrap.dedent("""\
      - id: sv.hjalp
        lemma: hjälp
        pos: NOUN
        event: AID
        context: [humanitarian]
        cameo: "073"
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    assert len(errs) == 1 and errs[0].line == 18
    assert "unknown context 'humanitarian'" in errs[0].reason and "human_security" in errs[0].reason


def test_duplicate_id(tmp_path):
    extra = '  - {id: sv.anfalla, lemma: angripa, pos: VERB, event: ASSAULT, cameo: "190"}\n'
    _, errs = _errors(tmp_path, _minimal(extra))
    assert len(errs) == 1 and errs[0].line == 14
    assert "duplicate id 'sv.anfalla' (first at line 7)" in errs[0].reason


def test_bad_cameo_format(tmp_path):
    extra = textwrap.dedent("""\
      - {id: sv.a, lemma: a, pos: VERB, event: ASSAULT, cameo: "19x"}
      - {id: sv.b, lemma: b, pos: VERB, event: ASSAULT, cameo: "2101"}
      - {id: sv.c, lemma: c, pos: VERB, event: ASSAULT, cameo: 190}
      - {id: sv.d, lemma: d, pos: VERB, event: ASSAULT, cameo: "190",
         qualifiers: [{words: [x], cameo: "1"}]}
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    assert [e.line for e in errs] == [14, 15, 16, 18]
    assert all("CAMEO" in e.reason for e in errs)
    assert "quoted string" in errs[2].reason


def test_missing_required_field(tmp_path):
    extra = textwrap.dedent("""\
      - id: sv.hota
        lemma: hota
        pos: VERB
        mode: null
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    reasons = sorted(e.reason for e in errs)
    assert reasons == ["trigger sv.hota: missing required field 'cameo'",
                       "trigger sv.hota: missing required field 'event'"]
    assert {e.line for e in errs} == {14}


def test_missing_top_level_field(tmp_path):
    _, errs = _errors(tmp_path, _minimal().replace("version: 1\n", ""))
    assert len(errs) == 1 and "missing required field 'version'" in errs[0].reason and errs[0].line == 1


def test_unknown_field_and_bad_pos_and_compound_verb(tmp_path):
    extra = textwrap.dedent("""\
      - id: sv.hota
        lemma: hota
        pos: VERB
        compound: true
        evnet: THREATEN
        event: THREATEN
        cameo: "130"
      - {id: sv.x, lemma: x, pos: ADJ, event: THREATEN, cameo: "130"}
    """)
    _, errs = _errors(tmp_path, _minimal(extra))
    got = [(e.line, e.reason.split(": ", 1)[1]) for e in errs]
    assert (17, "compound: true is only allowed on NOUN entries") in got
    assert (18, "unknown field 'evnet'") in got
    assert any(line == 21 and "pos" in r for line, r in got)


def test_duplicate_key_and_id_prefix_and_light_verb_role(tmp_path):
    extra = textwrap.dedent("""\
      - id: en.hota
        lemma: hota
        pos: VERB
        event: THREATEN
        event: THREATEN
        cameo: "130"
    """)
    text = _minimal(extra).replace("role: give", "role: lend")
    _, errs = _errors(tmp_path, text)
    got = {(e.line, e.reason.split(" (")[0]) for e in errs}
    assert (5, "light verb #1: role: 'lend' is not one of ['give', 'receive', 'do']") in got
    assert (14, "trigger en.hota: id must start with 'sv.'") in got
    assert (18, "duplicate key 'event'") in got


def test_not_a_mapping_and_missing_file(tmp_path):
    _, errs = _errors(tmp_path, "- just\n- a list\n")
    assert len(errs) == 1 and "mapping" in errs[0].reason
    errs = validate_lexicon_file(tmp_path / "nope.yaml")
    assert len(errs) == 1 and "cannot read" in errs[0].reason


def test_load_refuses_invalid_file_with_one_line(tmp_path):
    extra = textwrap.dedent("""\
      - {id: sv.a, lemma: a, pos: VERB, event: FIGHT, cameo: "190"}
      - {id: sv.b, lemma: b, pos: VERB, event: ASSAULT, mode: bombing, cameo: "190"}
    """)
    path, _ = _errors(tmp_path, _minimal(extra))
    with pytest.raises(LexiconError) as exc:
        load_lexicon("sv", path)
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}:14: ") and "FIGHT" in msg and "and 1 more" in msg
    assert exc.value.line == 14 and exc.value.file == str(path)


def test_load_refuses_wrong_language(tmp_path):
    path, _ = _errors(tmp_path, _minimal())
    with pytest.raises(LexiconError, match="expected 'en'"):
        load_lexicon("en", path)


def test_check_command(tmp_path, capsys):
    good, _ = _errors(tmp_path, _minimal(), "good.yaml")
    bad, _ = _errors(tmp_path, _minimal('  - {id: sv.a, lemma: a, pos: VERB, event: FIGHT, cameo: "19"}\n'),
                     "bad.yaml")
    assert check_command([good]) == 0
    assert check_command([good, bad]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    errs = [ln for ln in lines if ln.startswith(str(bad))]
    assert errs == [f"{bad}:14: trigger sv.a: unknown PLOVER type 'FIGHT' (expected one of "
                    + ", ".join(load_ontology().types) + ")"]
    assert check_command([tmp_path]) == 1  # a directory: its *.yaml files
    capsys.readouterr()
    assert check_command([]) == 0  # the packaged lexicons
    assert check_command(None) == 0


# ---------------------------------------------------------------------------------------- English
EN_CASES = [
    ("offer", "VERB", "AGREE"), ("pledge", "NOUN", "AGREE"), ("meet", "VERB", "CONSULT"),
    ("negotiation", "NOUN", "CONSULT"), ("visit", "VERB", "CONSULT"), ("endorse", "VERB", "SUPPORT"),
    ("sign", "VERB", "SUPPORT"), ("recognise", "VERB", "SUPPORT"), ("ceasefire", "NOUN", "RETREAT"),
    ("cease-fire", "NOUN", "RETREAT"), ("cooperate", "VERB", "COOPERATE"), ("aid", "NOUN", "AID"),
    ("provide", "VERB", "AID"), ("withdraw", "VERB", "RETREAT"), ("release", "VERB", "RETREAT"),
    ("demand", "VERB", "REQUEST"), ("urge", "VERB", "REQUEST"), ("condemn", "VERB", "ACCUSE"),
    ("criticise", "VERB", "ACCUSE"), ("investigation", "NOUN", "ACCUSE"), ("reject", "VERB", "REJECT"),
    ("threaten", "VERB", "THREATEN"), ("protest", "NOUN", "PROTEST"), ("boycott", "VERB", "PROTEST"),
    ("sanction", "NOUN", "SANCTION"), ("expel", "VERB", "SANCTION"), ("mobilise", "VERB", "MOBILIZE"),
    ("deploy", "VERB", "MOBILIZE"), ("arrest", "VERB", "COERCE"), ("blockade", "NOUN", "COERCE"),
    ("attack", "VERB", "ASSAULT"), ("airstrike", "NOUN", "ASSAULT"), ("shelling", "NOUN", "ASSAULT"),
    ("kidnap", "VERB", "ASSAULT"),
    # modern wire news (CAMEO.2.0 verb classes, CAMEO2PLOVER)
    ("barrage", "NOUN", "ASSAULT"), ("onslaught", "NOUN", "ASSAULT"), ("repel", "VERB", "ASSAULT"),
    ("repulse", "VERB", "ASSAULT"), ("strafe", "VERB", "ASSAULT"), ("pummel", "VERB", "ASSAULT"),
    ("flatten", "VERB", "ASSAULT"), ("lynch", "VERB", "ASSAULT"), ("wrest", "VERB", "COERCE"),
    ("tariff", "NOUN", "SANCTION"), ("broker", "VERB", "CONSULT"), ("airdrop", "VERB", "AID"),
    ("airdrop", "NOUN", "AID"), ("airlift", "VERB", "AID"), ("disburse", "VERB", "AID"),
    ("berate", "VERB", "ACCUSE"), ("lambast", "VERB", "ACCUSE"), ("rebuke", "NOUN", "ACCUSE"),
]


def test_en_verbs_coded_only_with_their_objects():
    """Verbs that are events only with certain objects (requires_qualifier): the object decides the type."""
    lex = _lex("en")

    def entry(lemma, pos="VERB", prep=None):
        return next(e for e in lex.lookup(lemma, pos) if e.prep == prep and e.requires_qualifier)

    launch = entry("launch")
    assert launch.resolve(["ballistic", "missile"]).event == "MOBILIZE"  # a missile test shows force (150)
    assert launch.resolve(["drone"]).event == "ASSAULT"
    assert entry("launch", prep="at").resolve(["missile"]).event == "ASSAULT"
    assert entry("launch", "NOUN").resolve(["ballistic"]).cameo == "150"
    assert entry("intercept").resolve(["tanker"]).event == "COERCE"
    assert entry("designate").resolve(["terrorist"]).event == "SANCTION"
    assert entry("scrap").resolve(["visit"]).event == "SANCTION"
    assert entry("transfer").resolve(["tank"]).event == "AID"
    assert entry("scramble").resolve(["jet"]).event == "MOBILIZE"
    assert entry("burn").resolve(["village"]).event == "ASSAULT"
    for e in (launch, entry("intercept"), entry("transfer"), entry("burn")):
        assert e.qualifier_for(["plan"]) is None, e.id
    assert lex.light_verb("prompt").role == "receive"  # "prompting a protest from Tokyo"
    assert lex.light_verb("attend").role == "do"  # "did not attend the talks"
    assert "despite" in lex.beneficiary_preps  # "despite demands from X": the clause subject is the recipient
    assert any(e.reciprocal for e in lex.lookup("agree", "VERB"))


@pytest.mark.parametrize(("lemma", "pos", "event"), EN_CASES)
def test_en_lookup(lemma, pos, event):
    lex = _lex("en")
    assert event in {e.event for e in lex.lookup(lemma, pos)}, lemma


def test_en_phrasal_verbs():
    lex = _lex("en")

    def one(lemma, **kw):
        hits = [e for e in lex.lookup(lemma, "VERB") if all(getattr(e, k) == v for k, v in kw.items())]
        assert len(hits) == 1, (lemma, kw, hits)
        return hits[0]

    assert one("pull", particle="out").event == "RETREAT"
    assert one("pull out").mode == "withdraw"  # "lemma particle" key
    assert one("call", prep="for").event == "REQUEST"
    assert one("call", particle="off").event == "CONCEDE"
    assert one("call", particle="up").event == "MOBILIZE"
    assert one("call", particle=None, prep=None).mode == "phone"
    assert one("crack", particle="down").event == "COERCE"
    assert one("step", particle="down").mode == "resign"
    assert one("hit", particle="out").event == "ACCUSE"
    assert one("fall", prep="to").converse
    assert lex.light_verb("carry", particle="out").role == "do"
    assert lex.light_verb("carry") is None
    assert lex.light_verb("suffer").role == "receive"


def test_en_qualifiers_and_compounds():
    lex = _lex("en")
    strike = next(e for e in lex.lookup("strike", "NOUN"))
    assert strike.resolve(["general"]).event == "PROTEST"
    assert strike.resolve(["hunger"]).mode == "hunger"
    assert strike.resolve(["drone"]).mode == "drone"
    strike_v = next(e for e in lex.lookup("strike", "VERB"))
    assert strike_v.resolve(["deal"]).event == "SUPPORT"
    support = lex.lookup("support", "NOUN")[0]
    assert support.resolve(["military"]).event == "AID"
    open_ = lex.lookup("open", "VERB")[0]
    assert open_.resolve(["fire"]).event == "ASSAULT"
    heads = [(p, e.lemma) for p, e in lex.compound_heads("airstrikes")]
    assert heads == [("air", "strike")]
    assert [(p, e.lemma) for p, e in lex.compound_heads("counterattacks")] == [("counter", "attack")]
    assert lex.compound_heads("ceasefire") == []  # "fire" is not a compound head


def test_compound_heads_are_memoised_but_not_shared():
    from konflikt.events.lexicon import load_lexicon

    lex = load_lexicon("sv")
    first = lex.compound_heads("drönarattackerna")
    assert [(p, e.lemma) for p, e in first][:1] == [("drönar", "attack")]
    first.clear()  # the caller's copy
    again = lex.compound_heads("Drönarattackerna ")
    assert again and again[0][0] == "drönar"
    assert lex.compound_heads("attack") == []  # a bare trigger is not its own compound


def test_orders_need_a_recipient_by_data():
    from konflikt.events.lexicon import load_lexicon

    for lang, lemma in (("sv", "beordra"), ("en", "order")):
        entries = load_lexicon(lang).lookup(lemma, "VERB")
        assert entries and all(e.needs_recipient for e in entries), lang
    assert not any(e.needs_recipient for e in load_lexicon("sv").lookup("kräva", "VERB"))
