"""Reviews in the ledger: an audit trail of what people confirmed, corrected, rejected or paired.

A review is keyed by its document's content id and the character span of the figure's number in
the document text (its *anchor*), never by the figure's row id: the text of a document never
changes (its id is a hash of it), so the anchor still finds the figure after the document is
ingested again or re-extracted with other rules, even when its figure id or evidence span moves.

Three tables: ``reviews`` keeps every action (what, before, after, when, by whom) and is only
appended to; ``figure_reviews`` holds each anchored figure's current state (status and the
corrected fields); ``figure_pairs`` holds the current "same thing" / "not the same thing" marks.
``REVIEWED_FIGURES`` is the figures table with the current state applied, which every read of
figures in ``store.py`` goes through, so corrections win in listings, groups, reports and exports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import duckdb

from newsledger.model import Measure, Qualifier

Connection = duckdb.DuckDBPyConnection


class Action(StrEnum):
    """What a reviewer did."""

    CONFIRM = "confirm"
    CORRECT = "correct"
    REJECT = "reject"
    SAME = "same"
    NOT_SAME = "not_same"


# The fields a correction may set, in the figures table's column names.
CORRECTABLE = ("low", "high", "qualifier", "measure", "counted", "actor", "locations",
               "period_start", "period_end", "source")

DDL = [
    "CREATE SEQUENCE IF NOT EXISTS review_ids START 1",
    """CREATE TABLE reviews (
        id BIGINT PRIMARY KEY DEFAULT nextval('review_ids'), reviewed_at TIMESTAMP NOT NULL,
        reviewer VARCHAR NOT NULL, action VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
        anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL, evidence VARCHAR NOT NULL,
        other_doc_id VARCHAR, other_anchor_start INTEGER, other_anchor_end INTEGER,
        before VARCHAR, after VARCHAR, note VARCHAR
    )""",
    """CREATE TABLE figure_reviews (
        doc_id VARCHAR NOT NULL, anchor_start INTEGER NOT NULL, anchor_end INTEGER NOT NULL,
        status VARCHAR NOT NULL, fields VARCHAR[] NOT NULL, low BIGINT, high BIGINT,
        qualifier VARCHAR, measure VARCHAR, counted VARCHAR, actor VARCHAR, locations VARCHAR[],
        period_start DATE, period_end DATE, source VARCHAR, reviewer VARCHAR NOT NULL,
        reviewed_at TIMESTAMP NOT NULL, PRIMARY KEY (doc_id, anchor_start, anchor_end)
    )""",
    """CREATE TABLE figure_pairs (
        doc_a VARCHAR NOT NULL, start_a INTEGER NOT NULL, end_a INTEGER NOT NULL,
        doc_b VARCHAR NOT NULL, start_b INTEGER NOT NULL, end_b INTEGER NOT NULL,
        same BOOLEAN NOT NULL, reviewer VARCHAR NOT NULL, reviewed_at TIMESTAMP NOT NULL,
        PRIMARY KEY (doc_a, start_a, end_a, doc_b, start_b, end_b)
    )""",
]

# Where a figure's number lies in the document: the first place its number_text occurs in its
# evidence (the whole evidence if it does not). DuckDB's strpos and length count characters,
# as Python's offsets do.
_FOUND = "strpos(f.text, f.number_text)"
NUMBER_START = f'(f.start + CASE WHEN {_FOUND} > 0 THEN {_FOUND} - 1 ELSE 0 END)'
NUMBER_END = (f'(CASE WHEN {_FOUND} > 0 THEN {NUMBER_START} + length(f.number_text) '
              'ELSE f."end" END)')


def _replace(column: str) -> str:
    return f"CASE WHEN list_contains(r.fields, '{column}') THEN r.{column} ELSE f.{column} END"


# The figures table with each figure's current review applied and its status in ``review``
# ('' when nobody reviewed it). The latest review anchored inside the figure's number wins. The
# reviews are matched to figures first (few rows), then joined on equal keys: a window over
# every figure would cost five times the plain read on a large ledger.
REVIEWED_FIGURES = f"""(
    SELECT f.* REPLACE ({", ".join(f"{_replace(c)} AS {c}" for c in CORRECTABLE)}),
        coalesce(r.status, '') AS review, r.reviewer AS reviewed_by, r.reviewed_at
    FROM figures f LEFT JOIN (
        SELECT r.*, f.id AS figure_id FROM figure_reviews r JOIN figures f
            ON r.doc_id = f.doc_id AND r.anchor_start < {NUMBER_END}
            AND {NUMBER_START} < r.anchor_end
        QUALIFY row_number() OVER (PARTITION BY f.doc_id, f.id ORDER BY r.reviewed_at DESC) = 1
    ) r ON r.doc_id = f.doc_id AND r.figure_id = f.id
)"""

NOT_REJECTED = "f.review <> 'rejected'"


@dataclass(frozen=True, slots=True)
class Review:
    """One reviewer action on a figure (``doc`` its document's content id or given id)."""

    action: Action
    doc: str
    figure: str
    reviewer: str
    changes: dict[str, Any] = field(default_factory=dict)  # CORRECT: field -> new value
    other_doc: str | None = None  # SAME / NOT_SAME: the other figure
    other_figure: str | None = None
    note: str | None = None


class ReviewError(ValueError):
    """A review that cannot be recorded: unknown figure, bad field or value."""


class UnknownFigureError(ReviewError):
    """The review names a figure the ledger does not hold."""


def create_tables(con: Connection) -> None:
    """The migration's work: the three review tables."""
    for statement in DDL:
        con.execute(statement)


def record(con: Connection, review: Review, now: datetime) -> dict[str, Any]:
    """Append the review to the audit trail and update the current state; returns the entry."""
    figure = _figure(con, review.doc, review.figure)
    before = _state(figure)
    other = None
    if review.action in (Action.SAME, Action.NOT_SAME):
        if review.other_doc is None or review.other_figure is None:
            raise ReviewError("marking two figures needs the other figure's document and id")
        other = _figure(con, review.other_doc, review.other_figure)
        if (other["doc_id"], other["id"]) == (figure["doc_id"], figure["id"]):
            raise ReviewError("a figure cannot be paired with itself")
        after: dict[str, Any] = {"same": review.action is Action.SAME}
        _set_pair(con, figure, other, review, now)
    else:
        after = _set_state(con, figure, review, now)
    con.execute(
        "INSERT INTO reviews (reviewed_at, reviewer, action, doc_id, anchor_start, anchor_end, "
        "evidence, other_doc_id, other_anchor_start, other_anchor_end, before, after, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [now, review.reviewer, review.action.value, figure["doc_id"], figure["anchor_start"],
         figure["anchor_end"], figure["text"], other and other["doc_id"],
         other and other["anchor_start"], other and other["anchor_end"],
         json.dumps(before, default=str), json.dumps(after, default=str), review.note],
    )
    return {"action": review.action.value, "doc_id": figure["doc_id"], "figure": figure["id"],
            "other_doc_id": other and other["doc_id"], "other_figure": other and other["id"],
            "before": before, "after": after, "reviewer": review.reviewer,
            "reviewed_at": now.isoformat()}


def changes_figure(entry: dict[str, Any]) -> bool:
    """Whether a recorded review changed what its figure says (a correction, a rejection, or
    a rejected figure brought back), so that the checks and incidents it is in are out of date."""
    action = Action(entry["action"])
    if action in (Action.SAME, Action.NOT_SAME):
        return False
    return action is not Action.CONFIRM or entry["before"]["review"] == "rejected"


def _figure(con: Connection, doc: str, figure_id: str) -> dict[str, Any]:
    """The figure as it reads now (review applied) with its anchor; ReviewError if unknown."""
    cursor = con.execute(
        f"SELECT f.*, {NUMBER_START} AS anchor_start, {NUMBER_END} AS anchor_end "
        f"FROM {REVIEWED_FIGURES} f JOIN documents d ON d.id = f.doc_id "
        "WHERE (d.id = ? OR d.name = ?) AND f.id = ? ORDER BY d.id LIMIT 1",
        [doc, doc, figure_id],
    )
    names = [column[0] for column in cursor.description or ()]
    row = cursor.fetchone()
    if row is None:
        raise UnknownFigureError(f"no figure {figure_id} in document {doc}")
    return dict(zip(names, row, strict=True))


def _state(figure: dict[str, Any]) -> dict[str, Any]:
    return {"review": figure["review"] or None,
            **{name: _plain(figure[name]) for name in CORRECTABLE}}


def _set_state(
    con: Connection, figure: dict[str, Any], review: Review, now: datetime
) -> dict[str, Any]:
    """Update the figure's current review row; returns its state after the review."""
    anchor = [figure["doc_id"], figure["anchor_start"], figure["anchor_end"]]
    current = con.execute(
        "SELECT fields, " + ", ".join(CORRECTABLE) + " FROM figure_reviews "
        "WHERE doc_id = ? AND anchor_start = ? AND anchor_end = ?", anchor).fetchone()
    values = dict(zip(CORRECTABLE, current[1:], strict=True)) if current else {}
    fields = list(current[0]) if current else []
    if review.action is Action.CORRECT:
        changes = validate_changes(review.changes, {**figure, **values})
        values.update(changes)
        fields = sorted(set(fields) | set(changes))
        status = "corrected"
    else:
        status = "confirmed" if review.action is Action.CONFIRM else "rejected"
    row = [*anchor, status, fields, *(values.get(name) for name in CORRECTABLE),
           review.reviewer, now]
    con.execute("INSERT OR REPLACE INTO figure_reviews VALUES "
                f"({', '.join('?' * len(row))})", row)
    merged = {name: values[name] if name in fields else figure[name] for name in CORRECTABLE}
    return {"review": status, **{name: _plain(value) for name, value in merged.items()}}


def _set_pair(con: Connection, a: dict[str, Any], b: dict[str, Any], review: Review,
              now: datetime) -> None:
    # One row per unordered pair: the smaller anchor first.
    first, second = sorted((a, b), key=lambda f: (f["doc_id"], f["anchor_start"]))
    con.execute(
        "INSERT OR REPLACE INTO figure_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [first["doc_id"], first["anchor_start"], first["anchor_end"], second["doc_id"],
         second["anchor_start"], second["anchor_end"], review.action is Action.SAME,
         review.reviewer, now],
    )


def validate_changes(changes: dict[str, Any], figure: dict[str, Any]) -> dict[str, Any]:
    """Corrected fields as stored values; ReviewError names the first field that is wrong."""
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in CORRECTABLE:
            raise ReviewError(f"{name!r} cannot be corrected (fields: {', '.join(CORRECTABLE)})")
        clean[name] = _clean(name, value)
    if "low" in clean and "high" not in clean and figure.get("high") == figure.get("low"):
        clean["high"] = clean["low"]  # an exact number keeps a one-point interval
    low = clean.get("low", figure.get("low"))
    high = clean.get("high", figure.get("high"))
    if low is None:
        raise ReviewError("low: a figure needs a value")
    if high is not None and high < low:
        raise ReviewError(f"high: {high} is below low {low}")
    start = clean.get("period_start", figure.get("period_start"))
    end = clean.get("period_end", figure.get("period_end"))
    if start and end and _day(start) > _day(end):
        raise ReviewError(f"period_end: {end} is before period_start {start}")
    return clean


def _clean(name: str, value: Any) -> Any:
    """One corrected value checked and typed: ints, enums, dates, place lists, text or None."""
    if isinstance(value, str):
        value = value.strip()
    empty = value is None or value == "" or value == []
    try:
        if name in ("low", "high"):
            number = None if empty else int(str(value).replace(",", ""))
            if number is not None and not 0 <= number < 10**15:
                raise ReviewError(f"{name}: {number} is out of range")
            return number
        if name == "qualifier":
            return Qualifier(value).value
        if name == "measure":
            return Measure(value).value
        if name in ("period_start", "period_end"):
            return None if empty else _day(value)
        if name == "locations":
            items = value.split(";") if isinstance(value, str) else list(value or [])
            return [str(item).strip() for item in items if str(item).strip()]
    except ValueError as error:
        raise ReviewError(f"{name}: {value!r} is not valid ({error})") from error
    if empty:
        return None
    if not isinstance(value, str) or len(value) > 500:
        raise ReviewError(f"{name}: give text of at most 500 characters")
    return value


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return list(value) if isinstance(value, tuple) else value


def pair_marks(con: Connection, doc_key: str) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """The reviewers' pairs as ``doc:id`` keys of today's figures: (same, not the same)."""
    anchors = (f"SELECT {doc_key} AS doc, f.id, f.doc_id, {NUMBER_START} AS s, {NUMBER_END} AS e "
               "FROM figures f JOIN documents d ON d.id = f.doc_id")
    rows = con.execute(
        f"WITH a AS ({anchors}) SELECT x.doc || ':' || x.id, y.doc || ':' || y.id, p.same "
        "FROM figure_pairs p JOIN a x ON x.doc_id = p.doc_a AND p.start_a < x.e AND x.s < p.end_a "
        "JOIN a y ON y.doc_id = p.doc_b AND p.start_b < y.e AND y.s < p.end_b "
        "ORDER BY p.reviewed_at"
    ).fetchall()
    same: set[frozenset[str]] = set()
    different: set[frozenset[str]] = set()
    for a, b, is_same in rows:
        pair = frozenset((a, b))
        (same if is_same else different).add(pair)
        (different if is_same else same).discard(pair)
    return same, different


def history(con: Connection, doc_id: str | None = None) -> list[dict[str, Any]]:
    """The audit trail, newest first (of one document's content id when given)."""
    where, params = ("TRUE", []) if doc_id is None else ("doc_id = ? OR other_doc_id = ?",
                                                          [doc_id, doc_id])
    cursor = con.execute(f"SELECT * FROM reviews WHERE {where} ORDER BY id DESC", params)
    names = [column[0] for column in cursor.description or ()]
    rows = []
    for row in cursor.fetchall():
        entry = {name: _plain(value) for name, value in zip(names, row, strict=True)}
        entry["before"] = json.loads(entry["before"]) if entry["before"] else None
        entry["after"] = json.loads(entry["after"]) if entry["after"] else None
        rows.append(entry)
    return rows


__all__ = ["CORRECTABLE", "NOT_REJECTED", "REVIEWED_FIGURES", "Action", "Review", "ReviewError",
           "UnknownFigureError", "changes_figure", "create_tables", "history", "pair_marks",
           "record", "validate_changes"]
