"""The date-expression data files: packaged files are valid; the validator names file, line and reason."""

from __future__ import annotations

import pytest

from konflikt.dates.lexicon import LANGUAGES, DateLexiconError, default_path, load_date_file, validate_date_file

GOOD = """language: sv
version: 1
words:
  month: [januari, februari, mars, april, maj, juni, juli, augusti, september, oktober, november, december]
  weekday: [måndag, tisdag, onsdag, torsdag, fredag, lördag, söndag]
patterns:
  - id: sv.month
    regex: 'i\\s+(?P<m>{month})'
    parse: '{m}'
    examples: ["i april"]
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_packaged_files_valid(lang):
    assert validate_date_file(default_path(lang)) == []


def test_good_file(tmp_path):
    f = tmp_path / "sv.yaml"
    f.write_text(GOOD, encoding="utf-8")
    lex = load_date_file(f)
    assert lex.patterns[0].regex.search("Det hände i april.")


@pytest.mark.parametrize(("change", "reason", "line"), [
    (("'i\\s+(?P<m>{month})'", "'i\\s+(?P<m>{monht})'"), "unknown placeholder", 7),
    (('examples: ["i april"]', 'examples: ["i maj 2011"]'), "does not match its example", 10),
    (("parse: '{m}'", "parse: '{x}'"), "unknown group", 9),
    (("id: sv.month", "id: en.month"), "must start with 'sv.'", 7),
    (("    parse: '{m}'\n", "    parse: '{m}'\n    prefer: sometimes\n"), "is not one of", 10),
    (("version: 1\n", "version: 1\ncolour: blue\n"), "unknown field 'colour'", 3),
    (("'i\\s+(?P<m>{month})'", "'i\\s+(?P<m>{month}'"), "missing )", 8),
])
def test_errors(tmp_path, change, reason, line):
    f = tmp_path / "sv.yaml"
    f.write_text(GOOD.replace(*change), encoding="utf-8")
    errors = validate_date_file(f)
    assert errors, change
    assert any(reason in e.reason for e in errors), errors
    assert any(e.line == line for e in errors), errors
    with pytest.raises(DateLexiconError):
        load_date_file(f)


def test_bad_yaml(tmp_path):
    f = tmp_path / "sv.yaml"
    f.write_text("language: [sv\n", encoding="utf-8")
    (err,) = validate_date_file(f)
    assert "bad YAML" in err.reason and err.line >= 1
