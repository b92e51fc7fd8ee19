"""Read reports from files, folders and stdin into Documents, one InputError per bad input.

Stages for one file:
    1. stat: missing, not a regular file (FIFOs, devices, links to them are never opened), too large
       (checked before reading and again while reading) or empty
    2. bytes -> text: binary content, UTF-16, invalid UTF-8 (with its byte offset); a BOM is dropped
    3. parse by suffix: .txt, .html/.htm (trafilatura), .jsonl (one document a line), .json (gold);
       a WARC archive (.warc, .warc.gz) is streamed instead, each captured page read as HTML
    4. build the Document; page furniture is reported as noise spans, the text is never changed
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsledger.errors import InputError
from newsledger.model import Document
from newsledger.noise import find_noise
from newsledger.warc import WARC_SUFFIXES, is_warc, warc_pages

# 20 MB is about 3 million words: far above any single report or press release, and small enough
# to read into memory in one go. Checked with os.stat so a huge file fails before it is read, and
# again while reading (at most this many bytes plus one are ever read), as sizes can lie or change.
_MB = 1024 * 1024
MAX_FILE_BYTES = 20 * _MB
# More than this share of undecodable or control characters in the first 64 KB means "binary".
BINARY_SHARE = 0.10
_SNIFF_BYTES = 64 * 1024
# Publication years accepted: "0224-05-01" is a typo, and relative time words ("last year",
# "next week") and the windows of reconciliation count days and years from this date, which
# must stay far inside Python's years 1-9999.
PUBLISHED_YEARS = range(1000, 9000)
STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
GOLD_SUFFIXES = (".json",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + GOLD_SUFFIXES
JSONL_KEYS = {"id": "name", "title": "title", "url": "url", "outlet": "outlet"}
GOLD_KEYS = {"doc_id": "name", "title": "title", "source_url": "url"}
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# A JSON string may spell half of a surrogate pair ("\ud800"): Python keeps it, UTF-8 cannot.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))

Result = Document | InputError


def read_inputs(paths: Sequence[str]) -> Iterator[Document | InputError]:
    """Documents read from files, folders or ``-`` (stdin); an InputError per bad file or line."""
    for path in paths:
        if path == STDIN:
            yield from _read_stdin()
        elif os.path.isdir(path):
            yield from _read_folder(path)
        else:
            yield from _read_file(path)


def shown_path(path: str) -> str:
    """``path`` as valid UTF-8 for messages and the ledger: undecodable bytes become \\xNN."""
    # os.walk and sys.argv smuggle a file name's non-UTF-8 bytes in as lone surrogates.
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def read_text_document(text: str, *, path: str | None = None, **meta: Any) -> Document:
    """A Document for ``text`` as given, with its noise spans; ``meta`` are Document fields."""
    return Document(text=text, path=path, noise=find_noise(text), **meta)


def _read_folder(folder: str) -> Iterator[Result]:
    if _holds_parquet(os.path.join(folder, "documents")):  # its files would be skipped silently
        yield InputError(shown_path(folder), "a spark-extract output folder (Parquet tables); "
                         "load it with 'newsledger import'")
        return
    files, unreadable = folder_listing(folder)
    yield from unreadable
    for file in files:
        yield from _read_file(file)


def _holds_parquet(folder: str) -> bool:
    try:
        return any(name.endswith(".parquet") for name in os.listdir(folder))
    except OSError:
        return False


def folder_listing(folder: str) -> tuple[list[str], list[InputError]]:
    """Every file with a known suffix under ``folder``, recursively, in sorted order; an error for
    each sub-folder that cannot be listed, not a silent gap."""
    unreadable: list[OSError] = []
    # os.walk does not follow symlinked folders, so a link loop cannot recurse forever.
    files = sorted(
        os.path.join(root, name)
        for root, _dirs, names in os.walk(folder, onerror=unreadable.append)
        for name in names
        if Path(name).suffix.lower() in SUFFIXES or is_warc(name)
    )
    errors = [InputError(shown_path(str(error.filename or folder)),
                         f"cannot read the folder: {error.strerror or error}; its files were "
                         "skipped") for error in unreadable]
    return files, errors


def _read_file(real_path: str) -> Iterator[Result]:
    path = shown_path(real_path)
    if is_warc(path):  # streamed record by record, so not read whole like the others
        yield from _documents_from_warc(real_path, path)
        return
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(path, f"unsupported file type {suffix or '(no suffix)'!r}; expected one "
                         f"of {', '.join(SUFFIXES + WARC_SUFFIXES)}, a folder or '-' for stdin")
        return
    text = _read_text_file(real_path, path)
    if isinstance(text, InputError):
        yield text
    elif suffix in HTML_SUFFIXES:
        yield _document_from_html(text, path)
    elif suffix in JSONL_SUFFIXES:
        yield from _documents_from_jsonl(text, path)
    elif suffix in GOLD_SUFFIXES:
        yield _document_from_gold(text, path)
    else:
        yield read_text_document(text, path=path)


def _read_text_file(real_path: str, path: str) -> str | InputError:
    """The file's text, after the file kind, size, binary and UTF-8 checks."""
    try:
        data = _read_bytes(real_path, path)
    except FileNotFoundError:
        return InputError(path, "file not found")
    except OSError as error:
        return InputError(path, f"cannot read the file: {error.strerror or error}")
    return data if isinstance(data, InputError) else decode_text(data, path)


def _read_bytes(real_path: str, path: str) -> bytes | InputError:
    """At most MAX_FILE_BYTES of a regular file; anything else is refused before it is opened."""
    if problem := _not_regular(os.stat(real_path).st_mode):
        return InputError(path, problem)
    # O_NONBLOCK: should the file be swapped for a FIFO after the stat, opening cannot hang.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    descriptor = os.open(real_path, flags)
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if problem := _not_regular(info.st_mode):
            return InputError(path, problem)
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(path, info.st_size)
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # it grew while we read
        return _too_large(path, len(data))
    return data


def _not_regular(mode: int) -> str | None:
    for test, kind in _FILE_KINDS:
        if test(mode):
            return f"not a regular file but {kind}; only regular files are read"
    return None if stat.S_ISREG(mode) else "not a regular file; only regular files are read"


def _too_large(path: str, size: int) -> InputError:
    return InputError(path, f"file is {size / _MB:.1f} MB, larger than the limit of "
                      f"{MAX_FILE_BYTES / _MB:.0f} MB")


def decode_text(data: bytes, path: str) -> str | InputError:
    """UTF-8 text of ``data`` (a BOM is dropped), or why it is not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return InputError(path, "file is UTF-16 encoded; save it as UTF-8")
    if b"\x00" in data:
        return InputError(path, "binary file (contains NUL bytes), not text")
    if _looks_binary(data[:_SNIFF_BYTES]):
        return InputError(path, "binary file (mostly non-text bytes), not text")
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        return InputError(path, f"invalid UTF-8 at byte offset {offset} "
                          f"(byte 0x{data[offset]:02x}); save the file as UTF-8")
    if not text.strip():
        return InputError(path, "file is empty" if not text else "file contains only whitespace")
    return text


def _looks_binary(sample: bytes) -> bool:
    text = sample.decode("utf-8", errors="replace")
    odd = sum(1 for char in text if char == "\ufffd" or (char < " " and char not in _TEXT_CONTROLS))
    return odd > BINARY_SHARE * max(1, len(text))


def _document_from_html(html: str, path: str) -> Result:
    """Main text and metadata of an HTML page, extracted by trafilatura."""
    import trafilatura  # here: it takes a tenth of a second to load, and only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:  # trafilatura found no main text
        page: dict[str, Any] = {}
    else:
        page = extracted if isinstance(extracted, dict) else dict(extracted.as_dict())
    text = _drop_repeated_tail(page.get("text") or "")
    if not text.strip():
        return InputError(path, "no main text found in the HTML (malformed or empty page)")
    return read_text_document(
        text, path=path, title=page.get("title") or None, url=page.get("url") or None,
        outlet=page.get("sitename") or None, published=_html_date(page.get("date")),
    )


def _documents_from_warc(real_path: str, path: str) -> Iterator[Result]:
    """Each captured page of a WARC archive as a document, named ``PATH record N``."""
    try:
        problem = _not_regular(os.stat(real_path).st_mode)  # a FIFO would block the reader
    except OSError:
        problem = None  # warc_pages reports a missing or unreadable file
    if problem:
        yield InputError(path, problem)
        return
    for page in warc_pages(real_path, MAX_FILE_BYTES, shown=path):
        if isinstance(page, InputError):
            yield page
            continue
        where = f"{path} record {page.record}"
        if page.mime == "text/plain":
            yield read_text_document(page.text, path=where, url=page.url)
            continue
        document = _document_from_html(page.text, where)
        if isinstance(document, Document) and document.url is None:
            document = replace(document, url=page.url)  # the captured URL when no canonical one
        yield document


def _drop_repeated_tail(text: str) -> str:
    """Undo trafilatura 2.0 emitting a small <article> body twice (adbar/trafilatura#879)."""
    lines = text.split("\n")
    # The bug doubles the whole body after an optional heading; only that shape is undone.
    size = len(lines) // 2
    if size and lines[-size:] == lines[-2 * size:-size]:
        return "\n".join(lines[:-size])
    return text


def _html_date(value: str | None) -> date | None:
    # trafilatura gives YYYY-MM-DD when it finds a date; anything else is treated as no date.
    try:
        return parse_published(value)
    except ValueError:
        return None


def _documents_from_jsonl(text: str, path: str) -> Iterator[Result]:
    for number, line in enumerate(_jsonl_lines(text), start=1):
        if line.strip():
            yield _document_from_jsonl_line(line, path, number)


def _document_from_jsonl_line(line: str, path: str, number: int) -> Result:
    record = load_json(line)
    if isinstance(record, JsonProblem):
        return InputError(path, f"line is not valid JSON: {record}", number)
    if not isinstance(record, dict):
        return InputError(path, f"expected a JSON object with 'id' and 'text', got a "
                          f"{_json_type(record)}", number)
    return _document_from_record(record, JSONL_KEYS, path, number)


def _document_from_gold(text: str, path: str) -> Result:
    """A gold-format file (``doc_id``, ``text``, ``published``, ``source_url``, ``title``)."""
    record = load_json(text)
    if isinstance(record, JsonProblem):
        return InputError(path, f"not valid JSON: {record}", record.line)
    if not isinstance(record, dict) or ("text" not in record and "doc_id" not in record):
        found = (f"keys {', '.join(map(repr, record))}" if isinstance(record, dict)
                 else f"a {_json_type(record)}")
        return InputError(path, "not a gold-format document: expected an object with 'doc_id' "
                          "and 'text' (optional 'published', 'source_url', 'title'); found "
                          + found)
    return _document_from_record(record, GOLD_KEYS, path, None)


def _document_from_record(
    record: dict[str, Any], keys: dict[str, str], path: str, line: int | None
) -> Result:
    """A Document from a JSON object; ``keys`` maps its string fields to Document fields."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = ("has no non-empty 'text'" if text is None or isinstance(text, str)
                   else f"has 'text' that is a {_json_type(text)}, not a string")
        return InputError(path, f"the document {problem}", line)
    meta: dict[str, Any] = {}
    for key, field in keys.items():
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key in ("id", "doc_id"):
            value = str(value)  # numeric ids are common in exported archives
        if value is not None and not isinstance(value, str):
            return InputError(path, f"{key!r} must be a string, got a {_json_type(value)}", line)
        meta[field] = value or None
    for key in ("text", *keys, "published"):
        if isinstance(value := record.get(key), str) and (bad := _LONE_SURROGATE.search(value)):
            return InputError(path, f"{key!r} holds a lone surrogate \\u{ord(bad.group()):04x} at "
                              f"character {bad.start()}: not valid Unicode", line)
    try:
        meta["published"] = parse_published(record.get("published"))
    except ValueError:
        return InputError(path, f"bad 'published' date {_shown(record.get('published'))}: "
                          f"expected YYYY-MM-DD or an ISO datetime in the years "
                          f"{PUBLISHED_YEARS.start}-{PUBLISHED_YEARS.stop - 1}", line)
    return read_text_document(text, path=path, line=line, **meta)


class JsonProblem(str):
    """Why a text is not usable JSON, with the line it happened on (1 when unknown)."""

    line: int = 1


def load_json(text: str) -> Any:
    """``json.loads(text)``, or a JsonProblem for bad JSON, absurd nesting or giant integers."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        problem = JsonProblem(f"{error.msg} at column {error.colno}")
        problem.line = error.lineno
        return problem
    except RecursionError:  # thousands of nested brackets
        return JsonProblem("nested too deeply (arrays or objects inside each other "
                           "thousands of times)")
    except ValueError as error:  # an integer literal over Python's 4,300-digit limit
        return JsonProblem(f"a number is too long ({str(error).split(';')[0]})")


def _shown(value: object) -> str:
    """A short repr for messages: long or odd values never flood the terminal."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_published(value: object) -> date | None:
    """A publication date from YYYY-MM-DD or an ISO datetime (the date as written), or None;
    years outside PUBLISHED_YEARS are refused (ValueError)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a string: {value!r}")
    value = value.strip()
    if len(value) > 10:
        datetime.fromisoformat(value)  # validates the time part; the date is taken as written
    published = date.fromisoformat(value[:10])
    if published.year not in PUBLISHED_YEARS:
        raise ValueError(f"year {published.year} is outside {PUBLISHED_YEARS.start}-"
                         f"{PUBLISHED_YEARS.stop - 1}")
    return published


def _read_stdin() -> Iterator[Result]:
    """JSONL when every non-empty line is a JSON object, else one text document."""
    text = _stdin_text()
    if isinstance(text, InputError):
        yield text
    elif _is_jsonl(_jsonl_lines(text)):
        yield from _documents_from_jsonl(text, STDIN_NAME)
    else:
        yield read_text_document(text, path=STDIN_NAME)


def _stdin_text() -> str | InputError:
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read(MAX_FILE_BYTES + 1) if buffer is not None else None
    if data is None:  # a text stream without bytes underneath (tests, embedding)
        text = sys.stdin.read(MAX_FILE_BYTES + 1)
        data = text.encode("utf-8", errors="surrogatepass")
    if len(data) > MAX_FILE_BYTES:
        return InputError(STDIN_NAME, f"input is larger than the limit of "
                          f"{MAX_FILE_BYTES / _MB:.0f} MB")
    if not data:
        return InputError(STDIN_NAME, "input is empty")
    return decode_text(data, STDIN_NAME)


def _jsonl_lines(text: str) -> list[str]:
    # Only "\n" ends a JSONL line: str.splitlines() would also split at U+2028 and other
    # separators that JSON allows raw inside strings ("\r" before "\n" is JSON whitespace).
    return text.split("\n")


def _is_jsonl(lines: Iterable[str]) -> bool:
    seen = False
    for line in lines:
        if not line.strip():
            continue
        record = load_json(line)
        if isinstance(record, JsonProblem) or not isinstance(record, dict):
            return False
        seen = True
    return seen


def _json_type(value: object) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


__all__ = [
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "decode_text",
    "find_noise",
    "folder_listing",
    "load_json",
    "parse_published",
    "read_inputs",
    "read_text_document",
    "shown_path",
]
