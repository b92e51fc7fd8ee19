"""A report as one self-contained HTML page: styles and chart inline, every number linked.

Each number in a table links to ``#ev-<doc>-<id>`` in the Evidence section, where the sentence
it came from is quoted with the number marked. All report text goes through ``html.escape``;
the only markup not built here is the chart's SVG, which matplotlib writes and escapes itself.
"""

from __future__ import annotations

import re
from html import escape
from importlib.resources import files
from string import Template

from newsledger.report.records import Callout, Cell, Citation, DerivedRow, Report, TableRow

_SAFE_URL = re.compile(r"^https?://\S+$")
URL_SHOWN = 60  # characters of an address shown in the Evidence section

TABLE_HEAD = (("Place", ""), ("Period", ""), ("Actor", ""), ("Counted", ""), ("Best", "num"),
              ("Low", "num"), ("High", "num"), ("Verdict", ""), ("Figures", "num"))


def page_template() -> Template:
    """The page skeleton with its styles (``templates/report.html``)."""
    return Template(files("newsledger").joinpath("templates/report.html").read_text("utf-8"))


def report_html(report: Report) -> str:
    """The whole report as an HTML document."""
    numbers = {citation.anchor: citation.number for citation in report.citations}
    body = "\n".join(part for part in (
        _header(report), _tables(report, numbers), _derived(report, numbers), _chart(report),
        _callouts("conflicts", "Conflicts", report.conflicts, "No conflicting figures.", numbers),
        _callouts("failed-checks", "Failed checks", report.failed_checks, "Every check holds.",
                  numbers),
        _evidence(report),
        '<footer>Made by newsledger from the ledger\'s stored documents; '
        "character offsets count from the start of each document's text.</footer>",
    ) if part)
    return page_template().substitute(title=escape(report.title), body=body)


def _header(report: Report) -> str:
    filters = "".join(f"<span><b>{escape(name)}:</b> {escape(value)}</span>"
                      for name, value in report.filters.described()) or "<span>no filters</span>"
    counts = "".join(
        f'<li{_alert(name, count)}><b>{count}</b>{escape(name)}</li>'
        for name, count in report.counts.items())
    notes = "".join(f'<p class="note">{escape(note)}</p>' for note in report.notes)
    sections = [("figures", "Figures"), ("derived", "Derived"), ("chart", "Chart"),
                ("conflicts", "Conflicts"), ("failed-checks", "Failed checks"),
                ("evidence", "Evidence")]
    nav = "".join(f'<a href="#{section}">{label}</a>' for section, label in sections
                  if section != "derived" or report.derived)
    return (f"<header><h1>{escape(report.title)}</h1>"
            f'<p class="filters">{filters}</p><ul class="counts">{counts}</ul>{notes}'
            f"<nav>{nav}</nav></header>")


def _alert(name: str, count: int) -> str:
    return ' class="alert"' if count and name in ("conflicts", "failed checks") else ""


def _tables(report: Report, numbers: dict[str, int]) -> str:
    head = '<section id="figures"><h2>Figures by measure, place and period</h2>'
    if not report.tables:
        return head + '<p class="ok">No figures match these filters.</p></section>'
    note = ('<p class="note">Best, low and high as UCDP GED uses them; each number links to the '
            "passage that states it. <i>open</i>: no figure bounds it from above; "
            "<i>*</i>: computed by the ledger, not stated.</p>")
    tables = "".join(f'<h3 id="measure-{escape(measure.value)}">{escape(measure.value)}</h3>'
                     + _table(rows, numbers) for measure, rows in report.tables)
    return head + note + tables + "</section>"


def _table(rows: tuple[TableRow, ...], numbers: dict[str, int]) -> str:
    head = "".join(f'<th class="{kind}">{name}</th>' if kind else f"<th>{name}</th>"
                   for name, kind in TABLE_HEAD)
    body = "".join(_row(row, numbers) for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _row(row: TableRow, numbers: dict[str, int]) -> str:
    cells = f'<td>{escape(row.place)}</td><td class="period">{escape(row.period)}</td>'
    cells += "".join(f"<td>{escape(text or '—')}</td>" for text in (row.actor, row.counted))
    cells += "".join(f'<td class="num">{cell(c, numbers)}</td>'
                     for c in (row.best, row.low, row.high))
    cells += f'<td><span class="verdict">{escape(row.verdict)}</span></td>'
    cells += f'<td class="num">{row.figures}</td>'
    return f'<tr class="verdict-{escape(row.verdict)}">{cells}</tr>'


def cell(value: Cell, numbers: dict[str, int]) -> str:
    """A number and its links to the evidence, e.g. ``44<sup>[3]</sup>``."""
    links = ",".join(f'<a class="cite" href="#{escape(anchor)}">{numbers[anchor]}</a>'
                     for anchor in value.citations)
    cites = f'<sup class="cites">[{links}]</sup>' if links else ""
    return f'<span class="value">{escape(value.text)}</span>{cites}'


def _derived(report: Report, numbers: dict[str, int]) -> str:
    if not report.derived:
        return ""
    head = "".join(f"<th>{name}</th>" for name in ("Measure", "Place", "Period", "Actor"))
    head += '<th class="num">Value</th><th>From</th>'
    body = "".join(_derived_row(row, numbers) for row in report.derived)
    return ('<section id="derived"><h2>Derived figures</h2><p class="note">Computed by the ledger '
            "from stated figures (the rest of a period: a half year less its first quarter); "
            "the value is not stated anywhere, each operand is and links to its passage.</p>"
            f'<table class="derived"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            "</table></section>")


def _derived_row(row: DerivedRow, numbers: dict[str, int]) -> str:
    text = (row.measure.value, row.place, row.period, row.actor or "—")
    cells = "".join(f"<td>{escape(value)}</td>" for value in text)
    formula = "".join(f"{escape(op)} " * bool(op) + cell(value, numbers) + " "
                      for op, value in row.formula)
    return (f'<tr>{cells}<td class="num"><b>{row.value:,}</b></td>'
            f'<td class="formula">{formula}</td></tr>')


def _chart(report: Report) -> str:
    if report.chart is None:
        return ('<section id="chart"><h2>Over time</h2>'
                '<p class="ok">No dated figures to chart.</p></section>')
    measure = escape(report.chart.measure.value)
    return (f'<section id="chart" class="chart"><h2>{measure.capitalize()} over time</h2>'
            f"<figure>{report.chart.svg}<figcaption>Best value of each row of the {measure} "
            "table, one series per place: the bar spans the period a figure covers, the dot "
            "marks its end.</figcaption></figure></section>")


def _callouts(
    section: str, heading: str, callouts: tuple[Callout, ...], none: str,
    numbers: dict[str, int],
) -> str:
    items = "".join(_callout(callout, numbers) for callout in callouts)
    body = items or f'<p class="ok">{escape(none)}</p>'
    return f'<section id="{section}"><h2>{escape(heading)}</h2>{body}</section>'


def _callout(callout: Callout, numbers: dict[str, int]) -> str:
    entries = "".join(f"<li>{escape(label)}: {cell(value, numbers)}</li>"
                      for label, value in callout.entries)
    return (f'<article class="callout"><h3>{escape(callout.heading)}</h3>'
            f"<p>{escape(callout.reason)}</p><ul>{entries}</ul></article>")


def _evidence(report: Report) -> str:
    items = "".join(_evidence_item(citation) for citation in report.citations)
    return f'<section id="evidence"><h2>Evidence</h2><ol class="evidence">{items}</ol></section>'


def _evidence_item(citation: Citation) -> str:
    quote = (f"{escape(citation.before)}<mark>{escape(citation.number_text)}</mark>"
             f"{escape(citation.after)}")
    where = (f"document <code>{escape(citation.doc)}</code>, figure "
             f"{escape(citation.figure)}, characters {citation.start}–{citation.end}")
    return (f'<li id="{escape(citation.anchor)}" value="{citation.number}">'
            f'<p class="meta">{_meta(citation)}</p><blockquote>{quote}</blockquote>'
            f'<p class="where">{where}</p></li>')


def _link(url: str) -> str:
    """A link showing the site and the start of the path; the whole address is the target."""
    if not _SAFE_URL.match(url):
        return escape(url)
    shown = url.split("://", 1)[1]
    shown = shown if len(shown) <= URL_SHOWN else shown[:URL_SHOWN - 1] + "…"
    return f'<a href="{escape(url)}" title="{escape(url)}">{escape(shown)}</a>'


def _meta(citation: Citation) -> str:
    parts = [f"<cite>{escape(citation.name)}</cite>"]
    parts += [escape(citation.outlet)] if citation.outlet else []
    if citation.url:
        parts.append(_link(citation.url))
    parts.append(f"published {escape(citation.published)}" if citation.published
                 else "publication date unknown")
    if citation.source:
        parts.append(f"according to {escape(citation.source)}")
    return " · ".join(parts)


__all__ = ["TABLE_HEAD", "cell", "page_template", "report_html"]
