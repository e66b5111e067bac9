"""Validate YAML knowledge files against a JSON schema, with errors that name the file and line.

Used by the date-expression files (`konflikt.dates`) and the place exonym file (`konflikt.places`):
`read_yaml(path)` parses a file keeping the node tree for line numbers, `schema_errors(...)` runs a JSON
schema over it, and `DataFileError` is one problem as `file:line: reason` (line 0 if unknown).
`word_list(name, lang)` reads one language's list of a packaged word-list file (the fast path's abbreviations
and function words).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "schemas"

__all__ = ["DataFileError", "DataFileErrors", "read_utf8", "read_yaml", "yaml_error", "schema_errors", "node_line",
           "load_schema", "SCHEMA_DIR", "word_list", "check_files"]


@dataclass(frozen=True, order=True)
class DataFileError:
    """One problem in a data file."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


class DataFileErrors(Exception):
    """A data file is invalid: the message is the first problem (and how many more), `.errors` lists them all."""

    def __init__(self, errors: list[DataFileError]) -> None:
        self.errors = errors
        super().__init__(f"{errors[0]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))


@lru_cache(maxsize=8)
def load_schema(name: str) -> dict:
    """A JSON schema from `data/schemas/` by file name."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def read_utf8(path: Path | str) -> tuple[str | None, tuple[int, str] | None]:
    """(text, None), or (None, (line, reason)) when the file cannot be read or is not UTF-8 (the line of the
    first bad byte)."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return None, (0, f"cannot read file: {exc.strerror or exc}")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, (raw.count(b"\n", 0, exc.start) + 1, f"not UTF-8: {exc.reason}")


def yaml_error(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """(line, problem) of a YAML parse error; the line is at most the file's last line (the parser reports
    an unclosed bracket at the end of the stream)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark is not None else 0
    return line, getattr(exc, "problem", None) or str(exc).splitlines()[0]


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader in C (libyaml, in PyYAML's wheels; ~10x faster), the Python one where it is missing.
Every knowledge file is read through it (`load_yaml`, `compose_yaml`)."""


def load_yaml(source) -> Any:
    """The data of a YAML text or open file, read with the safe loader (`YAML_LOADER`)."""
    return yaml.load(source, Loader=YAML_LOADER)  # noqa: S506 - a safe loader


def compose_yaml(source) -> yaml.Node | None:
    """The node tree (with line marks) of a YAML text or open file, for the validators' file:line errors."""
    return yaml.compose(source, Loader=YAML_LOADER)


def parse_yaml(source) -> tuple[Any, yaml.Node | None]:
    """(data, node tree) of a YAML text or open file from one parse: the tree for file:line errors, the data
    constructed from it (as `load_yaml` would give). Raises yaml.YAMLError."""
    loader = YAML_LOADER(source)
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    finally:
        loader.dispose()


def read_yaml(path: Path | str) -> tuple[Any, yaml.Node | None, list[DataFileError]]:
    """(data, node tree, errors) of a YAML file; data is None when it cannot be read or parsed."""
    file = str(path)
    text, problem = read_utf8(path)
    if text is None:
        return None, None, [DataFileError(file, *problem)]
    try:
        data, root = parse_yaml(text)
    except yaml.YAMLError as exc:
        line, problem = yaml_error(exc, text)
        return None, None, [DataFileError(file, line, f"bad YAML: {problem}")]
    return data, root, []


def node_line(root: yaml.Node | None, path: Sequence[str | int]) -> int:
    """1-based line of the node at `path` (dict keys / list indexes), or of its nearest existing parent."""
    node, line = root, (root.start_mark.line + 1 if root is not None else 0)
    for key in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node, line = nxt, nxt.start_mark.line + 1
    return line


def schema_errors(data: Any, root: yaml.Node | None, file: str, schema: dict) -> list[DataFileError]:
    """Every JSON-schema violation of `data`, one error per problem, with the line of the offending node."""
    out: list[DataFileError] = []
    for err in jsonschema.Draft202012Validator(schema).iter_errors(data):
        path = list(err.absolute_path)
        where = "/".join(str(p) for p in path) or "(top)"
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {}))
            for key in err.instance:
                if key not in allowed:
                    out.append(DataFileError(file, node_line(root, [*path, key]), f"{where}: unknown field '{key}'"))
            continue
        if err.validator == "required" and isinstance(err.instance, dict):
            for key in err.validator_value:
                if key not in err.instance:
                    out.append(DataFileError(file, node_line(root, path), f"{where}: missing required field '{key}'"))
            continue
        out.append(DataFileError(file, node_line(root, path), f"{where}: {err.message}"))
    return out


def word_list(name: str, lang: str) -> list[str]:
    """The words of `lang` in a packaged word-list file `data/<name>` (a YAML mapping of language to a list of
    strings); [] for a language it does not list. A malformed list raises ValueError naming the file."""
    path = SCHEMA_DIR.parent / name
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    words = data.get(lang) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{path}: '{lang}' must be a list of strings")
    return words


def check_files(files: Sequence[Path], validate, what: str) -> int:
    """A `konflikt ... check` command's body: print every error `validate(file)` finds, one per line, then
    "N <what> file(s) checked, M error(s)"; 0 when there were none, else 1."""
    n = 0
    for f in files:
        for err in validate(f):
            print(str(err))
            n += 1
    print(f"{len(files)} {what} file(s) checked, {n} error(s)")
    return 1 if n else 0
