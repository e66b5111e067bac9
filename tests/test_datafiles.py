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


def test_yaml_is_read_by_libyaml_with_lines_for_errors(tmp_path):
    import yaml

    if hasattr(yaml, "CSafeLoader"):
        assert datafiles.YAML_LOADER is yaml.CSafeLoader
    assert datafiles.load_yaml("a: [1, 2]\nb: två\n") == {"a": [1, 2], "b": "två"}
    with pytest.raises(yaml.YAMLError):  # a safe loader: no Python objects from a knowledge file
        datafiles.load_yaml("x: !!python/object:os.system echo\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\nb: [2, 3\nc: 4\n", encoding="utf-8")
    data, root, errors = datafiles.read_yaml(bad)
    assert data is None and root is None
    assert len(errors) == 1 and errors[0].line in (3, 4) and "bad YAML" in errors[0].reason
    good = tmp_path / "good.yaml"
    good.write_text("a: 1\nb:\n  - x\n  - y\n", encoding="utf-8")
    data, root, errors = datafiles.read_yaml(good)
    assert data == {"a": 1, "b": ["x", "y"]} and errors == []
    assert datafiles.node_line(root, ["b", 1]) == 4


def test_one_parse_gives_the_data_and_the_node_tree():
    text = "a: 1\nb:\n  - x\n  - {c: 2020-01-02}\n"
    data, root = datafiles.parse_yaml(text)
    assert data == datafiles.load_yaml(text) == {"a": 1, "b": ["x", {"c": __import__("datetime").date(2020, 1, 2)}]}
    assert datafiles.node_line(root, ["b", 1]) == 4
    assert datafiles.parse_yaml("") == (None, None)
