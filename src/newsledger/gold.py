"""Gold files (corpus/SCHEMA.md format): reading them into documents, figures and checks.

``load_gold`` reads one ``<doc_id>.json`` file into a GoldDoc: the Document, its gold figures (each
with every passage stating it, see ``occurrences``) and its sum, subset and conflict checks.
``gold_digest`` pins a set of gold files. Scoring against them is ``newsledger.evaluate``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from newsledger.errors import InputError
from newsledger.model import Check, CheckType, Document, Figure, Measure, Qualifier, Quantity

SCORED_CHECKS = (CheckType.SUM, CheckType.SUBSET, CheckType.CONFLICT)

Span = tuple[int, int]
E = TypeVar("E", Measure, Qualifier)


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """A gold figure: its values as a Figure, the passages stating it, whether it is scored."""

    figure: Figure  # start/end: the first occurrence of the evidence
    passages: tuple[Span, ...]
    include: bool


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold file: the document, its gold figures and its sum, subset and conflict checks."""

    document: Document
    figures: tuple[GoldFigure, ...]
    checks: tuple[Check, ...]

    @property
    def doc_id(self) -> str:
        """The gold ``doc_id``."""
        return self.document.key


def load_gold(path: Path) -> GoldDoc:
    """Read one gold .json file; InputError names the file and what is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(str(path), f"not valid JSON: {error.msg}", line=error.lineno) from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read: {error}") from error
    return parse_gold(raw, str(path))


def parse_gold(raw: Any, path: str) -> GoldDoc:
    """Build a GoldDoc from the parsed JSON of a gold file (``path`` is for error messages)."""
    if not isinstance(raw, dict):
        raise InputError(path, "a gold file must hold one JSON object")
    doc_id = _required(raw, "doc_id", path, "the file")
    text = _required(raw, "text", path, "the file")
    document = Document(
        text=text,
        title=raw.get("title"),
        published=_date(raw.get("published"), path, "published"),
        url=raw.get("source_url"),
        name=doc_id,
        path=path,
    )
    figures = tuple(_gold_figure(item, document, path) for item in raw.get("figures", []))
    known = {gold.figure.id for gold in figures}
    checks = tuple(_gold_check(item, doc_id, known, path) for item in raw.get("checks", []))
    return GoldDoc(document, figures, tuple(check for check in checks if check is not None))


def _gold_figure(raw: dict[str, Any], document: Document, path: str) -> GoldFigure:
    where = f"figure {raw.get('id', '?')}"
    evidence = _required(raw, "evidence", path, where)
    passages = [*occurrences(document.text, evidence)]
    if not passages:
        raise InputError(path, f"{where}: evidence {evidence!r} is not in the text")
    for also in raw.get("also_at", []):
        found = [*occurrences(document.text, also)]
        if not found:
            raise InputError(path, f"{where}: also_at passage {also!r} is not in the text")
        passages.extend(found)
    start, end = passages[0]
    figure = Figure(
        doc=document.key,
        id=_required(raw, "id", path, where),
        start=start,
        end=end,
        text=evidence,
        quantity=_gold_quantity(raw, start, end, path, where),
        measure=_enum(Measure, raw.get("measure"), path, f"{where}: measure"),
        counted=raw.get("counted"),
        actor=raw.get("actor"),
        locations=tuple(raw.get("locations") or ()),
        period_start=_date(raw.get("period_start"), path, f"{where}: period_start"),
        period_end=_date(raw.get("period_end"), path, f"{where}: period_end"),
        time_text=raw.get("time_text"),
        source=raw.get("source"),
    )
    return GoldFigure(figure, tuple(passages), bool(raw.get("include", True)))


def _gold_quantity(raw: dict[str, Any], start: int, end: int, path: str, where: str) -> Quantity:
    qualifier = _enum(Qualifier, raw.get("qualifier"), path, f"{where}: qualifier")
    low, high = raw.get("low"), raw.get("high")
    if low is None and qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        low = 0  # "up to 50" bounds only from above
    if not isinstance(low, int) or not (high is None or isinstance(high, int)):
        raise InputError(path, f"{where}: low must be a whole number and high a number or null")
    number_text = raw.get("number_text") or ""
    # The gold gives no offsets of the number itself; the evidence span stands in for them.
    return Quantity(low, high, qualifier, number_text, start, end)


def _gold_check(raw: dict[str, Any], doc_id: str, known: set[str], path: str) -> Check | None:
    kind = raw.get("kind")
    if kind not in SCORED_CHECKS:
        raise InputError(path, f"check kind {kind!r} is not one of sum, subset, conflict")
    if kind == CheckType.SUM:
        ids = [raw.get("total"), *raw.get("parts", [])]
        check = Check(
            doc_id,
            CheckType.SUM,
            bool(raw.get("holds", True)),
            total=raw.get("total"),
            parts=tuple(raw.get("parts", [])),
            reason=raw.get("note", ""),
        )
    elif kind == CheckType.CONFLICT:
        # Two values for one thing in the document; the gold does not say which came first.
        ids = [raw.get("a"), raw.get("b")]
        check = Check(
            doc_id,
            CheckType.CONFLICT,
            False,
            whole=raw.get("a"),
            part=raw.get("b"),
            reason=raw.get("note", ""),
        )
    else:
        ids = [raw.get("whole"), raw.get("part")]
        check = Check(
            doc_id,
            CheckType.SUBSET,
            bool(raw.get("holds", True)),
            whole=raw.get("whole"),
            part=raw.get("part"),
            reason=raw.get("note", ""),
        )
    unknown = [figure_id for figure_id in ids if figure_id not in known]
    if unknown:
        raise InputError(path, f"{kind} check refers to unknown figure ids {unknown}")
    return check


def _required(raw: dict[str, Any], key: str, path: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value:
        raise InputError(path, f"{where}: missing or empty {key!r}")
    return value


def _enum(kind: type[E], value: object, path: str, where: str) -> E:
    if isinstance(value, str) and value in set(kind):
        return kind(value)
    allowed = ", ".join(member.value for member in kind)
    raise InputError(path, f"{where} {value!r} is not one of {allowed}")


def _date(value: object, path: str, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(path, f"{where} {value!r} is not a YYYY-MM-DD date") from None


def occurrences(text: str, passage: str) -> Iterator[Span]:
    """Every ``[start, end)`` at which ``passage`` occurs in ``text``."""
    start = text.find(passage)
    while passage and start >= 0:
        yield start, start + len(passage)
        start = text.find(passage, start + 1)


def gold_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the gold files' names and bytes in name order: pins a gold set."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


__all__ = [
    "SCORED_CHECKS",
    "GoldDoc",
    "GoldFigure",
    "Span",
    "gold_digest",
    "load_gold",
    "occurrences",
    "parse_gold",
]
