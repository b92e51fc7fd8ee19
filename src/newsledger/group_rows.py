"""Rows of the ledger's reconcile tables: groups and figures between DuckDB/Arrow and records.

Members and conflict pairs are kept as JSON text in ``group_rows`` (the view ``groups`` numbers
the groups); rows come back from ``Ledger._rows`` with dates as ISO text, and are turned back
into model records here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

from newsledger.model import Figure, Group, GroupMember, Measure, Qualifier, Quantity, Verdict
from newsledger.verify.reconcile import Reconciled, conflict_pairs, member_json

GROUP_SCHEMA = pa.schema([
    ("sort_key", pa.string()), ("measure", pa.string()), ("actor", pa.string()),
    ("locations", pa.list_(pa.string())), ("period_start", pa.date32()),
    ("period_end", pa.date32()), ("as_of", pa.date32()), ("verdict", pa.string()),
    ("best", pa.int64()), ("low", pa.int64()), ("high", pa.int64()), ("reason", pa.string()),
    ("members", pa.string()), ("conflicts", pa.string()), ("latest", pa.date32()),
])


def figure_from_row(row: dict[str, Any]) -> Figure:
    """A stored figure row (dates as ISO text) back as a Figure."""
    quantity = Quantity(row["low"], row["high"], Qualifier(row["qualifier"]), row["number_text"],
                        row["start"], row["end"])
    return Figure(
        doc=row["doc"], id=row["id"], start=row["start"], end=row["end"], text=row["text"],
        quantity=quantity, measure=Measure(row["measure"]), counted=row["counted"],
        actor=row["actor"], locations=tuple(row["locations"]),
        period_start=day(row["period_start"]), period_end=day(row["period_end"]),
        time_text=row["time_text"], source=row["source"],
        also_at=_also_at(row["also_at"]),
    )


def _also_at(stored: str) -> tuple[tuple[int, int], ...]:
    # most figures are stated once: "[]" needs no JSON parser (a long document's 100,000
    # figures are read back several times when reconciled)
    return () if stored == "[]" else tuple((a, b) for a, b in json.loads(stored))


def group_from_row(row: dict[str, Any]) -> Group:
    """A stored group row back as a Group."""
    members = tuple(
        GroupMember(doc=m["doc"], id=m["id"], low=m["low"], high=m["high"],
                    qualifier=Qualifier(m["qualifier"]), source=m["source"],
                    published=day(m["published"]), outlet=m["outlet"], text=m["text"],
                    copy_of=m.get("copy_of"))
        for m in json.loads(row["members"])
    )
    return Group(
        id=row["id"], measure=Measure(row["measure"]), actor=row["actor"],
        locations=tuple(row["locations"]), period_start=day(row["period_start"]),
        period_end=day(row["period_end"]), as_of=day(row["as_of"]),
        verdict=Verdict(row["verdict"]), best=row["best"], low=row["low"], high=row["high"],
        reason=row["reason"], figures=members,
    )


def group_table(groups: Iterable[tuple[str, Reconciled]]) -> pa.Table:
    """Rows of ``group_rows``: each group by its sort key (the view ``groups`` numbers them),
    members and conflict pairs (reasons without the group's id) as JSON text."""
    rows = []
    for sort_key, item in groups:
        g = item.group
        days = [g.period_end, g.as_of, *(m.published for m in g.figures)]
        rows.append({
            "sort_key": sort_key, "measure": g.measure.value, "actor": g.actor,
            "locations": list(g.locations), "period_start": g.period_start,
            "period_end": g.period_end, "as_of": g.as_of, "verdict": g.verdict.value,
            "best": g.best, "low": g.low, "high": g.high, "reason": g.reason,
            "members": json.dumps([member_json(m) for m in g.figures]),
            "conflicts": json.dumps(conflict_pairs(item.checks)),
            "latest": max((when for when in days if when), default=None),
        })
    return pa.Table.from_pylist(rows, schema=GROUP_SCHEMA)


def day(value: Any) -> date | None:
    """A date from the ISO text ``_rows`` gives (or a date); None stays None."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


__all__ = ["GROUP_SCHEMA", "day", "figure_from_row", "group_from_row", "group_table"]
