"""Review actions: confirm, correct, reject a figure, mark two figures same or not the same.

Forms post here (logged-in cookie + CSRF token); the API's writes (``api.py``) call ``apply``
too, so a review is recorded the same way from both: ``Ledger.review`` appends it to the audit
trail and reconciles the ledger with it applied.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from newsledger.model import Measure, Qualifier
from newsledger.review_tables import Action, Review, ReviewError
from newsledger.web.state import Web, WebDep

router = APIRouter(include_in_schema=False)

Short = Annotated[str | None, Field(max_length=500)]


class Changes(BaseModel):
    """Corrected fields; a field given as null clears it (an actor that is not there)."""

    low: Annotated[int | None, Field(ge=0, le=10**15)] = None
    high: Annotated[int | None, Field(ge=0, le=10**15)] = None
    qualifier: Qualifier | None = None
    measure: Measure | None = None
    counted: Short = None
    actor: Short = None
    locations: Annotated[list[Annotated[str, Field(max_length=200)]] | None,
                         Field(max_length=50)] = None
    period_start: date | None = None
    period_end: date | None = None
    source: Short = None

    def given(self) -> dict[str, Any]:
        """Only the fields the request set."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class ReviewIn(BaseModel):
    """A review sent to the API."""

    action: Action
    reviewer: Annotated[str | None, Field(max_length=100)] = None
    changes: Changes | None = None
    other: Annotated[str | None, Field(max_length=300, description="SAME/NOT_SAME: 'doc:id' "
                                       "of the other figure")] = None
    note: Short = None


def apply(web: Web, doc: str, figure: str, action: Action, reviewer: str | None,
          changes: dict[str, Any], other: str | None, note: str | None) -> dict[str, Any]:
    """Record one review; ReviewError (400) when it cannot be."""
    other_doc = other_figure = None
    if action in (Action.SAME, Action.NOT_SAME):
        other_doc, _, other_figure = (other or "").strip().rpartition(":")
        if not other_doc or not other_figure:
            raise ReviewError("give the other figure as DOC:ID (its document id and figure id)")
    if action is Action.CORRECT and not changes:
        raise ReviewError("a correction needs at least one changed field")
    review = Review(action, doc, figure, (reviewer or "").strip() or web.settings.reviewer,
                    changes if action is Action.CORRECT else {}, other_doc, other_figure, note)
    with web.reading() as ledger:
        return ledger.review(review)


@router.post("/documents/{doc}/figures/{figure}/review")
async def review_form(request: Request, web: WebDep, doc: str, figure: str,
                      action: Annotated[Action, Form()],
                      csrf: Annotated[str | None, Form(max_length=200)] = None,
                      reviewer: Annotated[str | None, Form(max_length=100)] = None,
                      other: Annotated[str | None, Form(max_length=300)] = None,
                      ) -> RedirectResponse:
    """A review from the document page; back to the figure's card."""
    web.guard.check_form(request, csrf)
    form = await request.form()
    # A correction form sends every field; only those that differ from the shown value change.
    changes = {name[4:]: value for name, value in form.items()
               if name.startswith("new_") and value != form.get(f"old_{name[4:]}")}
    apply(web, doc, figure, action, reviewer, changes, other, None)
    return RedirectResponse(f"/documents/{doc}#fig-{figure}", status_code=303)


__all__ = ["Changes", "ReviewIn", "apply", "router"]
