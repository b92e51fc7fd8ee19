"""Web pages stored in WARC archives (``.warc``, ``.warc.gz``), read with warcio.

A crawl archive holds many records; only captured pages are reports: ``response`` records with an
HTTP status of 200 and an HTML or plain-text body, and ``resource`` records of those types (what
``wget --warc-file`` stores for local files). Requests, metadata, redirects, images and scripts
are skipped silently: they are part of any crawl, not bad input. The archive is streamed, so its
size is not limited; one page body over ``max_bytes`` is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsledger.errors import InputError

WARC_SUFFIXES = (".warc", ".warc.gz")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_PAGE_RECORDS = ("response", "resource")


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One captured page: its URL, MIME type, decoded body and its record number (1-based)."""

    url: str | None
    mime: str
    text: str
    record: int


def is_warc(path: str) -> bool:
    """Whether ``path`` names a WARC archive by its suffix."""
    return path.lower().endswith(WARC_SUFFIXES)


def warc_pages(
    real_path: str, max_bytes: int, shown: str | None = None
) -> Iterator[WarcPage | InputError]:
    """The pages of one archive in record order; an InputError (naming ``shown``, else the path)
    for a bad archive or page."""
    path = shown or real_path
    try:
        with open(real_path, "rb") as stream:
            yield from _pages(ArchiveIterator(stream), path, max_bytes)
    except FileNotFoundError:
        yield InputError(path, "file not found")
    except IsADirectoryError:
        yield InputError(path, "not a regular file but a folder; only regular files are read")
    except ArchiveLoadFailed as error:
        yield InputError(path, f"not a readable WARC archive: {_first_line(error)}")
    except (OSError, EOFError) as error:  # a truncated or corrupt gzip member
        yield InputError(path, f"the WARC archive is damaged: {_first_line(error)}")


def _pages(
    records: ArchiveIterator, path: str, max_bytes: int
) -> Iterator[WarcPage | InputError]:
    count = 0
    for count, record in enumerate(records, start=1):
        if record.format != "warc":  # warcio reads any line of words as an ARC header
            yield InputError(path, f"not a readable WARC archive (record {count} is not a "
                             "WARC record)")
            return
        page = _page(record, path, count, max_bytes)
        if page is not None:
            yield page
    if count == 0:
        yield InputError(path, "no WARC records found (the file is empty, truncated or not a "
                         "WARC archive)")


def _page(
    record: ArcWarcRecord, path: str, number: int, max_bytes: int
) -> WarcPage | InputError | None:
    """The page a record captured, an error for a page too large, None for any other record."""
    mime = _page_type(record)
    if mime is None:
        return None
    body = record.content_stream().read(max_bytes + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if len(body) > max_bytes:
        return InputError(f"{path} record {number}", f"page {url} is larger than the limit of "
                          f"{max_bytes // (1024 * 1024)} MB")
    if not body.strip():
        return None
    # Pages declare their charset in many ways (or wrongly): trafilatura's decoder tries UTF-8
    # first, then detects the encoding.
    from trafilatura.utils import decode_file  # here: trafilatura takes a quarter second to import

    return WarcPage(url=url, mime=mime, text=decode_file(body), record=number)


def _page_type(record: ArcWarcRecord) -> str | None:
    """The MIME type of a captured page, or None for any other record."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime = content_type.split(";")[0].strip().lower()
    return mime if mime in PAGE_TYPES else None


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]


__all__ = ["PAGE_TYPES", "WARC_SUFFIXES", "WarcPage", "is_warc", "warc_pages"]
