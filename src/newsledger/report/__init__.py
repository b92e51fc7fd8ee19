"""Period reports people can publish: tables of figures with best/low/high, every number cited.

``render_report(ledger, filters)`` builds a ``Report``; ``Report.to_markdown()`` and
``Report.to_html()`` write it. Modules, one concern each: ``records`` (the report's parts),
``rows`` (table rows from groups or figures), ``evidence`` (the quoted passages), ``chart``
(matplotlib SVG), ``markdown`` and ``html`` (the writers), ``build`` (the steps in order).
"""

from newsledger.report.build import render_report
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
]
