"""A measure over time as SVG: one series per place, each period drawn as a bar ending at its end.

Periods of different lengths (a quarter, a half year) sit side by side in conflict reporting, so
each value is drawn across the period it covers with a marker at ``period_end``; joining the
markers with a line would read a half-year total as growth over the quarter before it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import date

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from newsledger.model import STOCK_MEASURES, Measure
from newsledger.report.records import Chart, TableRow

# Fixed so the same ledger gives the same SVG (ids inside the file are hashed with it).
SVG_SETTINGS = {"svg.hashsalt": "newsledger", "svg.fonttype": "none"}

Point = tuple[date, date, int, str]  # period start, period end, value, label


def chart_measure(rows: Sequence[TableRow], wanted: Measure | None = None) -> Measure | None:
    """The measure to chart: the one asked for, else the flow with the most dated rows."""
    if wanted is not None:
        return wanted
    counts = Counter(row.measure for row in rows if _chartable(row))
    if not counts:
        return None
    order = list(Measure)
    return max(counts, key=lambda m: (counts[m], -order.index(m)))


def measure_chart(rows: Sequence[TableRow], measure: Measure) -> Chart | None:
    """The measure's best values over time, one series per place; None with nothing to draw."""
    series = _series([row for row in rows if row.measure is measure and _chartable(row)])
    if not series:
        return None
    with matplotlib.rc_context(SVG_SETTINGS):
        svg = _draw(series, measure)
    return Chart(measure, svg, sum(len(points) for points in series.values()))


def _chartable(row: TableRow) -> bool:
    return row.period_end is not None and row.best.value is not None and \
        (row.period_start is not None or row.measure in STOCK_MEASURES)


def _series(rows: Sequence[TableRow]) -> dict[str, list[Point]]:
    """Points by series; per place and period the largest best (the total, not its parts)."""
    actors = {row.actor for row in rows}
    best: dict[tuple[str, date, date], Point] = {}
    for row in rows:
        assert row.period_end is not None and row.best.value is not None  # _chartable
        name = row.place if len(actors) == 1 else f"{row.place} ({row.actor or 'no actor'})"
        start = row.period_start or row.period_end
        key = (name, start, row.period_end)
        if key not in best or best[key][2] < row.best.value:
            best[key] = (start, row.period_end, row.best.value, row.best.text)
    series: dict[str, list[Point]] = {}
    for (name, _, _), point in sorted(best.items(), key=lambda item: (item[0][0], item[1][1])):
        series.setdefault(name, []).append(point)
    return series


def _draw(series: dict[str, list[Point]], measure: Measure) -> str:
    figure = Figure(figsize=(9, 4.2), layout="constrained")
    # The Agg canvas set on this figure alone: no pyplot, no global backend, no display needed.
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for index, (name, points) in enumerate(series.items()):
        colour = f"C{index % 10}"
        for start, end, value, label in points:
            axes.plot([date2num(start), date2num(end)], [value, value], color=colour, linewidth=5,
                      alpha=0.35, solid_capstyle="butt")
            axes.annotate(label, (date2num(end), value), textcoords="offset points",
                          xytext=(4, 4), fontsize=8, color=colour)
        axes.plot([date2num(p[1]) for p in points], [p[2] for p in points], "o", color=colour,
                  label=name)
    _label_axes(axes, measure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return strip_prolog(buffer.getvalue())


def _label_axes(axes: Axes, measure: Measure) -> None:
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(bottom=0)
    axes.margins(x=0.08, y=0.15)
    axes.set_ylabel(f"{measure.value} (best)")
    axes.set_title(f"{measure.value.capitalize()} by period (bar = period covered, dot = its end)",
                   fontsize=10)
    axes.grid(axis="y", alpha=0.3)
    # Outside the plot: inside, it would sit on the bars of the earliest periods.
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def strip_prolog(svg: str) -> str:
    """The ``<svg>`` element alone, without the XML declaration and doctype, to inline in HTML."""
    return svg[svg.index("<svg"):].strip()


__all__ = ["SVG_SETTINGS", "chart_measure", "measure_chart", "strip_prolog"]
