"""Tests of ingest (reading files, folders and stdin) and of the noise finder."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsledger.errors import InputError, LexiconError
from newsledger.ingest import (
    MAX_FILE_BYTES,
    parse_published,
    read_inputs,
    read_text_document,
)
from newsledger.model import Document
from newsledger.noise import find_noise, noise_rules, parse_noise_lexicon

WriteFile = Callable[[str, str | bytes], Path]

STORY = (
    "Security forces killed 12 militants and detained 31 others in raids across Diyala "
    "province last week, the Joint Operations Command said on Sunday.\n"
    "Two soldiers were wounded in the operations, the statement added.\n"
)

HTML_PAGE = """<!doctype html>
<html><head>
<title>Raids in Diyala</title>
<meta property="og:site_name" content="Frontline Daily">
<meta property="article:published_time" content="2023-11-05T08:30:00+03:00">
<link rel="canonical" href="https://news.example.org/2023/11/diyala-raids">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Raids in Diyala</h1>
<p>Security forces killed 12 militants and detained 31 others in raids across Diyala province
last week, the Joint Operations Command said on Sunday.</p>
<p>Two soldiers were wounded in the operations, the statement added.</p>
</article>
<footer>Copyright Frontline Daily</footer>
</body></html>
"""

GOLD = {
    "doc_id": "diyala-raids-2023",
    "source_url": "https://news.example.org/2023/11/diyala-raids",
    "published": "2023-11-05",
    "title": "Raids in Diyala",
    "text": STORY,
    "figures": [],
    "checks": [],
}

JSONL_RECORD = {
    "id": "diyala-1",
    "text": STORY,
    "published": "2023-11-05T08:30:00+03:00",
    "url": "https://news.example.org/2023/11/diyala-raids",
    "title": "Raids in Diyala",
    "outlet": "Frontline Daily",
}


def documents(results: list[Document | InputError]) -> list[Document]:
    return [result for result in results if isinstance(result, Document)]


def errors(results: list[Document | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


# --- each kind of input -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("story.txt", STORY, {"text": STORY, "name": None, "title": None, "published": None}),
        ("page.html", HTML_PAGE, {"title": "Raids in Diyala", "published": date(2023, 11, 5),
                                  "url": "https://news.example.org/2023/11/diyala-raids",
                                  "outlet": "Frontline Daily"}),
        ("page.htm", HTML_PAGE, {"title": "Raids in Diyala", "published": date(2023, 11, 5)}),
        ("feed.jsonl", json.dumps(JSONL_RECORD) + "\n",
         {"text": STORY, "name": "diyala-1", "published": date(2023, 11, 5),
          "url": JSONL_RECORD["url"], "title": "Raids in Diyala", "outlet": "Frontline Daily"}),
        ("diyala-raids-2023.json", json.dumps(GOLD),
         {"text": STORY, "name": "diyala-raids-2023", "published": date(2023, 11, 5),
          "url": GOLD["source_url"], "title": "Raids in Diyala", "outlet": None}),
    ],
    ids=["txt", "html", "htm", "jsonl", "gold-json"],
)
def test_ingest_reads_each_kind(
    write_file: WriteFile, name: str, content: str, expected: dict[str, Any]
) -> None:
    path = write_file(name, content)
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert document.path == str(path)
    assert "killed 12 militants" in document.text
    for field, value in expected.items():
        assert getattr(document, field) == value, field


def test_ingest_html_main_text_leaves_out_navigation_and_footer(write_file: WriteFile) -> None:
    [document] = list(read_inputs([str(write_file("page.html", HTML_PAGE))]))
    assert isinstance(document, Document)
    assert "Copyright" not in document.text
    assert "Home" not in document.text


def test_ingest_html_small_article_body_appears_once(write_file: WriteFile) -> None:
    # trafilatura 2.0 emits a small <article> body twice (adbar/trafilatura#879).
    [document] = list(read_inputs([str(write_file("page.html", HTML_PAGE))]))
    assert isinstance(document, Document)
    assert document.text.count("Two soldiers were wounded") == 1


def test_ingest_jsonl_one_document_per_line_blank_lines_skipped(write_file: WriteFile) -> None:
    lines = [{"id": "a", "text": "Three civilians were killed."}, {},
             {"id": 7, "text": "Five police officers were wounded."}]
    content = "\n".join(json.dumps(line) if line else "   " for line in lines) + "\n\n"
    results = list(read_inputs([str(write_file("feed.jsonl", content))]))
    assert [(d.name, d.text) for d in documents(results)] == [
        ("a", "Three civilians were killed."), ("7", "Five police officers were wounded.")]
    assert errors(results) == []


def test_ingest_jsonl_lines_end_only_at_newline(write_file: WriteFile) -> None:
    text = "Four were killed.\u2028Two were hurt.\x85End."
    content = json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\r\n"
    content += json.dumps({"id": "b", "text": "Six were held."}) + "\r\n"
    results = list(read_inputs([str(write_file("feed.jsonl", content))]))
    assert [(d.name, d.text) for d in documents(results)] == [("a", text), ("b", "Six were held.")]


def test_ingest_folder_recurses_in_sorted_order(write_file: WriteFile, tmp_path: Path) -> None:
    write_file("reports/b.txt", STORY)
    write_file("reports/a/feed.jsonl", "\n".join(
        json.dumps({"id": name, "text": f"Report {name}: 4 people were killed."})
        for name in ("first", "second")))
    write_file("reports/a/page.html", HTML_PAGE)
    write_file("reports/notes.md", "not a report")
    write_file("reports/a/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    results = list(read_inputs([str(tmp_path / "reports")]))
    assert errors(results) == []
    relative = [(Path(d.path or "").relative_to(tmp_path).as_posix(), d.name)
                for d in documents(results)]
    assert relative == [("reports/a/feed.jsonl", "first"), ("reports/a/feed.jsonl", "second"),
                        ("reports/a/page.html", None), ("reports/b.txt", None)]


# --- stdin --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ('{"id": "s1", "text": "Eight farmers were killed."}\n\n'
         '{"id": "s2", "text": "Ten were abducted."}\n',
         [("s1", "Eight farmers were killed."), ("s2", "Ten were abducted.")]),
        ("Eight farmers were killed on Thursday.\n",
         [(None, "Eight farmers were killed on Thursday.\n")]),
        ('{"id": "s1", "text": "Eight farmers were killed."}\nTen were abducted.\n',
         [(None, '{"id": "s1", "text": "Eight farmers were killed."}\nTen were abducted.\n')]),
        ('["a list", "is not an object"]\n', [(None, '["a list", "is not an object"]\n')]),
    ],
    ids=["jsonl", "text", "jsonl-and-text-is-text", "json-list-is-text"],
)
def test_ingest_stdin_jsonl_when_every_line_is_an_object_else_text(
    monkeypatch: pytest.MonkeyPatch, stdin: str, expected: list[tuple[str | None, str]]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    results = list(read_inputs(["-"]))
    assert [(d.name, d.text) for d in documents(results)] == expected
    assert all(d.path == "<stdin>" for d in documents(results))


def test_ingest_stdin_bytes_with_bom_are_read_as_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = "\ufeffEight farmers were killed in Mafa.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="latin-1"))
    [document] = list(read_inputs(["-"]))
    assert isinstance(document, Document)
    assert document.text == "Eight farmers were killed in Mafa.\n"


@pytest.mark.parametrize(
    ("stdin", "message"),
    [("", "input is empty"), (" \n\t\n", "only whitespace"),
     ('{"id": "s1", "text": ""}\n', "no non-empty 'text'")],
)
def test_ingest_stdin_errors_name_stdin(
    monkeypatch: pytest.MonkeyPatch, stdin: str, message: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    [error] = list(read_inputs(["-"]))
    assert isinstance(error, InputError)
    assert error.path == "<stdin>"
    assert message in error.message


# --- errors: each bad file is one InputError, the other inputs still come through ---------------

ERROR_CASES = [
    ("missing.txt", None, "file not found"),
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\t\r\n", "only whitespace"),
    ("nul.txt", b"Killed: 4\x00\x00\x01\x02", "binary file (contains NUL bytes)"),
    ("controls.txt", bytes(range(1, 8)) * 40, "binary file (mostly non-text bytes)"),
    ("latin1.txt", "Caf\u00e9 owners said 3 were hurt.".encode("latin-1"),
     "invalid UTF-8 at byte offset 3"),
    ("utf16.txt", "Three were hurt.".encode("utf-16"), "UTF-16"),
    ("broken.html", b"<html><body><div><span></span><p></p></div", "no main text found"),
    ("notes.md", b"Three were hurt.", "unsupported file type '.md'"),
    ("bad.json", b'{"doc_id": "x", "text": "Four', "not valid JSON"),
    ("no-text.json", json.dumps({"doc_id": "x", "title": "T"}).encode(), "no non-empty 'text'"),
    ("list.json", b'[{"text": "Four were hurt."}]', "not a gold-format document"),
    ("other.json", json.dumps({"headline": "T", "body": "B"}).encode(),
     "expected an object with 'doc_id' and 'text'"),
    ("bad-date.json", json.dumps({"doc_id": "x", "text": "T", "published": "5 April"}).encode(),
     "bad 'published' date '5 April'"),
]


@pytest.mark.parametrize(("name", "content", "message"), ERROR_CASES,
                         ids=[case[0] for case in ERROR_CASES])
def test_ingest_bad_file_is_an_error_naming_it_and_others_still_read(
    write_file: WriteFile, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    before, after = write_file("before.txt", STORY), write_file("after.txt", STORY)
    bad = write_file(name, content) if content is not None else tmp_path / name
    results = list(read_inputs([str(before), str(bad), str(after)]))
    assert [type(result) for result in results] == [Document, InputError, Document]
    error = results[1]
    assert isinstance(error, InputError)
    assert error.path == str(bad)
    assert message in error.message
    assert str(bad) in str(error)


def test_ingest_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB by size, nothing written

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} should not be read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [error] = list(read_inputs([str(huge)]))
    assert isinstance(error, InputError)
    assert error.path == str(huge)
    assert "50.0 MB, larger than the limit of 20 MB" in error.message
    assert os.stat(huge).st_size > MAX_FILE_BYTES


JSONL_ERROR_CASES = [
    ("not json at all", "line is not valid JSON"),
    ('["a", "list"]', "expected a JSON object with 'id' and 'text', got a list"),
    ('"a string"', "got a string"),
    ('{"id": "x"}', "no non-empty 'text'"),
    ('{"id": "x", "text": "   "}', "no non-empty 'text'"),
    ('{"id": "x", "text": 42}', "'text' that is a number"),
    ('{"id": "x", "text": "T", "published": "2024-02-30"}', "bad 'published' date '2024-02-30'"),
    ('{"id": "x", "text": "T", "published": "2024-02-03Tnoon"}', "bad 'published' date"),
    ('{"id": "x", "text": "T", "published": 2024}', "bad 'published' date 2024"),
    ('{"id": ["x"], "text": "T"}', "'id' must be a string, got a list"),
    # hostile lines (issue 12): each is one error for its line, never a traceback
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ('{"id": "x", "text": "T", "n": ' + "7" * 5000 + "}", "a number is too long"),
    ('{"id": "x", "text": "Five people \\ud800 died."}', "'text' holds a lone surrogate \\ud800 at "
     "character 12"),
    ('{"id": "x", "text": "T", "title": "\\udfff"}', "'title' holds a lone surrogate"),
    ('{"id": "x", "text": "T", "published": "0001-01-01"}', "in the years 1000-8999"),
    ('{"id": "x", "text": "T", "published": "9999-12-31"}', "bad 'published' date '9999-12-31'"),
]


@pytest.mark.parametrize(("line", "message"), JSONL_ERROR_CASES)
def test_ingest_bad_jsonl_line_is_an_error_naming_file_and_line(
    write_file: WriteFile, line: str, message: str
) -> None:
    good = json.dumps({"id": "ok", "text": STORY})
    path = write_file("feed.jsonl", f"{good}\n\n{line}\n{good}\n")
    results = list(read_inputs([str(path)]))
    assert [type(result) for result in results] == [Document, InputError, Document]
    error = results[1]
    assert isinstance(error, InputError)
    assert (error.path, error.line) == (str(path), 3)
    assert message in error.message
    assert str(error).startswith(f"{path}:3: ")


def test_ingest_utf8_bom_is_accepted_and_dropped(write_file: WriteFile) -> None:
    path = write_file("bom.txt", b"\xef\xbb\xbf" + STORY.encode())
    [document] = list(read_inputs([str(path)]))
    assert isinstance(document, Document)
    assert document.text == STORY


def test_ingest_invalid_utf8_offset_counts_the_bom(write_file: WriteFile) -> None:
    path = write_file("bad.txt", b"\xef\xbb\xbfAbc \xff def")
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "byte offset 7 (byte 0xff)" in error.message


# --- documents and ids --------------------------------------------------------------------------

def test_ingest_same_text_from_txt_jsonl_and_gold_has_one_content_id(
    write_file: WriteFile
) -> None:
    paths = [write_file("story.txt", STORY),
             write_file("feed.jsonl", json.dumps({"id": "x", "text": STORY.strip()})),
             write_file("gold.json", json.dumps(GOLD))]
    results = list(read_inputs([str(path) for path in paths]))
    assert len(documents(results)) == 3
    assert len({document.id for document in documents(results)}) == 1


def test_ingest_text_is_kept_exactly_as_given() -> None:
    text = "\ufeff  Line one.\r\nAdvertisement\r\n\u201cQuoted\u201d \u2014 line three.  "
    document = read_text_document(text, path="x.txt", name="x")
    assert document.text == text
    assert [text[start:end] for start, end in document.noise] == ["Advertisement"]
    assert (document.path, document.name) == ("x.txt", "x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("2024-04-05", date(2024, 4, 5)),
     ("2024-04-05T23:30:00Z", date(2024, 4, 5)), ("2024-04-05T23:30:00-05:00", date(2024, 4, 5)),
     ("2024-04-05 09:49", date(2024, 4, 5))],
)
def test_ingest_parse_published_accepts_dates_and_iso_datetimes(
    value: str | None, expected: date | None
) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["April 5, 2024", "2024-13-01", "2024-04-05T25:00", "05/04/2024",
                                   "2024-04-05 and more", 20240405])
def test_ingest_parse_published_refuses_other_forms(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


# --- noise --------------------------------------------------------------------------------------

SCRAPED = (
    "3 of 6 | Rescue workers carry a stretcher through the rubble of a clinic in Kalo district "
    "on Sunday. Photo by Ahmad Karim/Reuters\n"
    "Rescue teams pulled 14 bodies from the rubble of the clinic on Sunday, the provincial health "
    "office said.\n"
    "Advertisement\n"
    "The office said 37 people were wounded, including 9 children. Advertisement\n"
    "Displaced families gather outside the town hall. Photo: Leila Saeed/AFP\n"
    "Local officials said about 2,000 families had fled the district since March.\n"
    "Related Posts\n"
)
SCRAPED_NOISE = [
    "3 of 6 | Rescue workers carry a stretcher through the rubble of a clinic in Kalo district on "
    "Sunday. Photo by Ahmad Karim/Reuters",
    "Advertisement",
    "Advertisement",
    "Photo: Leila Saeed/AFP",
    "Related Posts",
]
SCRAPED_STORY = [
    "Rescue teams pulled 14 bodies from the rubble of the clinic on Sunday",
    "The office said 37 people were wounded, including 9 children.",
    "Displaced families gather outside the town hall.",
    "Local officials said about 2,000 families had fled the district since March.",
]


def test_noise_covers_the_furniture_of_a_scraped_page() -> None:
    assert [SCRAPED[start:end] for start, end in find_noise(SCRAPED)] == SCRAPED_NOISE


@pytest.mark.parametrize("sentence", SCRAPED_STORY)
def test_noise_leaves_the_story_of_a_scraped_page(sentence: str) -> None:
    start = SCRAPED.index(sentence)
    end = start + len(sentence)
    assert all(e <= start or s >= end for s, e in find_noise(SCRAPED))


@pytest.mark.parametrize(
    "sentence",
    [
        "By the end of June, 44 militants had been killed, the ministry said.",
        "By Thursday, 9 fighters had surrendered to the army.",
        "Advertisement boards in the square were torn down by protesters.",
        "Related attacks killed 12 people in Kirkuk last week.",
        "Share of displaced people living in camps rose to 40 percent.",
        "Published in 2019, the report counted 3,000 civilian deaths.",
        "The photo by Reuters showed 12 trucks crossing the border.",
        "Photos by residents showed at least 3 of 5 buildings destroyed in the strike.",
        "Comments from officials were not available on Monday.",
        "Press releases from the army said 18 fighters were killed.",
        "Release of the 40 detainees is expected on Monday, officials said.",
        "Sorry, this is not what we expected, the mayor told reporters.",
        "March 3, 2024 was the deadliest day of the year, with 61 killed.",
        "The group posted a video on Twitter claiming 20 attacks (@ sources said).",
        "Officials said 1 of 2 hospitals in the city was damaged.",
        "Read the statement, the spokesman told 15 journalists.",
        "All comments by the governor were broadcast on state television.",
    ],
)
def test_noise_never_marks_a_story_sentence(sentence: str) -> None:
    assert find_noise(sentence) == ()
    assert find_noise(f"Officials spoke on Monday.\n{sentence}\nMore text followed.") == ()


def bracketed(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The example without its [[...]] marks, and the spans they marked."""
    text, spans, rest = "", [], example
    while "[[" in rest:
        before, rest = rest.split("[[", 1)
        marked, rest = rest.split("]]", 1)
        text += before
        spans.append((len(text), len(text) + len(marked)))
        text += marked
    return text + rest, spans


@pytest.mark.parametrize("rule", noise_rules(), ids=lambda rule: rule.name)
def test_noise_lexicon_examples_come_out_exactly(rule: Any) -> None:
    text, expected = bracketed(rule.example)
    assert expected, f"{rule.name}: the example marks no noise"
    assert list(find_noise(text)) == expected


def test_noise_spans_keep_offsets_with_windows_line_ends() -> None:
    text = SCRAPED.replace("\n", "\r\n")
    assert [text[start:end] for start, end in find_noise(text)] == SCRAPED_NOISE


def test_noise_gallery_marker_without_credit_is_only_the_marker() -> None:
    text = "1 of 3 | Police said 6 people were arrested after the clashes."
    assert [text[start:end] for start, end in find_noise(text)] == ["1 of 3 |"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("noise\tonly-three\t^x$", "expected 4 tab-separated columns, got 3"),
        ("caption\tname\t^x$\t[[x]]", "unknown kind 'caption'"),
        ("noise\tbroken\t^(x$\t[[x]]", "bad regular expression"),
        ("noise\tundefined\t{MONTH} \\d+\t[[May 1]]", "{MONTH} is used before it is defined"),
    ],
)
def test_noise_malformed_lexicon_row_names_file_and_line(row: str, message: str) -> None:
    content = "# header\n" + "define\tYEAR\t\\d{4}\t\n" + row + "\n"
    with pytest.raises(LexiconError) as raised:
        parse_noise_lexicon(content, "custom.tsv")
    assert str(raised.value).startswith("custom.tsv:3: ")
    assert message in str(raised.value)


# --- hostile files and folders (issue 12) -------------------------------------------------------

def test_ingest_gold_json_nested_too_deeply_is_an_error(write_file: WriteFile) -> None:
    path = write_file("deep.json", "{\"a\": " * 20_000 + "1" + "}" * 20_000)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "nested too deeply" in error.message


def test_ingest_stdin_nested_too_deeply_is_read_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[" * 50_000 + b"\n")))
    [result] = list(read_inputs(["-"]))
    assert isinstance(result, Document)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.symlink_to("/dev/zero"), "not a regular file but a character device"),
        (lambda path: os.mkfifo(path), "not a regular file but a named pipe (FIFO)"),
    ],
    ids=["link to /dev/zero", "fifo"],
)
def test_ingest_only_regular_files_are_read(
    write_file: WriteFile, tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    write_file("in/a.txt", STORY)
    write_file("in/c.txt", STORY)
    odd = tmp_path / "in" / "b.txt"
    make(odd)
    results = list(read_inputs([str(tmp_path / "in"), str(odd)]))
    kinds = [type(result) for result in results]
    assert kinds.count(Document) == 2
    found = errors(results)
    assert len(found) == 2  # once in the folder, once named
    assert all(error.path == str(odd) and message in error.message for error in found)


def test_ingest_read_is_bounded_when_the_size_lies(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsledger.ingest as ingest

    path = write_file("grown.txt", STORY * 10)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", len(STORY) * 10 - 1)
    real_fstat = os.fstat

    def small_fstat(descriptor: int) -> os.stat_result:  # a size that lies, as in /proc
        info = list(real_fstat(descriptor))
        info[6] = 0
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", small_fstat)
    [error] = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "larger than the limit" in error.message


def test_ingest_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/r\xe9ports"
    os.mkdir(folder)
    with open(folder + b"/raid\xff.txt", "w", encoding="utf-8") as handle:
        handle.write(STORY)
    [document] = list(read_inputs([os.fsdecode(folder)]))
    assert isinstance(document, Document)
    assert document.path == f"{tmp_path}/r\\xe9ports/raid\\xff.txt"
    assert document.path.encode("utf-8")  # storable and printable


def test_ingest_unreadable_sub_folder_is_an_error(
    write_file: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    write_file("in/open/a.txt", STORY)
    locked = tmp_path / "in" / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # as for a folder with mode 000 when not root
        if str(path) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(read_inputs([str(tmp_path / "in")]))
    [error] = [result for result in results if isinstance(result, InputError)]
    assert error.path == str(locked)
    assert "cannot read the folder: Permission denied" in error.message
    assert len(documents(results)) == 1


def test_ingest_jsonl_document_knows_its_line(write_file: WriteFile) -> None:
    lines = [json.dumps({"id": f"d{n}", "text": STORY}) for n in range(2)]
    path = write_file("feed.jsonl", "\n\n".join(lines))
    assert [document.line for document in documents(list(read_inputs([str(path)])))] == [1, 3]
