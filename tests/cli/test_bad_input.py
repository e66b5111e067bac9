"""Bad-input battery (issue #6): every malformed, odd or unreadable input through `konflikt code` and
`konflikt ingest`. For each: one line on stderr naming the input and the reason, never a traceback, the
documented exit status (0 all coded, 3 some skipped, 4 nothing coded, 2 usage error), and the good
documents of the same batch are still coded and stored."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import random

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.config import Settings
from konflikt.store import Store

runner = CliRunner()

LARGE_BYTES = 20 * 2**20
"""The issue asks for 100 MB. 20 MB exercises the same paths (streamed read, decode, truncation at
`max_doc_chars` with a warning) in a fraction of the time and disk of CI; `ingest` refuses single
documents over `formats.MAX_TEXT_BYTES` (64 MiB) anyway, which `test_over_the_size_limit` covers."""
LARGE_MAX_DOC_CHARS = 20_000
"""The large file is coded with this `max_doc_chars` (instead of 2,000,000) so that the test measures reading
and truncating, not parsing two million characters."""
LONG_SENTENCE_WORDS = 50_000

SV_GOOD = "Turkiet attackerade LNA på måndagen. Egypten fördömde Turkiet för attacken mot Tripoli.\n"
SV_LATIN1 = "Ryssland skickade vapen till LNA i Benghazi. Sudan fördömde Ryssland för vapnen.\n"
SV_UTF16 = "Qatar stödjer GNA i Tripoli. Förenade Arabemiraten bombade GNA:s styrkor på tisdagen.\n"
SV_NO_EVENTS = ("Vädret i Göteborg blir soligt i helgen, med temperaturer kring tjugo grader. "
                "Många passar på att bada och grilla i parkerna.\n")
DE_TEXT = ("Die Bundesregierung hat am Montag neue Regeln für den Wohnungsbau beschlossen. Nach Angaben des "
           "Ministeriums sollen die Genehmigungsverfahren deutlich schneller werden, damit mehr Wohnungen in den "
           "Großstädten gebaut werden können. Kritiker bemängeln, dass die Förderung nicht ausreicht.\n")
FI_TEXT = ("Hallitus päätti maanantaina uusista säännöistä, joiden tarkoituksena on nopeuttaa asuntorakentamista "
           "suurissa kaupungeissa. Ministeriön mukaan lupaprosessit lyhenevät huomattavasti ensi vuonna.\n")


def _binary() -> bytes:
    rnd = random.Random(6)
    return bytes(rnd.randrange(256) for _ in range(8192)) + b"\x00" * 64


def _large() -> bytes:
    para = (SV_GOOD + "\n").encode("utf-8")
    return para * (LARGE_BYTES // len(para) + 1)


def _long_sentence() -> bytes:
    words = ["Turkiet", "attackerade", "LNA", "och", "Egypten", "fördömde", "Turkiet", "medan", "folk", "väntade"]
    return (" ".join(words[i % len(words)] for i in range(LONG_SENTENCE_WORDS)) + ".\n").encode("utf-8")


# name -> (file name, content, outcome): "ok" = coded (exit 0), "skip" = skipped with one line (exit 4)
CASES = {
    "empty": ("empty.txt", lambda: b"", "skip"),
    "binary": ("binary.txt", _binary, "skip"),
    "latin1": ("latin1.txt", lambda: SV_LATIN1.encode("latin-1"), "ok"),
    "utf16": ("utf16.txt", lambda: SV_UTF16.encode("utf-16"), "ok"),
    "crlf": ("crlf.txt", lambda: SV_GOOD.replace("\n", "\r\n").encode("utf-8") * 3, "ok"),
    "large": ("large.txt", _large, "ok"),
    "long_sentence": ("long.txt", _long_sentence, "ok"),
    "punctuation": ("punct.txt", lambda: b"!!! ... ,,, ;;; ??? --- ((( ))) \"\" '' :: //\n" * 20, "skip"),
    "numbers": ("numbers.txt", lambda: b"12 345 6789 0.5 -3 1e9 42 2024-03-15 17:30\n" * 20, "skip"),
    "german": ("german.txt", lambda: DE_TEXT.encode("utf-8"), "skip"),
    "finnish": ("finnish.txt", lambda: FI_TEXT.encode("utf-8"), "skip"),
    "no_events": ("calm.txt", lambda: SV_NO_EVENTS.encode("utf-8"), "ok"),
    "html": ("broken.html", lambda: ("<html><body><p>" + SV_GOOD + "<div><b>Tripoli</p></span>&amp &nbsp <"
                                     ).encode("utf-8"), "ok"),
}


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def no_crash(r) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)


def stored_texts(db) -> list[str]:
    with Store(db, read_only=True) as st:
        return [t for (t,) in st.con.execute("SELECT text FROM documents").fetchall()]


@pytest.fixture()
def small_docs(monkeypatch):
    """`max_doc_chars` small enough that the large file is truncated quickly (see LARGE_MAX_DOC_CHARS)."""
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert "max_doc_chars" in fields
    small = functools.partial(Settings, max_doc_chars=LARGE_MAX_DOC_CHARS)
    monkeypatch.setattr("konflikt.cli.Settings", small)
    monkeypatch.setattr("konflikt.config.Settings", small)


def _write(tmp_path, case: str):
    name, content, outcome = CASES[case]
    path = tmp_path / name
    path.write_bytes(content())
    return path, outcome


@pytest.mark.parametrize("case", sorted(CASES))
def test_code_one_bad_input(tmp_path, case, small_docs):
    path, outcome = _write(tmp_path, case)
    r = run("code", path, "--date", "2024-03-15")
    no_crash(r)
    if outcome == "ok":
        assert r.exit_code == 0, r.stderr
        assert lines(r.stderr) == []
        for ln in lines(r.stdout):
            json.loads(ln)
    else:
        assert r.exit_code == 4, r.stderr
        err = lines(r.stderr)
        assert len(err) == 1 and path.name in err[0] and "skipped: " in err[0], err
        assert r.stdout == ""


@pytest.mark.parametrize("case", sorted(CASES))
def test_ingest_one_bad_input(tmp_path, case, small_docs):
    path, outcome = _write(tmp_path, case)
    db = tmp_path / "k.duckdb"
    r = run("ingest", path, "--db", db, "--date", "2024-03-15", "--no-progress")
    no_crash(r)
    err = lines(r.stderr)
    assert err[-1].startswith("konflikt: ingest: "), err  # the summary line
    if outcome == "ok":
        assert r.exit_code == 0, r.stderr
        assert len(err) == 1, err
        assert len(stored_texts(db)) == 1
    else:
        assert r.exit_code == 4, r.stderr
        assert len(err) == 2 and path.name in err[0] and "skipped: " in err[0], err
        assert stored_texts(db) == []


def test_events_are_found_in_decoded_text(tmp_path):
    """Decodable text in another encoding is decoded, not rejected: the same events as from UTF-8."""
    for case, text in (("latin1", SV_LATIN1), ("utf16", SV_UTF16), ("crlf", SV_GOOD * 3)):
        path, _ = _write(tmp_path, case)
        utf8 = tmp_path / f"{case}.utf8.txt"
        utf8.write_text(text, encoding="utf-8")
        got, want = (sorted({(e["event"], e["trigger"]) for e in map(json.loads, lines(r.stdout))})
                     for r in (run("code", p, "--date", "2024-03-15") for p in (path, utf8)))
        assert got and got == want, case


def test_large_document_is_truncated_with_a_warning(tmp_path, small_docs):
    path, _ = _write(tmp_path, "large")
    r = run("code", path, "--date", "2024-03-15")
    assert r.exit_code == 0, r.stderr
    events = [json.loads(ln) for ln in lines(r.stdout)]
    assert events
    assert all(e["span"][1] <= LARGE_MAX_DOC_CHARS for e in events)
    assert all(any("truncated" in w for w in e["warnings"]) for e in events)


def test_long_sentence_is_cut_with_a_warning(tmp_path):
    path, _ = _write(tmp_path, "long_sentence")
    r = run("code", path, "--date", "2024-03-15", "--lang", "sv")
    assert r.exit_code == 0, r.stderr
    events = [json.loads(ln) for ln in lines(r.stdout)]
    assert events
    assert any(any("sentence cut" in w for w in e["warnings"]) for e in events)


def test_malformed_jsonl_lines(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": SV_GOOD, "id": "a"}) + "\n{oops\n[1, 2\n" + json.dumps({"text": 5}) + "\n"
                    + json.dumps({"text": SV_NO_EVENTS, "id": "b"}) + "\n", encoding="utf-8")
    db = tmp_path / "k.duckdb"
    r = run("ingest", path, "--db", db, "--date", "2024-03-15", "--no-progress")
    no_crash(r)
    assert r.exit_code == 3, r.stderr
    err = lines(r.stderr)
    skips = [ln for ln in err if "skipped: " in ln]
    assert len(skips) == 3 and len(err) == 4, err
    assert all("lines.jsonl" in ln for ln in skips)
    assert len(stored_texts(db)) == 2
    # `code` reads any file as plain text: the JSON is coded as text, nothing is skipped
    r = run("code", path, "--date", "2024-03-15", "--lang", "sv")
    no_crash(r)
    assert r.exit_code == 0, r.stderr


def test_nonexistent_path(tmp_path):
    missing = tmp_path / "nope.txt"
    for args in (("code", missing), ("ingest", missing, "--db", tmp_path / "k.duckdb", "--no-progress")):
        r = run(*args)
        no_crash(r)
        assert r.exit_code == 4, r.stderr
        err = [ln for ln in lines(r.stderr) if "skipped" in ln and "nope.txt" in ln]
        assert len(err) == 1, r.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_in_a_directory(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(SV_GOOD, encoding="utf-8")
    locked = d / "locked.txt"
    locked.write_text(SV_GOOD.replace("Tripoli", "Benghazi"), encoding="utf-8")
    locked.chmod(0)
    try:
        db = tmp_path / "k.duckdb"
        r = run("ingest", d, "--db", db, "--date", "2024-03-15", "--no-progress")
        no_crash(r)
        assert r.exit_code == 3, r.stderr
        err = lines(r.stderr)
        assert len(err) == 2 and "locked.txt" in err[0] and "cannot read" in err[0], err
        assert len(stored_texts(db)) == 1
        r = run("code", d / "good.txt", locked, "--date", "2024-03-15")
        no_crash(r)
        assert r.exit_code == 3, r.stderr
        err = lines(r.stderr)
        assert len(err) == 1 and "locked.txt" in err[0], err
        assert lines(r.stdout)
    finally:
        locked.chmod(0o644)


def test_batch_from_the_issue(tmp_path):
    """An empty file, a binary file, a Latin-1 file, a UTF-16 file and a good UTF-8 file: the three
    decodable ones are stored, the empty and the binary one are named on stderr, no traceback."""
    d = tmp_path / "in"
    d.mkdir()
    for case in ("empty", "binary", "latin1", "utf16"):
        _write(d, case)
    (d / "good.txt").write_text(SV_GOOD, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    r = run("ingest", d, "--db", db, "--date", "2024-03-15", "--no-progress")
    no_crash(r)
    assert r.exit_code == 3, r.stderr
    err = lines(r.stderr)
    assert len(err) == 3, err
    assert "binary.txt" in err[0] or "binary.txt" in err[1]
    assert any("empty.txt" in ln for ln in err[:2])
    assert sorted(stored_texts(db)) == sorted([SV_LATIN1, SV_UTF16, SV_GOOD])
    assert "3 document(s) coded" in err[-1]
    paths = [d / n for n in sorted(os.listdir(d))]
    r = run("code", *paths, "--date", "2024-03-15")
    no_crash(r)
    assert r.exit_code == 3
    err = lines(r.stderr)
    assert len(err) == 2 and any("binary.txt" in ln for ln in err) and any("empty.txt" in ln for ln in err)
    assert lines(r.stdout)


def test_over_the_size_limit(tmp_path, monkeypatch):
    from konflikt.ingest import formats

    monkeypatch.setattr(formats, "MAX_TEXT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text(SV_GOOD * 50, encoding="utf-8")
    r = run("ingest", path, "--db", tmp_path / "k.duckdb", "--no-progress")
    no_crash(r)
    assert r.exit_code == 4
    err = lines(r.stderr)
    assert len(err) == 2 and "big.txt" in err[0] and "too large" in err[0], err


def test_usage_errors(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SV_GOOD, encoding="utf-8")
    for args in (("code", good, "--date", "15/3/2024"), ("code", good, "--lang", "de"),
                 ("ingest", good, "--db", tmp_path / "k.duckdb", "--lang", "xx")):
        r = run(*args)
        no_crash(r)
        assert r.exit_code == 2, (args, r.stderr)
        assert len(lines(r.stderr)) == 1
