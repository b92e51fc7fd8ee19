"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (UTF-8) or bytes to a file under tmp_path, creating folders; returns its path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_figure() -> Callable[..., object]:
    """Build a Figure by hand: make_figure("f1", 44, "killed", locations=("Iraq",), start=0)."""
    from datetime import date

    from newsledger.model import Figure, Measure, Qualifier, Quantity

    def make(
        fid: str,
        value: int,
        measure: str,
        *,
        start: int = 0,
        qualifier: str = "exact",
        high: int | None | str = "same",
        counted: str | None = "operatives",
        actor: str | None = None,
        locations: tuple[str, ...] = (),
        period: tuple[date | None, date | None] = (None, None),
    ) -> Figure:
        top = value if high == "same" else high
        quantity = Quantity(
            value,
            top if isinstance(top, int) or top is None else value,
            Qualifier(qualifier),
            str(value),
            start,
            start + len(str(value)),
        )
        return Figure(
            doc="d",
            id=fid,
            start=start,
            end=start + 5,
            text=str(value),
            quantity=quantity,
            measure=Measure(measure),
            counted=counted,
            actor=actor,
            locations=locations,
            period_start=period[0],
            period_end=period[1],
        )

    return make


@pytest.fixture(scope="session")
def extract_text() -> Callable[..., object]:
    """Run the real pipeline on a text we wrote: extract_text(text, published=date(...))."""
    from datetime import date

    from newsledger.ingest import read_text_document
    from newsledger.pipeline import extract

    def run(text: str, published: date | None = None) -> object:
        return extract(read_text_document(text, published=published))

    return run
