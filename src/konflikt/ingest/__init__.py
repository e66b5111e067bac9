"""Ingest: turn input files and streams into `Document`s (decoding, ids, paragraph segmentation).

* `decode_bytes` decodes UTF-8 (with or without BOM), UTF-16/32 with BOM, and other encodings found by
  charset detection; binary data is refused with `InputError`.
* `read_text` decodes a binary stream chunk by chunk: it keeps at most `max_chars` characters (the
  rest is hashed for the document id, never held), so a huge file costs bounded memory.
* `read_document` reads one path ('-' = stdin) into a `Document` keyed by a content hash.
* `segments` splits a text into paragraph/line segments (offsets kept) that sentences never cross.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from dataclasses import dataclass, field
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


def detect_encoding(data: bytes, *, complete: bool = True) -> str:
    """The encoding of `data` (BOM, else UTF-8, else Western 8-bit, else charset detection). `complete=False`:
    `data` is the head of a longer stream (it may end inside a character). Raises InputError for binary data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _western_8bit(data):
        try:
            codecs.getincrementaldecoder("cp1252")().decode(data, final=complete)
            return "cp1252"
        except UnicodeDecodeError:
            return "latin_1"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise InputError("binary or undecodable content")
    # Among equally plausible guesses prefer the Western code pages our languages are written in.
    low = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= low + 1e-9]
    return next((e for e in WESTERN if e in tied), tied[0])


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding). Raises InputError for binary data."""
    enc = detect_encoding(data)
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


TRUNCATED = "document truncated at "
CHUNK_BYTES = 1 << 20


def truncation_warning(kept: int, total: int) -> str:
    return f"{TRUNCATED}{kept} characters (of {total})"


def is_truncation_warning(warning: str) -> bool:
    return warning.startswith(TRUNCATED)


@dataclass
class TextRead:
    """What `read_text` got from a stream: the (possibly truncated) normalised text and the id of the whole."""

    text: str
    doc_id: str
    """`doc_id_for` the whole normalised text, also when `text` is only its first `max_chars` characters."""
    total_chars: int
    encoding: str
    warnings: list[str] = field(default_factory=list)
    """Truncation and replaced undecodable bytes."""


def _read_full(f, n: int) -> bytes:
    """Up to `n` bytes (fewer only at the end of the stream; pipes may return short reads)."""
    buf = bytearray()
    while len(buf) < n:
        chunk = f.read(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return bytes(buf)


def read_text(f, *, max_chars: int | None = None, chunk_bytes: int = CHUNK_BYTES) -> TextRead:
    """Decode and normalise a binary stream one chunk at a time. At most `max_chars` characters are kept;
    the rest is read only to hash it into the document id (bounded memory, whatever the input's size).
    An input shorter than one chunk is decoded exactly as `decode_bytes` does; a longer one is decoded in
    the encoding its first chunk shows (bytes invalid in it further on are replaced, with a warning).
    Raises InputError for binary or empty input."""
    head = _read_full(f, chunk_bytes)
    if len(head) < chunk_bytes:
        text, enc = decode_bytes(head)
        text = normalise_text(text)
        if not text.strip():
            raise InputError("empty document")
        kept = text if max_chars is None else text[:max_chars]
        warnings = [truncation_warning(len(kept), len(text))] if len(kept) < len(text) else []
        return TextRead(kept, doc_id_for(text), len(text), enc, warnings)
    enc = detect_encoding(head, complete=False)
    decoder = codecs.getincrementaldecoder(enc)("strict")
    sha = hashlib.sha1()
    parts: list[str] = []
    kept = total = offset = 0
    pending_cr = ""
    nonblank = False
    warnings: list[str] = []
    data = head
    while True:
        final = not data
        try:
            s = decoder.decode(data, final=final)
        except UnicodeDecodeError:
            warnings.append(f"bytes invalid in {enc} after byte {offset} replaced (U+FFFD)")
            decoder = codecs.getincrementaldecoder(enc)("replace")
            s = decoder.decode(data, final=final)
        if offset == 0 and _looks_binary(s):
            raise InputError("binary content")
        offset += len(data)
        s = pending_cr + s
        pending_cr = ""
        if s.endswith("\r") and not final:
            s, pending_cr = s[:-1], "\r"
        s = normalise_text(s)
        sha.update(s.encode("utf-8"))
        total += len(s)
        nonblank = nonblank or bool(s.strip())
        if max_chars is None or kept < max_chars:
            part = s if max_chars is None else s[: max_chars - kept]
            parts.append(part)
            kept += len(part)
        if final:
            break
        data = _read_full(f, chunk_bytes)
    if not nonblank:
        raise InputError("empty document")
    if kept < total:
        warnings.insert(0, truncation_warning(kept, total))
    return TextRead("".join(parts), sha.hexdigest()[:16], total, enc, warnings)


def read_document(path: str, *, date: str | None = None, lang: str | None = None,
                  max_chars: int | None = None) -> Document:
    """Read one path ('-' for stdin) into a Document, streamed (see `read_text`): at most `max_chars`
    characters are kept, with a warning in `Document.warnings`. Raises InputError with a one-line reason."""
    if path == "-":
        got = read_text(sys.stdin.buffer, max_chars=max_chars)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file")
        if p.is_dir():
            raise InputError("is a directory")
        try:
            with open(p, "rb") as f:
                got = read_text(f, max_chars=max_chars)
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror or exc})") from None
    return Document(id=got.doc_id, text=got.text, source=path, date=date, language=lang, warnings=got.warnings)


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
