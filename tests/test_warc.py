"""WARC archives through the shared readers: captured pages are documents, the rest is skipped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CORPUS_PAGE, WarcRecord
from newsledger.errors import InputError
from newsledger.ingest import folder_listing, read_inputs
from newsledger.model import Document
from newsledger.warc import is_warc

WriteWarc = Callable[[str, list[WarcRecord]], Path]

PAGE = ("https://news.example.org/baidoa-raid", "response", "200 OK", "text/html", CORPUS_PAGE)
NOTE = ("file:///notes/raid.txt", "resource", None, "text/plain",
        b"Two soldiers were wounded near Baidoa on Saturday, the army said.\n")
LATIN1 = ("https://news.example.org/old", "response", "200 OK", "text/html; charset=iso-8859-1",
          CORPUS_PAGE.replace(b"Somali troops", "Somali troops (\xe9lite)".encode("latin-1")))


@pytest.mark.parametrize(
    ("records", "urls"),
    [
        ([PAGE], ["https://news.example.org/baidoa-raid"]),
        ([NOTE], ["file:///notes/raid.txt"]),
        # an image, a redirect, a not-found page and an empty page are part of a crawl, not input
        ([("https://x.example/a.png", "response", "200 OK", "image/png", b"\x89PNG"),
          ("https://x.example/moved", "response", "301 Moved Permanently", "text/html", b""),
          ("https://x.example/gone", "response", "404 Not Found", "text/html", b"<p>gone</p>"),
          ("https://x.example/empty", "response", "200 OK", "text/html", b"  "),
          PAGE], ["https://news.example.org/baidoa-raid"]),
        ([PAGE, NOTE], ["https://news.example.org/baidoa-raid", "file:///notes/raid.txt"]),
    ],
)
@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_captured_pages_become_documents(
    write_warc: WriteWarc, records: list[WarcRecord], urls: list[str], name: str
) -> None:
    path = write_warc(name, records)
    documents = list(read_inputs([str(path)]))
    assert all(isinstance(d, Document) for d in documents)
    assert [d.url for d in documents if isinstance(d, Document)] == urls
    assert all(d.path.startswith(f"{path} record ") for d in documents if isinstance(d, Document))


def test_a_page_is_read_as_html_with_its_date(write_warc: WriteWarc) -> None:
    (document,) = read_inputs([str(write_warc("one.warc.gz", [PAGE]))])
    assert isinstance(document, Document)
    assert document.title == "Raid near Baidoa"
    assert document.published is not None and document.published.isoformat() == "2024-02-11"
    assert "killed 14 al-Shabaab fighters" in document.text


def test_a_page_in_another_charset_is_decoded(write_warc: WriteWarc) -> None:
    (document,) = read_inputs([str(write_warc("old.warc", [LATIN1]))])
    assert isinstance(document, Document)
    assert "(élite)" in document.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not an archive\n", "not a readable WARC archive"),
        (b"\x1f\x8b\x08\x00garbage", "WARC archive"),
    ],
)
def test_a_bad_archive_is_one_error_naming_it(
    write_file: Callable[[str, str | bytes], Path], content: bytes, message: str
) -> None:
    path = write_file("bad.warc.gz", content)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, InputError)
    assert error.path == str(path)
    assert message in error.message


def test_a_missing_archive_is_an_error(tmp_path: Path) -> None:
    (error,) = read_inputs([str(tmp_path / "none.warc")])
    assert isinstance(error, InputError) and error.message == "file not found"


def test_folders_include_archives(write_warc: WriteWarc, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    write_warc("a/crawl.warc.gz", [PAGE])
    (tmp_path / "a" / "notes.txt").write_text("Three civilians were killed.", encoding="utf-8")
    (tmp_path / "a" / "skip.gz").write_bytes(b"")
    files, errors = folder_listing(str(tmp_path))
    assert [Path(p).name for p in files] == ["crawl.warc.gz", "notes.txt"]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "archive"),
    [("x.warc", True), ("X.WARC.GZ", True), ("x.warc.gz", True), ("x.gz", False),
     ("x.warcs", False), ("x.html", False)],
)
def test_is_warc_by_suffix(name: str, archive: bool) -> None:
    assert is_warc(name) is archive
