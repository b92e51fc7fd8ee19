"""Build a report from the ledger: pick figures, make rows, call out problems, cite passages.

1. Select the figures the filters keep (stocks with no period count on their publication day).
2. Rows: the ledger's same-thing groups where it has them, the remaining figures grouped here.
3. Call-outs: conflicting groups or rows, and failed checks that touch a selected figure.
4. Citations: every figure a cell cites, numbered in reading order, quoted from the stored text.
5. A chart of one measure over time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from newsledger.model import CheckType, Measure
from newsledger.report.chart import chart_measure, measure_chart
from newsledger.report.evidence import passage
from newsledger.report.records import (
    Callout,
    Cell,
    Citation,
    DerivedRow,
    Report,
    ReportFilters,
    TableRow,
)
from newsledger.report.rows import (
    FigureKey,
    FigureRow,
    anchor,
    derived_rows,
    figure_rows,
    group_rows,
    parse_day,
    stated_cell,
)
from newsledger.store import Ledger, document_label


def render_report(ledger: Ledger, filters: ReportFilters | None = None) -> Report:
    """The report of the figures in ``ledger`` that ``filters`` keep."""
    filters = filters or ReportFilters()
    documents = _documents(ledger)
    figures = select_figures(ledger, filters)  # 1.
    by_key = {(f["doc"], f["id"]): f for f in figures}
    groups, derived = ledger.groups(), ledger.derived()
    # Groups and derivations may reach past the filters: look their figures up among all.
    every = {(f["doc"], f["id"]): f for f in ledger.figures()} if groups or derived else by_key

    def key_of(doc: str) -> str:
        return str(documents[doc]["key"]) if doc in documents else doc

    rows, conflicts, covered = group_rows(groups, by_key.keys(), every, key_of)  # 2.
    more_rows, more_conflicts = figure_rows(f for k, f in by_key.items() if k not in covered)
    conflicts += more_conflicts
    failed = failed_checks(ledger, by_key)  # 3.
    tables = _tables(rows + more_rows)
    ordered = [row for _, table in tables for row in table]
    computed = tuple(sorted(derived_rows(derived, by_key.keys(), every, key_of),
                            key=_derived_order))
    cells = _cells(ordered, computed, conflicts + failed)
    texts = _Texts(ledger)
    citations = tuple(_citation(texts(figure["doc"]), number, figure, documents)  # 4.
                      for number, figure in enumerate(_cited(ledger, cells, every), start=1))
    measure = chart_measure(ordered, filters.measure)
    return Report(
        title=filters.title or default_title(filters), filters=filters,
        counts=_counts(figures, ordered, conflicts, failed), tables=tables,
        conflicts=tuple(conflicts), failed_checks=tuple(failed), citations=citations,
        chart=measure_chart(ordered, measure, computed) if measure else None,  # 5.
        notes=() if groups or not figures else (NO_GROUPS,), derived=computed,
    )


NO_GROUPS = ("The ledger has no same-thing groups yet (each 'newsledger ingest' reconciles the "
             "ledger's reports into them): rows group figures by measure, actor, places, period "
             "and what is counted.")


def default_title(filters: ReportFilters) -> str:
    """'Reported figures: ISIS, killed, in Iraq, 2024-01-01 to 2024-12-31' from the filters set."""
    parts = [filters.actor, filters.measure.value if filters.measure else None,
             f"in {filters.place}" if filters.place else None,
             f"in {filters.country}" if filters.country and filters.country != filters.place
             else None]
    if filters.since or filters.until:
        since = filters.since.isoformat() if filters.since else "…"
        until = filters.until.isoformat() if filters.until else "…"
        parts.append(f"{since} to {until}")
    named = ", ".join(part for part in parts if part)
    return f"Reported figures: {named}" if named else "Reported figures"


def select_figures(ledger: Ledger, filters: ReportFilters) -> list[FigureRow]:
    """Figures the filters keep; with dates, undated stocks published within them count too."""
    keep: dict[str, Any] = {"measure": filters.measure, "actor": filters.actor,
                            "place": filters.place, "country": filters.country}
    figures = ledger.figures(**keep, since=filters.since, until=filters.until)
    if filters.since is None and filters.until is None:
        return figures
    # "More than 9,000 detainees" in a report of 5 April holds on 5 April: an instant, not undated.
    undated = [f for f in ledger.figures(**keep)
               if f["period_start"] is None and f["period_end"] is None
               and _within(parse_day(f["published"]), filters.since, filters.until)]
    return figures + undated


def _within(day: date | None, since: date | None, until: date | None) -> bool:
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def _documents(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Document metadata under its output key (given id, else content id) and its content id."""
    documents: dict[str, dict[str, Any]] = {}
    for document in ledger.documents():
        document["key"] = document["name"] or document["id"]
        documents[document["key"]] = documents[document["id"]] = document
    return documents


def _derived_order(row: DerivedRow) -> tuple[int, str, date, str]:
    return (list(Measure).index(row.measure), row.place.lower(), row.period_end or date.max,
            (row.actor or "").lower())


def _tables(rows: Iterable[TableRow]) -> tuple[tuple[Measure, tuple[TableRow, ...]], ...]:
    """Rows by measure (in the schema's order), each by place, then period, then actor."""
    order = list(Measure)
    ordered = sorted(rows, key=lambda r: (
        order.index(r.measure), r.place.lower(), r.period_end or date.max,
        r.period_start or date.min, (r.actor or "").lower(), (r.counted or "").lower()))
    tables: dict[Measure, list[TableRow]] = {}
    for row in ordered:
        tables.setdefault(row.measure, []).append(row)
    return tuple((measure, tuple(rows)) for measure, rows in tables.items())


def failed_checks(ledger: Ledger, figures: dict[FigureKey, FigureRow]) -> list[Callout]:
    """Checks that do not hold and involve a selected figure, each number cited."""
    callouts = []
    others: dict[str, dict[str, FigureRow]] = {}
    for check in ledger.checks():
        if check["holds"] or check["type"] not in CALLED_OUT_CHECKS:
            continue
        roles = _check_roles(check)
        if not any(key in figures for _, key in roles):
            continue
        for doc in {key[0] for _, key in roles} - others.keys():
            others[doc] = {f["id"]: f for f in ledger.figures(document=doc)}
        entries = tuple((role, stated_cell([others[doc][fid]]))
                        for role, (doc, fid) in roles if fid in others[doc])
        first = others[roles[0][1][0]].get(roles[0][1][1], {})
        heading = f"{check['type']} check in {first.get('title') or check['doc']}"
        callouts.append(Callout("failed check", heading, check["reason"], entries))
    return callouts


# Checks that show as failed checks; cross-report verdicts (conflict, update) show as groups.
CALLED_OUT_CHECKS = frozenset({CheckType.SUM.value, CheckType.SUBSET.value,
                               CheckType.DERIVED.value})


def _check_roles(check: dict[str, Any]) -> list[tuple[str, FigureKey]]:
    """(role, (doc, figure id)) of each figure a check relates: total and parts, or whole, part."""
    roles = [("total", check["total"])] + [("part", fid) for fid in check["parts"] or ()]
    roles += [("whole", check["whole"]), ("part", check["part"])]
    return [(role, _figure_key(check["doc"], fid)) for role, fid in roles if fid]


def _figure_key(doc: str, reference: str) -> FigureKey:
    """A check's figure reference: 'f2' in the check's document, or 'doc:f2' in another."""
    other, _, fid = reference.rpartition(":")
    return (other, fid) if other else (doc, reference)


def _cells(
    rows: Sequence[TableRow], derived: Sequence[DerivedRow], callouts: Sequence[Callout]
) -> list[Cell]:
    """Every cited cell in the order a reader meets it: tables, derived figures, call-outs."""
    cells = [c for row in rows for c in (row.best, row.low, row.high)]
    cells += [c for row in derived for _, c in row.formula]
    return cells + [value for callout in callouts for _, value in callout.entries]


def _cited(
    ledger: Ledger, cells: Sequence[Cell], figures: dict[FigureKey, FigureRow]
) -> list[FigureRow]:
    """Each cited figure once, in reading order."""
    by_anchor = {anchor(doc, fid): figure for (doc, fid), figure in figures.items()}
    order = dict.fromkeys(a for c in cells for a in c.citations)
    if order.keys() - by_anchor.keys():  # a failed check may cite figures the filters left out
        by_anchor.update({anchor(f["doc"], f["id"]): f for f in ledger.figures()})
    return [by_anchor[a] for a in order]


class _Texts:
    """Document texts read from the ledger once each."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._texts: dict[str, str | None] = {}

    def __call__(self, doc: str) -> str | None:
        if doc not in self._texts:
            self._texts[doc] = self._ledger.document_text(doc)
        return self._texts[doc]


def document_name(document: dict[str, Any]) -> str | None:
    """What to call an untitled document: its given id, else its file's name (never the content
    hash, which tells a reader nothing)."""
    return document_label(document.get("name"), document.get("path"))


def _citation(
    text: str | None, number: int, figure: FigureRow, documents: dict[str, dict[str, Any]]
) -> Citation:
    """The footnote of one figure, its passage read from the stored document text."""
    document = documents.get(figure["doc"], {})
    if text is None:  # a stored figure always has its document; quote the span itself if not
        quoted = passage(figure["text"], 0, len(figure["text"]), figure["number_text"])
    else:
        quoted = passage(text, figure["start"], figure["end"], figure["number_text"])
    return Citation(
        number=number, anchor=anchor(figure["doc"], figure["id"]), doc=figure["doc"],
        figure=figure["id"], title=figure["title"] or document_name(document),
        outlet=document.get("outlet"),
        url=document.get("url"), published=figure["published"], path=document.get("path"),
        source=figure["source"], start=figure["start"], end=figure["end"],
        before=quoted.before, number_text=quoted.number, after=quoted.after,
    )


def _counts(
    figures: Sequence[FigureRow], rows: Sequence[TableRow], conflicts: Sequence[Callout],
    failed: Sequence[Callout],
) -> dict[str, int]:
    return {"documents": len({f["doc"] for f in figures}), "figures": len(figures),
            "rows": len(rows), "conflicts": len(conflicts), "failed checks": len(failed)}


__all__ = ["default_title", "failed_checks", "render_report", "select_figures"]
