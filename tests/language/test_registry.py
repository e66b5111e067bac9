"""The language registry (data/languages.yaml): schema, validator, and that the code reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from konflikt.language import registry as reg


def test_packaged_registry_is_valid_and_lists_nb():
    assert reg.validate_registry() == []
    assert {"sv", "en", "nb"} <= set(reg.supported())
    assert reg.rules_of("nb") == "sv" and reg.rules_of("en") == "en"
    assert reg.langid_votes()["no"] == "nb"
    assert reg.language("nb").path("triggers").is_file()


def test_every_consumer_reads_the_registry():
    from konflikt.actors import kb
    from konflikt.config import Settings
    from konflikt.dates import lexicon as dates_lexicon
    from konflikt.events import lexicon as events_lexicon

    codes = reg.supported()
    assert Settings().languages == reg.installed() and set(reg.installed()) <= set(codes)
    assert dates_lexicon.LANGUAGES == codes == events_lexicon.LANGUAGES == kb.LANGS
    assert reg.lang_choices() == ("auto", *codes)


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "triggers").mkdir()
    (tmp_path / "triggers" / "xx.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "xx.yaml").write_text("x", encoding="utf-8")
    p = tmp_path / "languages.yaml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """languages:
  - code: xx
    name: Testish
    model: xx
    rules: sv
    files: {triggers: triggers/xx.yaml, dates: dates/xx.yaml}
    detect: {langid: [xx], words: [foo]}
"""


def test_a_new_language_is_only_data(tmp_path):
    r = reg.load_registry(_write(tmp_path, GOOD))
    assert [lg.code for lg in r.languages] == ["xx"] and r.by_code["xx"].rules == "sv"


@pytest.mark.parametrize("bad, reason", [
    (GOOD.replace("rules: sv", "rules: fr"), "rules"),
    (GOOD.replace("dates/xx.yaml}", "dates/yy.yaml}"), "does not exist"),
    (GOOD + GOOD.split("\n", 1)[1], "listed twice"),
    (GOOD.replace("    model: xx\n", ""), "missing required field 'model'"),
    (GOOD + "refused:\n  - {code: xx, name: X, reason: skip}\n", "both supported and refused"),
])
def test_validator_names_the_problem(tmp_path, bad, reason):
    errors = reg.validate_registry(_write(tmp_path, bad))
    assert errors and any(reason in str(e) for e in errors), errors
    assert all(str(e).count(":") >= 2 for e in errors)  # file:line: reason


def test_refusals_are_one_line_reasons():
    assert "Nynorsk" in reg.unsupported_reason("nn") and "\n" not in reg.unsupported_reason("nn")
    assert "Danish" in reg.unsupported_reason("da")
    assert "'de' is not supported" in reg.unsupported_reason("de")
    assert reg.unsupported_reason("und").startswith("no language detected")


def test_words_for_falls_back_to_the_rule_family():
    table = {"sv": {"av"}, "en": {"by"}}
    assert reg.words_for(table, "nb", set()) == {"av"}
    assert reg.words_for(table, "en", set()) == {"by"}
    assert reg.words_for({"en": {"x"}}, "nb", set()) == set()
