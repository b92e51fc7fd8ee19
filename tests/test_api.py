"""The library's front door: strings and dates as people pass them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import newsledger
from newsledger.api import as_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2024-01-08", date(2024, 1, 8)),
        ("2024-01-08T22:15:00", date(2024, 1, 8)),
        (date(2024, 1, 8), date(2024, 1, 8)),
        (datetime(2024, 1, 8, 9, 30), date(2024, 1, 8)),
    ],
)
def test_api_as_date_accepts_what_people_pass(value: object, expected: date | None) -> None:
    assert as_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error"),
    [("8 January", ValueError), ("2024-13-01", ValueError), (20240108, TypeError)],
)
def test_api_as_date_refuses_with_a_message(value: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="published date"):
        as_date(value, "published date")  # type: ignore[arg-type]


def test_api_extract_takes_a_string_and_a_document_alike() -> None:
    text = "Two soldiers were killed in an ambush near Gao on Sunday, the army said."
    from_string = newsledger.extract(text, published="2025-03-10")
    from_document = newsledger.extract(
        newsledger.read_text_document(text, published=date(2025, 3, 10))
    )
    assert from_string.figures == from_document.figures
    assert [(f.quantity.low, f.measure.value) for f in from_string.figures] == [(2, "killed")]


def test_api_extract_text_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        newsledger.extract_text(b"Two soldiers were killed.")  # type: ignore[arg-type]


def test_api_ledger_table_names_the_listings(tmp_path: object) -> None:
    with newsledger.Ledger(str(tmp_path) + "/l.duckdb") as ledger, pytest.raises(
        ValueError, match="figures"
    ):
        ledger.table("nonsense")
