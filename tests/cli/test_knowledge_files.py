"""Knowledge-file validation through the CLI (issue #6): a broken actor or trigger file (bad YAML, an
unknown PLOVER type or sector, overlapping date ranges, an invalid country code, not UTF-8) is refused by
`konflikt actors check` / `konflikt triggers check` with one line `file:line: reason` per error (exit 1),
and when the coder loads it, `code` and `ingest` stop with one line naming file, line and reason (exit 4)
instead of failing every document, without a traceback unless --debug."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.actors import kb as kb_module
from konflikt.cli import app
from konflikt.events import lexicon as lexicon_module

runner = CliRunner()

GOOD_DOC = "Turkiet attackerade LNA på måndagen. Egypten fördömde Turkiet för attacken mot Tripoli.\n"

ACTOR_HEAD = "version: 1\nkind: person\nentities:\n- id: test_person\n  name: Test Person\n  country: LBY\n"
ACTOR_CASES = {
    # name: (file text, line of the error, words of the reason)
    "bad_yaml": (ACTOR_HEAD + "  names: {sv: [Test Person, en: [x]\n", 7, "invalid YAML"),
    "invalid_country": (ACTOR_HEAD.replace("country: LBY", "country: XYZ"), 6, "invalid country code 'XYZ'"),
    "unknown_sector": (ACTOR_HEAD + "  sector: WARLORD\n", 7, "unknown sector code 'WARLORD'"),
    "overlapping_dates": (ACTOR_HEAD + "  roles:\n"
                          "  - {code: LBYGOV, entity: LBY, title: minister, from: 2016-01-01, to: 2019-01-01}\n"
                          "  - {code: LBYGOV, entity: LBY, title: premier, from: 2018-06-01, to: null}\n",
                          9, "overlapping date ranges"),
    "from_after_to": (ACTOR_HEAD + "  roles:\n  - {code: LBYGOV, entity: LBY, from: 2020-01-01, to: 2019-01-01}\n",
                      8, "is after to"),
    "not_utf8": (None, 6, "not UTF-8"),
}

TRIGGER_HEAD = ("language: sv\nversion: 1\nnegators: [inte]\nlight_verbs:\n  - {lemma: ge, role: give}\ntriggers:\n"
                '  - {id: sv.anfalla, lemma: anfalla, pos: VERB, event: ASSAULT, cameo: "190"}\n')
TRIGGER_CASES = {
    "bad_yaml": (TRIGGER_HEAD + "  - {id: sv.hota, lemma: [hota, pos: VERB}\n", 8, "bad YAML"),
    "unknown_plover_type": (TRIGGER_HEAD + '  - {id: sv.slass, lemma: slåss, pos: VERB, event: FIGHT, cameo: "190"}\n',
                            8, "unknown PLOVER type 'FIGHT'"),
    "mode_of_another_type": (TRIGGER_HEAD + "  - {id: sv.bomba, lemma: bomba, pos: VERB, event: ASSAULT, "
                                            'mode: bombing, cameo: "195"}\n', 8, "not a mode of ASSAULT"),
    "not_utf8": (None, 7, "not UTF-8"),
}


def _write(tmp_path: Path, cases: dict, case: str, name: str) -> tuple[Path, int, str]:
    text, line, reason = cases[case]
    path = tmp_path / name
    if text is None:  # a Latin-1 file: 'Västerås' on the given line
        good = ACTOR_HEAD if cases is ACTOR_CASES else TRIGGER_HEAD
        lines = good.splitlines(keepends=True)
        lines[line - 1] = lines[line - 1].replace("LBY", "LBY # Västerås").replace("anfalla,", "anfalla, # Västerås")
        path.write_bytes("".join(lines).encode("latin-1"))
    else:
        path.write_text(text, encoding="utf-8")
    return path, line, reason


def no_crash(r) -> None:
    assert "Traceback" not in r.stdout and "Traceback" not in r.stderr
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)


@pytest.mark.parametrize("case", sorted(ACTOR_CASES))
def test_actors_check_refuses_a_broken_file(tmp_path, case):
    path, line, reason = _write(tmp_path, ACTOR_CASES, case, f"{case}.yaml")
    r = runner.invoke(app, ["actors", "check", str(path)])
    no_crash(r)
    assert r.exit_code == 1, r.stdout
    out = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert len(out) == 1 and out[0].startswith(f"{path}:{line}: ") and reason in out[0], out


@pytest.mark.parametrize("case", sorted(TRIGGER_CASES))
def test_triggers_check_refuses_a_broken_file(tmp_path, case):
    path, line, reason = _write(tmp_path, TRIGGER_CASES, case, "sv.yaml")
    r = runner.invoke(app, ["triggers", "check", str(path)])
    no_crash(r)
    assert r.exit_code == 1, r.stdout
    out = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert len(out) == 2 and out[0].startswith(f"{path}:{line}: ") and reason in out[0], out
    assert out[1] == "1 lexicon file(s) checked, 1 error(s)"


def test_names_check_accepts_the_packaged_cues_and_refuses_a_broken_file(tmp_path):
    r = runner.invoke(app, ["names", "check"])
    no_crash(r)
    assert r.exit_code == 0 and "1 name-cue file(s) checked, 0 error(s)" in r.stdout, r.stdout
    bad = tmp_path / "cues.yaml"
    bad.write_text("version: 1\nlanguages:\n  en:\n    org_heads: [Party]\n    unknown_org_sectors: {MIL: rebels}\n",
                   encoding="utf-8")
    r = runner.invoke(app, ["names", "check", str(bad)])
    no_crash(r)
    out = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert r.exit_code == 1 and len(out) == 2 and out[0].startswith(f"{bad}:5: ") and "rebels" in out[0], out


def test_checks_accept_good_files_and_directories(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "good.yaml").write_text(ACTOR_HEAD, encoding="utf-8")
    (tmp_path / "triggers").mkdir()
    (tmp_path / "triggers" / "sv.yaml").write_text(TRIGGER_HEAD, encoding="utf-8")
    for args in (["actors", "check", str(tmp_path / "actors" / "good.yaml")],
                 ["actors", "check", str(tmp_path / "actors")], ["triggers", "check", str(tmp_path / "triggers")]):
        r = runner.invoke(app, args)
        no_crash(r)
        assert r.exit_code == 0, (args, r.stdout)
    bad, line, _ = _write(tmp_path / "actors", ACTOR_CASES, "invalid_country", "bad.yaml")
    r = runner.invoke(app, ["actors", "check", str(tmp_path / "actors")])
    assert r.exit_code == 1 and r.stdout.startswith(f"{bad}:{line}: ")


# ------------------------------------------------------------------------------------------ at load
@pytest.fixture()
def broken_actors(tmp_path, monkeypatch):
    """The packaged actor files with a bad entry appended to groups.yaml (as an analyst would add one)."""
    data = tmp_path / "actors"
    shutil.copytree(kb_module.DATA_DIR, data)
    groups = data / "groups.yaml"
    text = groups.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 3
    groups.write_text(text + "- id: northern_brigade\n  name: Northern Brigade\n  country: XYZ\n  sector: REB\n",
                      encoding="utf-8")
    monkeypatch.setattr(kb_module, "DATA_DIR", data)
    kb_module._default_kb.cache_clear()
    yield groups, line, "invalid country code 'XYZ'"
    kb_module._default_kb.cache_clear()


@pytest.fixture()
def broken_triggers(tmp_path, monkeypatch):
    """The packaged Swedish lexicon with a trigger of an unknown PLOVER type appended."""
    sv = tmp_path / "sv.yaml"
    text = lexicon_module.default_lexicon_path("sv").read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 1
    entry = '  - {id: sv.test_fight, lemma: slåss, pos: VERB, event: FIGHT, cameo: "190"}\n'
    sv.write_text(text + entry, encoding="utf-8")
    packaged = lexicon_module.default_lexicon_path
    monkeypatch.setattr(lexicon_module, "default_lexicon_path", lambda lang: sv if lang == "sv" else packaged(lang))
    lexicon_module._load_default.cache_clear()
    yield sv, line, "unknown PLOVER type 'FIGHT'"
    lexicon_module._load_default.cache_clear()


@pytest.mark.parametrize("which", ["broken_actors", "broken_triggers"])
def test_code_and_ingest_stop_on_a_broken_file_at_load(tmp_path, request, which):
    path, line, reason = request.getfixturevalue(which)
    docs = []
    for i in range(3):
        docs.append(tmp_path / f"doc{i}.txt")
        docs[-1].write_text(GOOD_DOC + f"Notis {i}.\n", encoding="utf-8")
    for command, extra in (("code", ()), ("ingest", ("--db", str(tmp_path / "k.duckdb"), "--no-progress"))):
        r = runner.invoke(app, [command, *map(str, docs), "--date", "2024-03-15", "--lang", "sv", *extra])
        no_crash(r)
        assert r.exit_code == 4, (command, r.stderr)
        err = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(err) == 1, (command, err)  # once, not once per document
        assert f"{path}:{line}: " in err[0] and reason in err[0], (command, err)
        assert r.stdout == ""
    r = runner.invoke(app, ["code", *map(str, docs), "--date", "2024-03-15", "--lang", "sv", "--debug"])
    assert r.exit_code == 1 and not isinstance(r.exception, SystemExit), r.exception
    assert f"{path}:{line}: " in str(r.exception)
