"""Ingest: turn input files and streams into `Document`s (decoding, ids, paragraph segmentation).

* `decode_bytes` decodes UTF-8 (with or without BOM), UTF-16/32 with BOM, and other encodings found by
  charset detection; binary data is refused with `InputError`.
* `read_document` reads one path ('-' = stdin) into a `Document` keyed by a content hash.
* `segments` splits a text into paragraph/line segments (offsets kept) that sentences never cross.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from konflikt.records import Document

WESTERN = ("utf_8", "cp1252", "latin_1", "iso8859_15", "mac_roman")


class InputError(Exception):
    """A document that cannot be read; the message is one line naming the reason."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding). Raises InputError for binary data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        if _western_8bit(data):
            try:
                text, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, enc = data.decode("latin_1"), "latin_1"
        else:
            matches = list(from_bytes(data[:200_000]))
            if not matches:
                raise InputError("binary or undecodable content") from None
            # Among equally plausible guesses prefer the Western code pages our languages are written in.
            low = min(m.chaos for m in matches)
            tied = [m.encoding for m in matches if m.chaos <= low + 1e-9]
            enc = next((e for e in WESTERN if e in tied), tied[0])
            try:
                text = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                raise InputError(f"undecodable content (guessed {enc})") from None
    if _looks_binary(text):
        raise InputError("binary content")
    return text, enc


def _western_8bit(data: bytes) -> bool:
    """Non-ASCII bytes standing alone between ASCII ones ('f\\xf6rd\\xf6mde'): Latin-1/cp1252 text, which
    charset detection takes for a CJK double-byte encoding in short texts (issue #6)."""
    runs = re.findall(rb"[\x80-\xff]+", data[:200_000])
    return bool(runs) and b"\x00" not in data[:10_000] and sum(len(r) > 1 for r in runs) <= len(runs) // 20


def _looks_binary(text: str) -> bool:
    sample = text[:10_000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return "\x00" in sample or bad / len(sample) > 0.05


def normalise_text(text: str) -> str:
    """Windows/Mac line endings to '\\n'; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_document(path: str, *, date: str | None = None, lang: str | None = None) -> Document:
    """Read one path ('-' for stdin) into a Document. Raises InputError with a one-line reason."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file")
        if p.is_dir():
            raise InputError("is a directory")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from None
    text, _enc = decode_bytes(data)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("empty document")
    return Document(id=doc_id_for(text), text=text, source=path, date=date, language=lang)


_BLANK = re.compile(r"\n[ \t]*\n+")
_END = re.compile(r"[.!?:;”\"»)\]]\s*$")


def segments(text: str) -> list[tuple[int, int]]:
    """Paragraph segments (start, end): blank lines always split; a single newline splits after a
    sentence-final character (a hard-wrapped line inside a sentence is kept together)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in list(_BLANK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        block_start = pos
        line_start = block_start
        for lm in re.finditer(r"\n", text[block_start:end]):
            nl = block_start + lm.start()
            if _END.search(text[line_start:nl]) or not text[line_start:nl].strip():
                out.append((line_start, nl))
                line_start = nl + 1
        out.append((line_start, end))
        pos = m.end() if m else len(text)
    return [(s + (len(text[s:e]) - len(text[s:e].lstrip())), e - (len(text[s:e]) - len(text[s:e].rstrip())))
            for s, e in out if text[s:e].strip()]
