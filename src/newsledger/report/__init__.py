"""Period reports people can publish: tables of figures with best/low/high, every number cited.

``render_report(ledger, filters)`` builds a ``Report``; ``report_markdown(report)`` and
``report_html(report)`` write it. Modules, one concern each: ``records`` (the report's parts),
``rows`` (table rows from groups or figures), ``evidence`` (the quoted passages), ``chart``
(matplotlib SVG), ``markdown`` and ``html`` (the writers), ``build`` (the steps in order).
Imports point one way, from the writers and steps to ``records``, which imports none of them
(``tests/test_layout.py`` checks that no module of this package imports itself round a cycle).
"""

from newsledger.report.build import render_report
from newsledger.report.html import report_html
from newsledger.report.markdown import report_markdown
from newsledger.report.records import (
    Callout,
    Cell,
    Chart,
    Citation,
    DerivedRow,
    Report,
    ReportFilters,
    TableRow,
)

__all__ = [
    "Callout",
    "Cell",
    "Chart",
    "Citation",
    "DerivedRow",
    "Report",
    "ReportFilters",
    "TableRow",
    "render_report",
    "report_html",
    "report_markdown",
]
