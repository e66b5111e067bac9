"""Input formats for `konflikt ingest`: files and directories -> a stream of documents.

`iter_documents(path)` yields, per item found under `path`, either an `IngestedDocument` (a
`Document` with where it came from) or an `InputError` naming the item and the reason. It streams:
JSONL and RSS/Atom files are read item by item, never whole; a plain-text file is decoded chunk by chunk
and only its first `max_chars` characters are kept (`read_text`: the document is truncated, with a warning).

* plain text: `.txt`, `.text`, or anything else that decodes as text; the whole file is one document
  (of any size: it is streamed);
* Markdown: `.md`, `.markdown`; markup removed (headings, emphasis, links, code fences); a leading
  `---` front-matter block gives `date`, `title`, `lang`, `url`, `source`;
* HTML: `.html`, `.htm`, or content starting with `<!doctype html`/`<html`; main text, title and
  date extracted with trafilatura; Markdown and HTML files over `MAX_TEXT_BYTES` are refused (the markup
  is parsed whole);
* JSONL: `.jsonl`, `.ndjson`; one document a line: `text` (required), `id`, `date`, `url`, `title`,
  `source`, `lang`; a line over `MAX_TEXT_BYTES` is skipped without being held;
* RSS/Atom: `.rss`, `.atom`, `.xml`, or content starting with `<rss`/`<feed`/`<rdf:RDF`; one
  document per item/entry: title + description/content;
* a directory: every file of these formats below it (recursively, sorted, hidden files skipped).

A document's own metadata (JSONL `date`, an HTML page's date, an item's `pubDate`) wins over the
defaults passed in (`date`, `lang`). Everything runs offline.
"""

from __future__ import annotations

import codecs
import email.utils
import html
import json
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date as Date
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field

from konflikt.ingest import (
    CHUNK_BYTES,
    InputError,
    TextRead,
    _read_full,
    decode_bytes,
    doc_id_for,
    normalise_text,
    read_text,
    truncation_warning,
)
from konflikt.records import Document

__all__ = ["FORMATS", "IngestedDocument", "detect_format", "item_error", "iter_documents", "iter_paths",
           "markdown_to_text", "html_fragment_to_text"]

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
FORMATS = ("text", "markdown", "html", "jsonl", "feed")
MAX_TEXT_BYTES = 64 * 1024 * 1024
"""Markdown/HTML files and JSONL lines larger than this are refused (they are parsed whole); plain text of
any size is streamed and truncated at `max_chars`."""

OnBytes = Callable[[int], None]


class IngestedDocument(Document):
    """A `Document` plus where it came from in the input."""

    origin: str = Field(description="File (and line or item) the document was read from.")
    ext_id: str | None = Field(default=None, description="The input's own id for it (JSONL `id`, feed guid).")
    outlet: str | None = Field(default=None, description="Publisher: JSONL source, feed title or URL host.")


def item_error(where: str, reason: str) -> InputError:
    """An InputError for one item; `str(err)` is the reason and `err.where` names the item."""
    err = InputError(reason)
    err.where = where  # type: ignore[attr-defined]
    return err


# --------------------------------------------------------------------------------------------------
# paths


def iter_paths(paths: list[str]) -> Iterator[str | InputError]:
    """Expand directories (recursively, sorted). Nothing in a directory goes unmentioned: a file of a known
    extension is read, one without an extension too (by its content: text, or refused as binary); a file of
    another extension (`photo.jpg`, `manifest.json`) and hidden entries (a hidden directory once, not its files)
    are named as skipped, with the reason, and not read."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                for d in sorted(d for d in dirs if d.startswith(".")):
                    yield item_error(str(Path(root) / d), "hidden directory (not read)")
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = Path(root) / name
                    ext = full.suffix.lower()
                    if name.startswith("."):
                        yield item_error(str(full), "hidden file (not read)")
                    elif ext and ext not in EXTENSIONS:
                        yield item_error(str(full), f"unsupported file type ({ext}; not read)")
                    elif full.is_file() or not full.exists():
                        yield str(full)
                    else:
                        yield item_error(str(full), "not a regular file")
        elif not path.exists():
            yield item_error(p, "no such file or directory")
        else:
            yield p


def detect_format(path: str, head: bytes) -> str:
    """The format of a file from its extension, else from its first bytes."""
    ext = Path(path).suffix.lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    start = head.lstrip(codecs.BOM_UTF8).lstrip()[:500].lower()
    if start.startswith(b"<?xml"):
        start = start[start.find(b"?>") + 2:].lstrip() if b"?>" in start else start
        while start.startswith(b"<!--") and b"-->" in start:
            start = start[start.find(b"-->") + 3:].lstrip()
    if start.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"{"):
        first = head.split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    return "text"


class _CountingReader:
    """A binary file wrapper that reports how many bytes were read (for progress bars)."""

    def __init__(self, f, on_bytes: OnBytes | None) -> None:
        self.f = f
        self.on_bytes = on_bytes

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n)
        if self.on_bytes and data:
            self.on_bytes(len(data))
        return data

    def readline(self, limit: int = -1) -> bytes:
        data = self.f.readline(limit)
        if self.on_bytes and data:
            self.on_bytes(len(data))
        return data


class _Chained:
    """`head` (bytes already read from a stream, to detect its format) followed by the rest of the stream."""

    def __init__(self, head: bytes, rest) -> None:
        self.buf = head
        self.rest = rest

    def read(self, n: int = -1) -> bytes:
        if not self.buf:
            return self.rest.read(n)
        if n is None or n < 0:
            out, self.buf = self.buf + self.rest.read(), b""
        else:
            out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def readline(self, limit: int = -1) -> bytes:
        if not self.buf:
            return self.rest.readline(limit)
        i = self.buf.find(b"\n")
        if i >= 0 and (limit < 0 or i < limit):
            out, self.buf = self.buf[: i + 1], self.buf[i + 1:]
            return out
        if 0 <= limit <= len(self.buf):
            out, self.buf = self.buf[:limit], self.buf[limit:]
            return out
        out, self.buf = self.buf, b""
        return out + self.rest.readline(limit - len(out) if limit >= 0 else -1)


# --------------------------------------------------------------------------------------------------
# documents


def iter_documents(path: str, *, date: str | None = None, lang: str | None = None,
                   on_bytes: OnBytes | None = None, fmt: str | None = None,
                   max_chars: int | None = None) -> Iterator[IngestedDocument | InputError]:
    """Documents (or per-item errors) of one file, directory or '-' (standard input). A document longer
    than `max_chars` characters is truncated, with a warning in its `warnings`."""
    for p in iter_paths([path]):
        if isinstance(p, InputError):
            yield p
            continue
        yield from _iter_file(p, date=date, lang=lang, on_bytes=on_bytes, fmt=fmt, max_chars=max_chars)


def _iter_file(path: str, *, date, lang, on_bytes, fmt, max_chars) -> Iterator[IngestedDocument | InputError]:
    import sys

    try:
        if path == "-":
            raw = sys.stdin.buffer
        else:
            if os.path.getsize(path) == 0:
                yield item_error(path, "empty document")
                return
            raw = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield item_error(path, f"cannot read ({exc.strerror or exc})")
        return
    try:
        head = _read_full(raw, 4096)
        f = _CountingReader(_Chained(head, raw), on_bytes)
        kind = fmt or detect_format(path, head)
        if kind == "jsonl":
            yield from _iter_jsonl(f, path, date, lang, max_chars)
        elif kind == "feed":
            yield from _iter_feed(f, path, date, lang, max_chars)
        elif kind == "text":
            try:
                got = read_text(f, max_chars=max_chars)
            except InputError as exc:
                yield item_error(path, str(exc))
                return
            yield _from_read(got, path, date, lang)
        else:
            data = _read_full(f, MAX_TEXT_BYTES + 1)
            if len(data) > MAX_TEXT_BYTES:
                yield item_error(path, f"too large for one {kind} document (over {MAX_TEXT_BYTES // 2**20} MiB)")
                return
            yield _one_document(data, kind, path, date, lang, max_chars)
    except OSError as exc:
        yield item_error(path, f"cannot read ({exc.strerror or exc})")
    finally:
        if path != "-":
            raw.close()


def _make(text: str, *, origin: str, source: str | None = None, date: str | None, lang: str | None,
          title: str | None = None, url: str | None = None, ext_id: str | None = None, outlet: str | None = None,
          warnings: list[str] | None = None, max_chars: int | None = None) -> IngestedDocument | InputError:
    text = normalise_text(text)
    if not text.strip():
        return item_error(origin, "empty document")
    if outlet is None and url:
        outlet = _host(url)
    doc_id = doc_id_for(text)
    warnings = list(warnings or [])
    if max_chars is not None and len(text) > max_chars:
        warnings.insert(0, truncation_warning(max_chars, len(text)))
        text = text[:max_chars]
    return IngestedDocument(id=doc_id, text=text, source=source or url or origin, date=date,
                            language=lang, title=title, url=url, origin=origin, ext_id=ext_id, outlet=outlet,
                            warnings=warnings)


def _from_read(got: TextRead, path: str, date, lang) -> IngestedDocument:
    return IngestedDocument(id=got.doc_id, text=got.text, source=path, date=date, language=lang, origin=path,
                            warnings=got.warnings)


def _one_document(data: bytes, kind: str, path: str, date, lang, max_chars=None) -> IngestedDocument | InputError:
    try:
        text, _enc = decode_bytes(data)
    except InputError as exc:
        return item_error(path, str(exc))
    if kind == "markdown":
        meta, body = front_matter(text)
        return _make(markdown_to_text(body), origin=path, date=iso_date(meta.get("date")) or date,
                     lang=meta.get("lang") or meta.get("language") or lang, title=meta.get("title"),
                     url=meta.get("url"), outlet=meta.get("source"), max_chars=max_chars)
    if kind == "html":
        return _html_document(text, path, date, lang, max_chars)
    return _make(text, origin=path, date=date, lang=lang, max_chars=max_chars)


def _host(url: str) -> str | None:
    try:
        host = urlparse(url).netloc.lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else (host or None)


def iso_date(value) -> str | None:
    """YYYY-MM-DD from an ISO date/datetime string or an RFC 822 date; None if unreadable."""
    if value is None:
        return None
    v = str(value).strip()
    if not v:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        try:
            return Date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        dt = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError):
        return None
    return dt.date().isoformat() if isinstance(dt, datetime) else None


# --------------------------------------------------------------------------------------------------
# JSONL

_JSONL_FIELDS = {"text", "id", "date", "url", "title", "source", "lang", "language"}


def _iter_jsonl(f: _CountingReader, path: str, date, lang, max_chars=None) -> Iterator[IngestedDocument | InputError]:
    n = 0
    while True:
        line = f.readline(MAX_TEXT_BYTES + 1)
        if not line:
            break
        n += 1
        where = f"{path}:{n}"
        if len(line) > MAX_TEXT_BYTES and not line.endswith(b"\n"):
            while True:  # skip the rest of the line without holding it
                more = f.readline(CHUNK_BYTES)
                if not more or more.endswith(b"\n"):
                    break
            yield item_error(where, f"line too long (over {MAX_TEXT_BYTES // 2**20} MiB)")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield item_error(where, "line is not UTF-8")
            continue
        except ValueError as exc:
            yield item_error(where, f"malformed JSON ({str(exc).splitlines()[0]})")
            continue
        if not isinstance(obj, dict):
            yield item_error(where, "not a JSON object")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield item_error(where, "no 'text' (a non-empty string is required)")
            continue
        meta = {}
        for k in ("id", "url", "title", "source", "lang", "language"):
            v = obj.get(k)
            meta[k] = None if v is None else str(v)
        warnings = []
        doc_date = date
        if obj.get("date") is not None:
            d = iso_date(obj.get("date"))
            if d is None:
                warnings.append(f"unreadable date {str(obj.get('date'))[:40]!r} ignored")
            else:
                doc_date = d
        unknown = sorted(set(obj) - _JSONL_FIELDS)
        if unknown:
            warnings.append("ignored fields: " + ", ".join(unknown[:10]))
        yield _make(text, origin=where, source=meta["source"], date=doc_date,
                    lang=meta["lang"] or meta["language"] or lang, title=meta["title"], url=meta["url"],
                    ext_id=meta["id"], outlet=meta["source"], warnings=warnings, max_chars=max_chars)


# --------------------------------------------------------------------------------------------------
# RSS / Atom


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _iter_feed(f: _CountingReader, path: str, date, lang, max_chars=None) -> Iterator[IngestedDocument | InputError]:
    channel_title: str | None = None
    n = 0
    depth = 0
    try:
        for event, el in ET.iterparse(f, events=("start", "end")):
            name = _local(el.tag)
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if name == "title" and channel_title is None and depth <= 2:
                channel_title = (el.text or "").strip() or None
            if name not in ("item", "entry"):
                continue
            n += 1
            yield _feed_item(el, f"{path}#{n}", channel_title, date, lang, max_chars)
            el.clear()
    except ET.ParseError as exc:
        yield item_error(path, f"malformed feed ({exc})")
        return
    if n == 0:
        yield item_error(path, "no items in feed")


def _feed_item(el, where: str, channel: str | None, date, lang, max_chars=None) -> IngestedDocument | InputError:
    fields: dict[str, str] = {}
    link = None
    for child in el:
        name = _local(child.tag)
        if name == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                link = link or href
            elif child.text and child.text.strip():
                link = link or child.text.strip()
            continue
        text = "".join(child.itertext()) if len(child) else (child.text or "")
        if text.strip() and name not in fields:
            fields[name] = text.strip()
    title = fields.get("title")
    body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary") or ""
    body = html_fragment_to_text(body)
    text = "\n\n".join(t for t in (title, body) if t)
    if not text.strip():
        return item_error(where, "item has no title or text")
    d = None
    for k in ("pubdate", "published", "updated", "date", "issued", "created"):
        if k in fields:
            d = iso_date(fields[k])
            if d:
                break
    return _make(text, origin=where, source=None, date=d or date, lang=fields.get("language") or lang,
                 title=title, url=link, ext_id=fields.get("guid") or fields.get("id"),
                 outlet=channel or (_host(link) if link else None), max_chars=max_chars)


# --------------------------------------------------------------------------------------------------
# HTML and Markdown to text

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
          "section", "article", "header", "footer", "pre", "hr", "figure", "figcaption", "dd", "dt"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK:
            self.out.append("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed description), paragraphs separated by blank lines."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    p = _Text()
    p.feed(fragment)
    p.close()
    text = "".join(p.out)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _html_document(text: str, path: str, date, lang, max_chars=None) -> IngestedDocument | InputError:
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        res = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        return item_error(path, f"HTML extraction failed ({type(exc).__name__})")
    meta = res.as_dict() if res is not None and hasattr(res, "as_dict") else (res or {})
    body = (meta.get("text") or "").strip()
    if not body:
        return item_error(path, "no main text found in HTML")
    body = re.sub(r"\n+", "\n\n", body)
    return _make(body, origin=path, date=iso_date(meta.get("date")) or date, lang=meta.get("language") or lang,
                 title=meta.get("title"), url=meta.get("url"), outlet=meta.get("sitename"), max_chars=max_chars)


_MD_RULES = [
    (re.compile(r"^```.*?^```[ \t]*$", re.S | re.M), ""),          # fenced code
    (re.compile(r"<!--.*?-->", re.S), ""),                          # comments
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                 # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                  # links -> text
    (re.compile(r"^\[[^\]]+\]:\s*\S+.*$", re.M), ""),               # link definitions
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(=+|-+)[ \t]*$", re.M), ""),               # setext underlines / rules
    (re.compile(r"^ {0,3}([*_-][ \t]*){3,}$", re.M), ""),           # horizontal rules
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),                      # blockquotes
    (re.compile(r"^([ \t]*)[*+-][ \t]+", re.M), r"\1"),             # bullets
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),          # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),                              # inline code
]


_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter(md: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` lines of a leading `---` block (YAML front matter) and the rest."""
    m = _FRONT.match(normalise_text(md))
    if not m:
        return {}, md
    meta = {}
    for line in m[1].splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip() and not k.startswith((" ", "\t", "-", "#")):
            meta[k.strip().lower()] = v.strip().strip("'\"")
    return meta, normalise_text(md)[m.end():]


def markdown_to_text(md: str) -> str:
    """Plain text of a Markdown document (markup removed, paragraphs kept)."""
    text = normalise_text(md)
    for rx, rep in _MD_RULES:
        text = rx.sub(rep, text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
