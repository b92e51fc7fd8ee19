"""A measure over time as SVG: one series per place set, each period drawn as a bar ending at
its end.

A series is a set of places, whatever order a report named them in ("Iraq; Syria" is "Syria;
Iraq"). On a big ledger the largest series (by their largest value) get their own colour and
legend entry, the rest are drawn in grey under one entry, so no colour stands for two series;
the legend sits outside the plot and long names are shortened.

Periods of different lengths (a quarter, a half year) sit side by side in conflict reporting, so
each value is drawn across the period it covers with a marker at ``period_end``; joining the
markers with a line would read a half-year total as growth over the quarter before it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from newsledger.model import STOCK_MEASURES, Measure
from newsledger.report.records import Chart, DerivedRow, TableRow

# Series with a colour of their own (matplotlib's ten-colour cycle less its grey); the rest grey.
COLOURED_SERIES = 9
OTHERS_COLOUR = "#9a9a9a"
LEGEND_NAME_LENGTH = 32  # longer series names are cut with an ellipsis

# Fixed so the same ledger gives the same SVG (ids inside the file are hashed with it).
SVG_SETTINGS = {"svg.hashsalt": "newsledger", "svg.fonttype": "none"}


def chart_measure(rows: Sequence[TableRow], wanted: Measure | None = None) -> Measure | None:
    """The measure to chart: the one asked for, else the flow with the most dated rows."""
    if wanted is not None:
        return wanted
    counts = Counter(row.measure for row in rows if _chartable(row))
    if not counts:
        return None
    order = list(Measure)
    return max(counts, key=lambda m: (counts[m], -order.index(m)))


def measure_chart(
    rows: Sequence[TableRow], measure: Measure, derived: Sequence[DerivedRow] = ()
) -> Chart | None:
    """The measure's best values over time, one series per place; None with nothing to draw."""
    points = [_point(row, row.best.value, row.best.text, False) for row in rows
              if row.measure is measure and _chartable(row)]
    points += [_point(row, row.value, f"{row.value:,}", True) for row in derived
               if row.measure is measure and row.period_start and row.period_end]
    series = _series(points)
    if not series:
        return None
    with matplotlib.rc_context(SVG_SETTINGS):
        svg = _draw(series, measure, any(p.derived for p in points))
    return Chart(measure, svg, sum(len(points) for points in series.values()))


@dataclass(frozen=True, slots=True)
class Point:
    """One value drawn across the period it covers."""

    place: str
    actor: str | None
    start: date
    end: date
    value: int
    label: str
    derived: bool


def _point(row: TableRow | DerivedRow, value: int | None, label: str, derived: bool) -> Point:
    assert row.period_end is not None and value is not None  # callers keep only dated values
    return Point(row.place, row.actor, row.period_start or row.period_end, row.period_end, value,
                 label, derived)


def _chartable(row: TableRow) -> bool:
    return row.period_end is not None and row.best.value is not None and \
        (row.period_start is not None or row.measure in STOCK_MEASURES)


def place_set(place: str) -> str:
    """A place text with its places in one order: the same set is the same series."""
    return "; ".join(sorted({name.strip() for name in place.split(";")}, key=str.lower))


def _series(points: Sequence[Point]) -> dict[str, list[Point]]:
    """Points by series; per place set and period the largest value (the total, not its parts)."""
    several_actors = len({point.actor for point in points}) > 1
    largest: dict[tuple[str, date, date], Point] = {}
    for point in points:
        places = place_set(point.place)
        name = f"{places} ({point.actor or 'no actor'})" if several_actors else places
        key = (name, point.start, point.end)
        if key not in largest or largest[key].value < point.value:
            largest[key] = point
    series: dict[str, list[Point]] = {}
    for (name, _, _), point in sorted(largest.items(), key=lambda item: (item[0][0], item[1].end)):
        series.setdefault(name, []).append(point)
    return series


def _draw(series: dict[str, list[Point]], measure: Measure, with_derived: bool) -> str:
    figure = Figure(figsize=(9, 4.2), layout="constrained")
    # The Agg canvas set on this figure alone: no pyplot, no global backend, no display needed.
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for colour, points in _coloured(series):
        for p in points:
            axes.plot([date2num(p.start), date2num(p.end)], [p.value, p.value], color=colour,
                      linewidth=5, alpha=0.35, solid_capstyle="butt",
                      linestyle=(0, (2, 1)) if p.derived else "-")
            axes.annotate(p.label, (date2num(p.end), p.value), textcoords="offset points",
                          xytext=(4, 4), fontsize=8, color=colour)
            axes.plot([date2num(p.end)], [p.value], "o", color=colour,
                      markerfacecolor="white" if p.derived else colour)
    for name, colour in _legend(series):
        axes.plot([], [], "o", color=colour, label=name)  # one legend entry per series
    _label_axes(axes, measure, with_derived)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return strip_prolog(buffer.getvalue())


def _ranked(series: dict[str, list[Point]]) -> list[str]:
    """Series names, largest value first (ties by name), the order colours are given in."""
    return sorted(series, key=lambda name: (-max(p.value for p in series[name]), name))


def _colours(ranked: Sequence[str]) -> dict[str, str]:
    """The largest series' own colours, skipping C7 (matplotlib's grey, kept for the rest)."""
    return {name: f"C{index if index < 7 else index + 1}"
            for index, name in enumerate(ranked[:COLOURED_SERIES])}


def _coloured(series: dict[str, list[Point]]) -> list[tuple[str, list[Point]]]:
    """Each series' colour and points, grey ones first so coloured ones are drawn over them."""
    colours = _colours(_ranked(series))
    return [(colours.get(name, OTHERS_COLOUR), series[name])
            for name in sorted(series, key=lambda n: n in colours)]


def _legend(series: dict[str, list[Point]]) -> list[tuple[str, str]]:
    """Legend entries: each coloured series (shortened), then one for the grey ones."""
    ranked = _ranked(series)
    entries = [(short_name(name), colour) for name, colour in _colours(ranked).items()]
    others = len(ranked) - COLOURED_SERIES
    if others > 0:
        entries.append((f"{others} other place{'s' if others > 1 else ''} (grey)", OTHERS_COLOUR))
    return entries


def short_name(name: str) -> str:
    """A legend name of at most LEGEND_NAME_LENGTH characters."""
    if len(name) <= LEGEND_NAME_LENGTH:
        return name
    return name[: LEGEND_NAME_LENGTH - 1].rstrip() + "…"


def _label_axes(axes: Axes, measure: Measure, with_derived: bool) -> None:
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(bottom=0)
    axes.margins(x=0.08, y=0.15)
    axes.set_ylabel(f"{measure.value} (best)")
    hollow = "; hollow dot, dashed bar = derived" if with_derived else ""
    axes.set_title(f"{measure.value.capitalize()} by period (bar = period covered, dot = its end"
                   f"{hollow})", fontsize=10)
    axes.grid(axis="y", alpha=0.3)
    # Outside the plot (inside, it would sit on the bars of the earliest periods), placed by the
    # constrained layout so that it is never cut off.
    axes.figure.legend(fontsize=8, loc="outside right upper", frameon=False)


def strip_prolog(svg: str) -> str:
    """The ``<svg>`` element alone, without the XML declaration and doctype, to inline in HTML."""
    return svg[svg.index("<svg"):].strip()


__all__ = ["SVG_SETTINGS", "chart_measure", "measure_chart", "place_set", "short_name",
           "strip_prolog"]
