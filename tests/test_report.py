"""Reports: each number cited to the passage stating it; conflicts and failed checks shown."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.extract.numbers.numbers import parse_number
from newsledger.model import Measure
from newsledger.report import Report, ReportFilters, render_report, report_html
from newsledger.report.evidence import passage
from newsledger.report.files import ReportFormat, save_report
from newsledger.report.markdown import md, report_markdown
from newsledger.report.rows import anchor, period_label, place_text
from newsledger.store import Ledger

runner = CliRunner()

# HTML elements that have no end tag.
VOID = {"meta", "link", "br", "img", "hr", "input", "col", "area", "base", "wbr", "source"}


def states(marked: str, cell: str) -> bool:
    """Whether the marked words state the cell's number ('more than 9,000' states 9,000 and
    9,001; '*' cells, computed by the ledger, need only lie within the stated interval)."""
    quantity = parse_number(marked)
    if quantity is None:
        return False
    if cell == "open":
        return quantity.high is None
    values = [int(v.replace(",", "")) for v in re.findall(r"\d[\d,]*", cell)]
    if cell.endswith("*"):
        low, high = quantity.interval()
        return all(low <= v <= high for v in values)
    return bool(values) and all(v in {quantity.low, quantity.high, quantity.value} for v in values)


class Page(HTMLParser):
    """Ids, citation links with their cell text, marked evidence, and tag balance of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (cell text, href)
        self.marks: dict[str, str] = {}
        self.open: list[str] = []
        self.unbalanced: list[str] = []
        self._value: str | None = None
        self._evidence: str | None = None
        self._mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag not in VOID:
            self.open.append(tag)
        if attr.get("id"):
            self.ids.append(str(attr["id"]))
        if tag == "li" and str(attr.get("id", "")).startswith("ev-"):
            self._evidence = str(attr["id"])
        if tag == "span" and attr.get("class") == "value":
            self._value = ""
        if tag == "a" and attr.get("class") == "cite":
            self.links.append((self.last_value, str(attr["href"])))
        if tag == "mark" and self._evidence:
            self._mark = True
            self.marks[self._evidence] = ""

    last_value = ""

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.unbalanced.append(tag)
        if tag == "span" and self._value is not None:
            self.last_value, self._value = self._value, None
        self._mark = self._mark and tag != "mark"
        if tag == "li":
            self._evidence = None

    def handle_data(self, data: str) -> None:
        if self._value is not None:
            self._value += data
        if self._mark and self._evidence:
            self.marks[self._evidence] += data


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(params=["figures", "groups"])
def report(news_ledger: Ledger, request: pytest.FixtureRequest) -> Report:
    """The fixture ledger's report, its rows from figures alone or from reconciled groups."""
    if request.param == "groups":
        news_ledger.reconcile()
    return render_report(news_ledger)


def table_cells(markdown: str) -> list[tuple[str, list[str]]]:
    """(number, footnote labels) of the Best, Low and High cells of every Markdown table row."""
    cells = []
    for line in markdown.splitlines():
        columns = [c.strip() for c in line.strip("|").split(" | ")]
        if len(columns) == 9 and columns[0] not in ("Place", "---"):
            for value in columns[4:7]:
                number, labels = re.match(r"(.*?)((?:\[\^\d+\])*)$", value).groups()  # type: ignore[union-attr]
                cells.append((number, re.findall(r"\[\^(\d+)\]", labels)))
    return cells


def footnotes(markdown: str) -> dict[str, str]:
    """Footnote label -> the words marked bold in its quoted evidence."""
    return dict(re.findall(r"^\[\^(\d+)\]: .*?“.*?\*\*(.+?)\*\*", markdown, flags=re.M))


def test_report_markdown_every_table_number_is_stated_by_its_footnote(report: Report) -> None:
    markdown = report_markdown(report)
    notes = footnotes(markdown)
    cells = table_cells(markdown)
    assert len(cells) == 3 * report.counts["rows"]
    for number, labels in cells:
        assert labels, f"{number} has no footnote"
        for label in labels:
            assert states(notes[label], number.replace("&gt;", ">")), (number, notes[label])


def test_report_html_every_citation_resolves_to_evidence_stating_the_number(
    report: Report,
) -> None:
    page = parsed(report_html(report))
    assert page.links
    for value, href in page.links:
        target = href.removeprefix("#")
        assert target in page.ids, href
        assert states(page.marks[target], value), (value, page.marks[target])


def test_report_html_parses_balanced_with_unique_ids(report: Report) -> None:
    page = parsed(report_html(report))
    assert page.unbalanced == [] and page.open == []
    assert len(page.ids) == len(set(page.ids))
    assert {"figures", "chart", "conflicts", "failed-checks", "evidence"} <= set(page.ids)


def test_report_html_anchors_name_document_and_figure(report: Report) -> None:
    page = parsed(report_html(report))
    assert "ev-tigris-anbar-f1" in page.ids
    assert "ev-monitor-q2-f1" in page.ids


def test_report_html_is_self_contained_with_an_inline_chart(report: Report) -> None:
    html = report_html(report)
    assert html.count("<svg") == 1 and html.count("<header>") == 1 and "<style>" in html
    assert "$" not in html.split("<body>")[0]  # no placeholder left or filled in twice
    assert not re.search(r"<(script|link)\b|src=", html)


def test_report_escapes_report_text(report: Report) -> None:
    html, markdown = report_html(report), report_markdown(report)
    assert "&lt;disputed&gt;" in html and "<disputed>" not in html
    assert "&lt;field teams&gt; &amp; hospitals" in html and "<field teams>" not in html
    assert "<disputed>" not in markdown and r"\| Q2" in markdown


def test_report_conflicts_section_lists_the_conflicting_pair(report: Report) -> None:
    (conflict,) = report.conflicts
    assert "Iraq" in conflict.heading and "Q2 2024" in conflict.heading
    assert sorted(cell.value for _, cell in conflict.entries) == [21, 30]
    section = report_markdown(report).split("## Conflicts")[1].split("## Failed checks")[0]
    assert "30[^" in section and "21[^" in section and "Tigris" not in section.split("\n")[0]
    html_section = report_html(report).split('id="conflicts"')[1].split('id="failed-checks"')[0]
    assert html_section.count('class="cite"') == 2


def test_report_failed_check_cites_total_and_parts(report: Report) -> None:
    (failed,) = report.failed_checks
    assert failed.reason == "Parts by place: 40 + 17 does not add up to 52"
    assert [(role, cell.text) for role, cell in failed.entries] == [
        ("total", "52"), ("part", "40"), ("part", "17")]


def test_report_conflicting_row_spans_both_values(report: Report) -> None:
    (row,) = [r for r in report.tables[0][1] if r.place == "Iraq"]
    cells = (row.verdict, row.best.text, row.low.text, row.high.text)
    assert cells == ("conflict", "21", "21", "30")


def test_report_open_ended_figure(report: Report) -> None:
    (held,) = dict(report.tables)[Measure.HELD]
    assert (held.best.text, held.low.value, held.high.text) == (">9,000", 9000, "open")
    assert held.period == "as of 2024-07-03"


@pytest.mark.parametrize(
    ("filters", "documents", "measures"),
    [
        (ReportFilters(actor="isis"), 2, [Measure.KILLED, Measure.DETAINED, Measure.HELD]),
        (ReportFilters(measure=Measure.KILLED), 3, [Measure.KILLED]),
        (ReportFilters(place="Raqqa"), 1, [Measure.KILLED]),
        # An undated stock counts on its publication day (3 July) and so falls in July.
        (ReportFilters(since=date(2024, 7, 1)), 1, [Measure.HELD]),
        # Periods overlapping the days count: April-June overlaps June, May does not.
        (ReportFilters(since=date(2024, 6, 1), until=date(2024, 6, 30)), 2,
         [Measure.KILLED, Measure.DETAINED]),
        (ReportFilters(until=date(2024, 3, 31)), 0, []),
        (ReportFilters(actor="al-Shabaab"), 0, []),
    ],
)
def test_report_filters(
    news_ledger: Ledger, filters: ReportFilters, documents: int, measures: list[Measure]
) -> None:
    report = render_report(news_ledger, filters)
    assert report.counts["documents"] == documents
    assert [measure for measure, _ in report.tables] == measures


def test_report_title_from_filters_or_given(news_ledger: Ledger) -> None:
    made = render_report(news_ledger, ReportFilters(actor="ISIS", since=date(2024, 1, 1)))
    assert made.title == "Reported figures: ISIS, 2024-01-01 to …"
    given = render_report(news_ledger, ReportFilters(title="ISIS <2024>"))
    assert "<h1>ISIS &lt;2024&gt;</h1>" in report_html(given)


def test_report_of_an_empty_ledger_says_so() -> None:
    with Ledger(":memory:") as ledger:
        report = render_report(ledger)
    assert report.chart is None and report.citations == ()
    assert "No figures match these filters." in report_markdown(report)
    assert parsed(report_html(report)).unbalanced == []


@pytest.mark.parametrize(
    ("start", "end", "as_of", "label"),
    [
        (date(2024, 1, 1), date(2024, 3, 31), None, "Q1 2024"),
        (date(2024, 7, 1), date(2024, 12, 31), None, "H2 2024"),
        (date(2024, 1, 1), date(2024, 12, 31), None, "2024"),
        (date(2024, 2, 1), date(2024, 2, 29), None, "Feb 2024"),
        (date(2024, 5, 9), date(2024, 5, 9), None, "2024-05-09"),
        (date(2024, 2, 23), date(2024, 2, 29), None, "2024-02-23 to 2024-02-29"),
        (date(2024, 2, 1), date(2024, 4, 30), None, "2024-02-01 to 2024-04-30"),
        (None, None, date(2024, 4, 5), "as of 2024-04-05"),
        (None, None, None, "undated"),
    ],
)
def test_report_period_label(
    start: date | None, end: date | None, as_of: date | None, label: str
) -> None:
    assert period_label(start, end, as_of) == label


@pytest.mark.parametrize(
    ("text", "phrase", "number", "before", "after"),
    [
        ("Rain fell. Troops killed 12 fighters in Anbar. Calm returned.", "killed 12 fighters",
         "12", "Troops killed ", " fighters in Anbar."),
        ("First line\nAbout 700 people fled, officials said.\nLast", "About 700 people",
         "about 700", "", " people fled, officials said."),
        ("“They killed 40,” he said. “Nobody helped.”", "killed 40", "40", "“They killed ",
         ",” he said."),
    ],
)
def test_report_passage_is_the_sentence_with_the_number_marked(
    text: str, phrase: str, number: str, before: str, after: str
) -> None:
    start = text.index(phrase)
    quoted = passage(text, start, start + len(phrase), number)
    assert (quoted.before, quoted.after) == (before, after)
    assert quoted.number.lower() == number.lower()


def test_report_passage_cuts_a_long_sentence_around_the_number() -> None:
    text = "word " * 300 + "killed 9 people " + "word " * 300
    start = text.index("killed 9")
    quoted = passage(text, start, start + 8, "9")
    assert quoted.number == "9" and quoted.before.startswith("…") and quoted.after.endswith("…")
    assert len(quoted.before + quoted.number + quoted.after) < 520


@pytest.mark.parametrize(
    ("doc", "figure", "expected"),
    [("tigris-anbar", "f1", "ev-tigris-anbar-f1"), ("a b", "f-1", "ev-a_0020b-f_002d1"),
     ("a", "b-c", "ev-a-b_002dc")],
)
def test_report_anchor_is_one_to_one(doc: str, figure: str, expected: str) -> None:
    assert anchor(doc, figure) == expected


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a|b", r"a\|b"), ("<b>", "&lt;b&gt;"), ("*x* _y_", r"\*x\* \_y\_"), ("l1\nl2", "l1 l2")],
)
def test_report_markdown_escaping(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_report_saved_markdown_links_its_chart_file(report: Report, tmp_path: Path) -> None:
    written = save_report(report, tmp_path / "isis.md", ReportFormat.MD)
    assert [p.name for p in written] == ["isis-killed.svg", "isis.md"]
    assert "](isis-killed.svg)" in (tmp_path / "isis.md").read_text("utf-8")
    assert (tmp_path / "isis-killed.svg").read_text("utf-8").startswith("<svg")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_cli_report_writes_the_file(news_ledger_file: str, tmp_path: Path, fmt: str) -> None:
    db = news_ledger_file
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["report", "--db", db, "--actor", "ISIS", "--since",
                                 "2024-01-01", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "Reported figures: ISIS, 2024-01-01 to …" in text
    assert "does not add up" not in text  # the failed check is about other figures


def test_cli_report_rejects_an_unknown_format(news_ledger_file: str) -> None:
    result = runner.invoke(app, ["report", "--db", news_ledger_file, "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not md or html" in result.output


def test_report_derived_figure_cites_its_operands(half_year_ledger: Ledger) -> None:
    report = render_report(half_year_ledger)
    (derived,) = report.derived
    assert (derived.period, derived.value) == ("Q2 2024", 26)
    assert [(op, value.text) for op, value in derived.formula] == [("", "44"), ("−", "18")]
    html = report_html(report)
    section = html.split('id="derived"')[1].split('id="chart"')[0]
    assert re.findall(r'href="#(ev-[^"]+)"', section) == ["ev-h1-f1", "ev-q1-f1"]
    page = parsed(html)
    for value, href in page.links:
        assert states(page.marks[href.removeprefix("#")], value)
    assert "| killed | Iraq; Syria | Q2 2024 | ISIS | 26 | 44[^" in report_markdown(report)
    assert report.chart is not None and report.chart.points == 3


# --- reports on a big ledger (issue 14) ---------------------------------------------------------

def chart_row(place: str, value: int, month: int) -> object:
    from newsledger.report.records import Cell, TableRow

    cell = Cell(value, f"{value:,}")
    return TableRow(Measure.KILLED, place, f"2024-{month:02d}", date(2024, month, 1),
                    date(2024, month, 28), None, "people", cell, cell, cell, "single", 1, 1)


@pytest.mark.parametrize(("place", "expected"), [
    ("Iraq; Syria", "Iraq; Syria"),
    ("Syria; Iraq", "Iraq; Syria"),
    ("Mosul", "Mosul"),
    ("al-Bab; Aleppo; Syria", "al-Bab; Aleppo; Syria"),
])
def test_chart_series_is_a_place_set(place: str, expected: str) -> None:
    from newsledger.report.chart import place_set

    assert place_set(place) == expected


def legend_names(svg: str) -> list[str]:
    """The texts of the chart (fonts are not embedded: text stays text)."""
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


@pytest.mark.parametrize(("places", "series"), [
    (["Iraq; Syria", "Syria; Iraq"], 1),                       # one place set in two orders
    ([f"Town {n}" for n in range(20)], 20),                    # a big ledger's many places
])
def test_chart_legend_stays_readable(places: list[str], series: int) -> None:
    from newsledger.report.chart import COLOURED_SERIES, measure_chart

    rows = [chart_row(place, 10 + index, 1 + index % 12) for index, place in enumerate(places)]
    chart = measure_chart(rows, Measure.KILLED)  # type: ignore[arg-type]
    assert chart is not None
    shown = min(series, COLOURED_SERIES) + (series > COLOURED_SERIES)
    entries = [name for name in legend_names(chart.svg) if name in places or "other place" in name]
    assert len(entries) == shown
    if series > COLOURED_SERIES:
        assert f"{series - COLOURED_SERIES} other places (grey)" in entries


@pytest.mark.parametrize(("name", "shortened"), [
    ("Mosul", "Mosul"),
    ("Aleppo; Idlib; Hama; Homs; Latakia; Tartus", "Aleppo; Idlib; Hama; Homs; Lata…"),
])
def test_chart_legend_names_are_short(name: str, shortened: str) -> None:
    from newsledger.report.chart import LEGEND_NAME_LENGTH, short_name

    assert short_name(name) == shortened and len(shortened) <= LEGEND_NAME_LENGTH


@pytest.mark.parametrize(("document", "expected"), [
    ({"name": "anbar-raids", "path": "feed.jsonl"}, "anbar-raids"),    # a given id first
    ({"name": None, "path": "reports/mosul-update.txt"}, "mosul-update.txt"),
    ({"name": None, "path": "<stdin>"}, None),
    ({}, None),
])
def test_report_names_an_untitled_document(document: dict[str, object],
                                           expected: str | None) -> None:
    from newsledger.report.build import document_name

    assert document_name(document) == expected


def test_demo_report_names_txt_documents_by_file(demo_ledger_file: str) -> None:
    with Ledger(demo_ledger_file, read_only=True) as ledger:
        text = report_markdown(render_report(ledger, ReportFilters(place="Iraq")))
    assert "wire-isis-h1-2023.txt" in text
    assert "*59b5db8987e8992e*" not in text


@pytest.mark.parametrize(("locations", "text"), [
    (("Iraq", "Syria"), "Iraq; Syria"),
    (("Syria", "Iraq"), "Iraq; Syria"),          # one place set, one cell, whatever the order
    (("Raqqa", "Deir ez-Zor", "Raqqa"), "Deir ez-Zor; Raqqa"),
    (("al-Bab", "Aleppo"), "al-Bab; Aleppo"),    # case ignored in the order
    ((), "—"),
])
def test_report_place_cell_is_order_free(locations: tuple[str, ...], text: str) -> None:
    assert place_text(locations) == text
