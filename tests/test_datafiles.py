"""`konflikt.datafiles.word_list`: one language's words of a packaged word-list file."""

from __future__ import annotations

import pytest

from konflikt import datafiles


def test_word_list_reads_one_language(monkeypatch, tmp_path):
    (tmp_path / "words.yaml").write_text('sv: [och, "no"]\nen: [and]\nbad: och\n', encoding="utf-8")
    monkeypatch.setattr(datafiles, "SCHEMA_DIR", tmp_path / "schemas")
    assert datafiles.word_list("words.yaml", "sv") == ["och", "no"]
    assert datafiles.word_list("words.yaml", "xx") == []
    with pytest.raises(ValueError, match="words.yaml: 'bad' must be a list of strings"):
        datafiles.word_list("words.yaml", "bad")


def test_the_packaged_word_lists():
    assert "bl.a" in datafiles.word_list("prefilter/abbreviations.yaml", "sv")
    assert "enligt" in datafiles.word_list("prefilter/function_words.yaml", "sv")
