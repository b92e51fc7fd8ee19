"""The web application (issue 13) through FastAPI's TestClient: pages, API, reviews, safety."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest

from conftest import WEB_TOKEN
from newsledger.errors import InputError
from newsledger.store import Ledger

AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}
HTML = {"accept": "text/html"}


def login(client: Any) -> str:
    """Log the browser in with the token; returns a page's CSRF token."""
    client.get(f"/login?token={WEB_TOKEN}")
    page = client.get("/documents/tigris-anbar").text
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found, "a logged-in page carries the CSRF token"
    return found.group(1)


@pytest.mark.parametrize(("url", "expected"), [
    ("/documents", "Iraqi forces kill 30 ISIS militants in Anbar"),
    ("/documents?q=monitoring", "only 21"),
    ("/documents?outlet=tigris", "tigris-anbar"),
    ("/documents?since=2024-07-10", "monitor-q2"),
    ("/documents/tigris-anbar", 'data-fig="f1"'),
    ("/figures?measure=held", "more than 9,000"),
    ("/groups?verdict=conflict", "conflict"),
    ("/conflicts", "A monitoring group"),
    ("/incidents", "Incidents"),
    ("/incidents/map", "0 incidents at 0 places"),
    ("/reviews", "Nobody has reviewed anything yet."),
    ("/login", "Log in to review"),
])
def test_web_pages_answer(web_client: Any, url: str, expected: str) -> None:
    response = web_client.get(url)
    assert response.status_code == 200
    assert expected in response.text


@pytest.mark.parametrize(("url", "absent"), [
    ("/documents?q=monitoring", "tigris-anbar"),
    ("/documents?outlet=tigris", "monitor-q2"),
    ("/documents?until=2024-07-05", "monitor-q2"),
])
def test_web_document_search_leaves_out_what_does_not_match(
    web_client: Any, url: str, absent: str
) -> None:
    assert absent not in web_client.get(url).text


def test_web_document_page_highlights_every_figure_in_place(web_client: Any) -> None:
    page = web_client.get("/documents/tigris-anbar").text
    marks = re.findall(
        r'<mark class="fig[^"]*" data-fig="(f\d+)"[^>]*title="([^"]*)">([^<]*)</mark>', page)
    assert [(fid, text) for fid, _, text in marks] == [
        ("f1", "30"), ("f2", "74"), ("f3", "more than 9,000")]
    tip = dict((fid, tip) for fid, tip, _ in marks)["f1"]
    for shown in ("killed", "ISIS militants", "actor ISIS", "places Iraq", "2024-04-01",
                  "source JOC"):
        assert shown in tip
    assert 'id="fig-f2"' in page and "Anbar; Iraq" in page


def test_web_document_page_shows_the_checks_a_figure_takes_part_in(web_client: Any) -> None:
    page = web_client.get("/documents/observatory-may").text
    card = page[page.index('id="fig-f2"'):page.index('id="fig-f3"')]
    assert "sum fails: Parts by place: 40 + 17 does not add up to 52" in card


def test_web_hostile_text_title_and_url_render_as_text(web_client: Any) -> None:
    page = web_client.get("/documents/hostile-page").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<b onmouseover" not in page and "<i>Evil</i>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.cookie)" in page  # shown, not linked
    listing = web_client.get("/documents").text
    assert "<script>" not in listing and "&lt;i&gt;Evil&lt;/i&gt; Wire" in listing


def test_web_pages_forbid_inline_script_and_framing(web_client: Any) -> None:
    policy = web_client.get("/documents").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(("query", "key", "values"), [
    ("measure=killed", "measure", {"killed"}),
    ("actor=isis", "actor", {"ISIS"}),
    ("place=raqqa", "doc", {"observatory-may"}),
    ("country=iraq", "doc", {"tigris-anbar", "monitor-q2"}),
    ("since=2024-05-01&until=2024-05-31", "doc", {"observatory-may", "tigris-anbar",
                                                  "monitor-q2"}),
    ("document=monitor-q2", "doc", {"monitor-q2"}),
])
def test_web_api_figures_take_the_cli_filters(
    web_client: Any, web_ledger_file: str, query: str, key: str, values: set[str]
) -> None:
    body = web_client.get(f"/api/figures?{query}").json()
    assert {row[key] for row in body["figures"]} == values
    assert body["total"] == len(body["figures"])


def test_web_figures_csv_is_the_cli_listing(web_client: Any) -> None:
    response = web_client.get("/figures.csv?measure=killed")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    listed = web_client.app.state.web.ledger.figures(measure="killed")
    assert [(r["doc"], r["id"]) for r in rows] == [(f["doc"], f["id"]) for f in listed]


@pytest.mark.parametrize(("url", "key"), [
    ("/api/documents", "documents"),
    ("/api/groups?verdict=conflict", "groups"),
    ("/api/conflicts", "conflicts"),
    ("/api/incidents", "incidents"),
    ("/api/reviews", "reviews"),
])
def test_web_api_lists_say_how_many_match(web_client: Any, url: str, key: str) -> None:
    body = web_client.get(url).json()
    assert body["total"] >= len(body[key])


def test_web_api_document_has_text_figures_and_checks(web_client: Any) -> None:
    body = web_client.get("/api/documents/observatory-may").json()
    assert body["text"].startswith("The observatory said 52")
    assert [f["id"] for f in body["figures"]] == ["f1", "f2", "f3"]
    assert body["checks"][0]["type"] == "sum"


def test_web_openapi_schema_is_served(web_client: Any) -> None:
    schema = web_client.get("/openapi.json").json()
    assert {"/api/documents", "/api/figures", "/api/groups", "/api/incidents",
            "/api/figures/{document}/{figure}/review"} <= set(schema["paths"])


@pytest.mark.parametrize(("url", "status", "message"), [
    ("/api/documents/nothing-here", 404, "no document 'nothing-here'"),
    ("/api/figures?since=yesterday", 422, "since:"),
    ("/api/figures?measure=eaten", 422, "measure:"),
    ("/api/groups/g999", 404, "no group"),
    ("/api/documents?page=0", 422, "page:"),
])
def test_web_bad_requests_get_a_message_not_a_traceback(
    web_client: Any, url: str, status: int, message: str
) -> None:
    response = web_client.get(url)
    assert response.status_code == status
    assert message in response.json()["message"]
    assert "Traceback" not in response.text


def test_web_bad_page_request_gets_an_error_page(web_client: Any) -> None:
    response = web_client.get("/documents/nothing-here", headers=HTML)
    assert response.status_code == 404
    assert "no document" in response.text and "<h1>Error 404</h1>" in response.text


REJECT = {"action": "reject"}


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401),
    ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Basic {WEB_TOKEN}"}, 403),
])
def test_web_api_writes_need_the_token(
    web_client: Any, web_ledger_file: str, headers: dict[str, str], status: int
) -> None:
    response = web_client.post("/api/figures/tigris-anbar/f1/review", json=REJECT, headers=headers)
    assert response.status_code == status
    assert web_client.get("/api/reviews").json()["total"] == 0


def test_web_read_only_server_refuses_writes(web_ledger_file: str) -> None:
    from fastapi.testclient import TestClient

    from newsledger.web import Settings, create_app

    app = create_app(Settings(db=web_ledger_file, token=WEB_TOKEN, read_only=True))
    with TestClient(app) as client:
        response = client.post("/api/figures/tigris-anbar/f1/review", json=REJECT, headers=AUTH)
        assert response.status_code == 403 and "read-only" in response.json()["message"]
        assert "read-only" in client.get("/documents").text
    app.state.web.ledger.close()


@pytest.mark.parametrize(("login_first", "csrf", "origin", "status"), [
    (False, None, None, 401),  # not logged in
    (True, None, None, 403),  # no CSRF token
    (True, "0" * 64, None, 403),  # a wrong one
    (True, "page", "https://evil.example", 403),  # another site's form
])
def test_web_forms_are_protected_against_forgery(
    web_client: Any, login_first: bool, csrf: str | None, origin: str | None, status: int
) -> None:
    token = login(web_client) if login_first else None
    if not login_first:
        web_client.cookies.clear()
    form = {"action": "reject", **({"csrf": token if csrf == "page" else csrf} if csrf else {})}
    headers = {"origin": origin} if origin else {}
    response = web_client.post("/documents/tigris-anbar/figures/f1/review", data=form,
                               headers=headers, follow_redirects=False)
    assert response.status_code == status
    assert web_client.get("/api/reviews").json()["total"] == 0


def test_web_login_with_a_wrong_token_is_refused(web_client: Any) -> None:
    response = web_client.get("/login?token=nope", follow_redirects=False)
    assert response.status_code == 403 and "set-cookie" not in response.headers


def correct(client: Any, doc: str, fid: str, **changes: Any) -> Any:
    return client.post(f"/api/figures/{doc}/{fid}/review", headers=AUTH,
                       json={"action": "correct", "reviewer": "ana", "changes": changes})


def test_web_correction_wins_in_figures_groups_and_audit_trail(
    web_client: Any, web_ledger_file: str
) -> None:
    before = web_client.get("/api/groups?verdict=conflict").json()["total"]
    response = correct(web_client, "monitor-q2", "f1", low=30, high=30, source="JOC")
    assert response.status_code == 200
    assert response.json()["before"]["low"] == 21 and response.json()["after"]["low"] == 30
    figure = web_client.get("/api/figures?document=monitor-q2").json()["figures"][0]
    assert (figure["low"], figure["source"], figure["review"]) == (30, "JOC", "corrected")
    # 30 against 30: the Q2 toll no longer conflicts.
    assert web_client.get("/api/groups?verdict=conflict").json()["total"] == before - 1
    entry = web_client.get("/api/reviews").json()["reviews"][0]
    assert (entry["action"], entry["reviewer"], entry["evidence"]) == (
        "correct", "ana", "only 21 ISIS militants were killed")
    assert entry["before"]["source"] == "A monitoring group" and entry["after"]["source"] == "JOC"
    assert entry["reviewed_at"]


def test_web_form_review_flow_confirm_correct_reject(web_client: Any) -> None:
    csrf = login(web_client)
    url = "/documents/tigris-anbar/figures/{}/review"
    web_client.post(url.format("f1"), data={"csrf": csrf, "action": "confirm"})
    web_client.post(url.format("f2"), data={
        "csrf": csrf, "action": "correct", "old_actor": "ISIS", "new_actor": "",
        "old_low": "74", "new_low": "75", "old_counted": "suspects", "new_counted": "suspects"})
    response = web_client.post(url.format("f3"), data={"csrf": csrf, "action": "reject"},
                               follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].endswith("#fig-f3")
    figures = {f["id"]: f for f in web_client.get("/api/documents/tigris-anbar").json()["figures"]}
    assert [figures[i]["review"] for i in ("f1", "f2", "f3")] == [
        "confirmed", "corrected", "rejected"]
    assert (figures["f2"]["low"], figures["f2"]["actor"], figures["f2"]["counted"]) == (
        75, None, "suspects")
    listed = web_client.get("/api/figures?document=tigris-anbar").json()["figures"]
    assert [f["id"] for f in listed] == ["f1", "f2"]  # the rejected figure is left out
    page = web_client.get("/documents/tigris-anbar").text
    assert 'class="fig st-rejected" data-fig="f3"' in page


@pytest.mark.parametrize(("body", "message"), [
    ({"action": "correct", "changes": {}}, "at least one changed field"),
    ({"action": "correct", "changes": {"low": 50, "high": 10}}, "below low"),
    ({"action": "correct", "changes": {"period_start": "2024-07-01",
                                       "period_end": "2024-06-01"}}, "before period_start"),
    ({"action": "same"}, "DOC:ID"),
    ({"action": "same", "other": "tigris-anbar:f1"}, "itself"),
])
def test_web_bad_reviews_are_refused_with_a_reason(
    web_client: Any, body: dict[str, Any], message: str
) -> None:
    response = web_client.post("/api/figures/tigris-anbar/f1/review", json=body, headers=AUTH)
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert web_client.get("/api/reviews").json()["total"] == 0


@pytest.mark.parametrize(("url", "body", "message"), [
    ("/api/figures/nowhere/f1/review", REJECT, "no figure f1 in document nowhere"),
    ("/api/figures/tigris-anbar/f1/review", {"action": "same", "other": "tigris-anbar:f99"},
     "no figure f99"),
])
def test_web_review_of_an_unknown_figure_is_404(
    web_client: Any, url: str, body: dict[str, Any], message: str
) -> None:
    response = web_client.post(url, json=body, headers=AUTH)
    assert response.status_code == 404 and message in response.json()["message"]


def document_checks(client: Any, doc: str) -> list[tuple[str, bool, str | None]]:
    checks = client.get(f"/api/documents/{doc}").json()["checks"]
    return [(c["type"], c["holds"], c["total"] or c["whole"]) for c in checks]


@pytest.mark.parametrize(("body", "expected"), [
    # 52 against 40 + 17: corrected to 57, the sum by place holds.
    ({"action": "correct", "changes": {"low": 57}}, [("sum", True, "f1")]),
    # A rejected total takes part in no check.
    ({"action": "reject"}, []),
    # Corrected to another measure, the 52 is no longer a total of the two tolls.
    ({"action": "correct", "changes": {"measure": "injured"}}, []),
])
def test_web_correction_judges_its_documents_checks_again(
    web_client: Any, body: dict[str, Any], expected: list[tuple[str, bool, str]]
) -> None:
    assert document_checks(web_client, "observatory-may") == [("sum", False, "f1")]
    response = web_client.post("/api/figures/observatory-may/f1/review", headers=AUTH, json=body)
    assert response.status_code == 200
    assert document_checks(web_client, "observatory-may") == expected


def test_rejudge_reads_a_documents_checks_again_from_its_figures(web_ledger_file: str) -> None:
    with Ledger(web_ledger_file) as ledger:
        ledger.query("DELETE FROM check_rows WHERE doc_id = (SELECT id FROM documents "
                     "WHERE name = 'observatory-may') RETURNING type")
        # Judged again by the rules, the figures give back the failing sum it was stored with.
        counts = ledger.rejudge(["observatory-may"])
        checks = ledger.checks(document="observatory-may")
        with pytest.raises(InputError, match="no document 'nowhere'"):
            ledger.rejudge(["nowhere"])
        assert ledger.stale() == []  # groups and merged incidents brought up to date too
    assert [(c["type"], c["holds"], c["total"]) for c in checks] == [("sum", False, "f1")]
    assert counts["checks"] == 1


def test_web_document_page_shows_a_sum_that_holds_after_correction(web_client: Any) -> None:
    correct(web_client, "observatory-may", "f1", low=57)
    page = web_client.get("/documents/observatory-may").text
    card = page[page.index('id="fig-f2"'):page.index('id="fig-f3"')]
    assert "does not add up" not in card and "sum holds" in card


@pytest.mark.parametrize(("body", "fatalities", "injuries"), [
    ({"action": "correct", "changes": {"low": 33}}, 33, None),
    # The toll falls to the next figure of the incident ("12 civilians").
    ({"action": "reject"}, 12, None),
    ({"action": "correct", "changes": {"measure": "injured"}}, 12, 31),
])
def test_web_correction_codes_its_documents_incidents_again(
    demo_client: Any, body: dict[str, Any], fatalities: int, injuries: int | None
) -> None:
    url = "/api/incidents?document=burkina-bam-attack-2023"
    [before] = demo_client.get(url).json()["incidents"]
    assert (before["fatalities"], before["injuries"]) == (31, None)
    response = demo_client.post("/api/figures/burkina-bam-attack-2023/f1/review", headers=AUTH,
                                json=body)
    assert response.status_code == 200
    [after] = demo_client.get(url).json()["incidents"]
    assert (after["location"], after["event_date"]) == (before["location"], before["event_date"])
    assert (after["fatalities"], after["injuries"]) == (fatalities, injuries)
    assert "Bourzanga" in demo_client.get("/incidents?document=burkina-bam-attack-2023").text


def group_of(client: Any, key: str) -> str:
    for group in client.get("/api/groups").json()["groups"]:
        if key in {f"{f['doc']}:{f['id']}" for f in group["figures"]}:
            return str(group["id"])
    raise AssertionError(key)


def test_web_marking_two_figures_not_the_same_splits_their_group(web_client: Any) -> None:
    assert group_of(web_client, "tigris-anbar:f1") == group_of(web_client, "monitor-q2:f1")
    response = web_client.post("/api/figures/tigris-anbar/f1/review", headers=AUTH,
                               json={"action": "not_same", "other": "monitor-q2:f1"})
    assert response.status_code == 200
    assert group_of(web_client, "tigris-anbar:f1") != group_of(web_client, "monitor-q2:f1")
    web_client.post("/api/figures/tigris-anbar/f1/review", headers=AUTH,
                    json={"action": "same", "other": "monitor-q2:f1"})
    assert group_of(web_client, "tigris-anbar:f1") == group_of(web_client, "monitor-q2:f1")


def test_reviews_survive_reingest_and_reextraction(
    web_ledger_file: str, news_extractions: tuple[Any, ...]
) -> None:
    from dataclasses import replace

    from newsledger.review_tables import Action, Review

    tigris = news_extractions[0]
    with Ledger(web_ledger_file) as ledger:
        ledger.review(Review(Action.CORRECT, "tigris-anbar", "f1", "ana", {"low": 31}))
        ledger.review(Review(Action.REJECT, "tigris-anbar", "f3", "ana"))
        assert ledger.add(tigris) is False  # ingesting it again changes nothing
        # Re-extraction with other rules: new ids, wider evidence spans, same text.
        doc_id = tigris.document.id
        ledger.query("DELETE FROM figures WHERE doc_id = ? RETURNING id", [doc_id])
        moved = tuple(replace(f, id=f"f{n + 10}", start=max(0, f.start - 6))
                      for n, f in enumerate(tigris.figures))
        moved = tuple(replace(f, text=tigris.document.text[f.start:f.end]) for f in moved)
        ledger._insert_batch("figures", _figure_rows(doc_id, moved))
        ledger.reconcile()
        rows = {f["id"]: f for f in ledger.figures(document="tigris-anbar")}
    assert set(rows) == {"f10", "f11"}  # the rejected 9,000 stays out
    assert rows["f10"]["low"] == 31


def _figure_rows(doc_id: str, figures: Any) -> Any:
    from newsledger.store import _figure_table

    return _figure_table(doc_id, figures)


def test_export_reviewed_writes_gold_files_eval_reads(
    web_ledger_file: str, tmp_path: Any
) -> None:
    import json

    from newsledger.evaluate import evaluate_dir
    from newsledger.export_reviewed import write_reviewed
    from newsledger.gold import load_gold
    from newsledger.review_tables import Action, Review

    with Ledger(web_ledger_file) as ledger:
        ledger.review(Review(Action.REJECT, "observatory-may", "f3", "ana"))
        ledger.review(Review(Action.CORRECT, "observatory-may", "f1", "ana", {"source": "SOHR"}))
        written = write_reviewed(ledger, tmp_path / "gold")
    assert [path.name for path in written] == ["observatory-may.json"]
    raw = json.loads(written[0].read_text(encoding="utf-8"))
    assert [f["id"] for f in raw["figures"]] == ["f1", "f2"]
    assert raw["figures"][0]["source"] == "SOHR" and raw["figures"][0]["review"] == "corrected"
    # The failing sum named the rejected figure; judged again, the 40 are part of the 52.
    assert [(c["kind"], c["whole"], c["part"], c["holds"]) for c in raw["checks"]] == [
        ("subset", "f1", "f2", True)]
    gold = load_gold(written[0])
    assert [g.figure.text for g in gold.figures] == ["52 people were killed", "40 in Deir ez-Zor"]
    tally = evaluate_dir(tmp_path / "gold").tally
    assert tally.tp + tally.fn == len(gold.figures)


def test_cli_reads_a_ledger_from_before_the_reviews(web_ledger_file: str) -> None:
    """A ledger written before migration create_reviews is upgraded by the first read."""
    from typer.testing import CliRunner

    from newsledger.cli import app

    with Ledger(web_ledger_file) as ledger:
        for table in ("reviews", "figure_reviews", "figure_pairs"):
            ledger.query(f"DROP TABLE {table}")
        ledger.query("DELETE FROM migrations WHERE name = 'create_reviews' RETURNING name")
    result = CliRunner().invoke(app, ["figures", "--db", web_ledger_file, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"doc": "tigris-anbar"' in result.output


def test_cli_export_reviewed_and_serve_help(web_ledger_file: str, tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from newsledger.cli import app
    from newsledger.review_tables import Action, Review

    with Ledger(web_ledger_file) as ledger:
        ledger.review(Review(Action.CONFIRM, "monitor-q2", "f1", "ana"))
    out = tmp_path / "reviewed"
    result = CliRunner().invoke(app, ["export", "--reviewed", "--db", web_ledger_file,
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "monitor-q2.json").exists()
    again = CliRunner().invoke(app, ["export", "--reviewed", "--db", web_ledger_file,
                                     "-o", str(out)])
    assert again.exit_code == 1 and "already exists" in again.output
    assert "127.0.0.1" in CliRunner().invoke(app, ["serve", "--help"]).output


def test_bench_web_times_reviews_on_a_copy_of_the_ledger(web_ledger_file: str) -> None:
    from pathlib import Path

    from newsledger.bench_web import time_reviews

    rows = time_reviews(Path(web_ledger_file), 3)
    assert [str(row["review"]).split()[0] for row in rows] == ["correct", "reject", "confirm"]
    assert len({str(row["review"]).split()[1] for row in rows}) == 1  # one figure, in turn
    with Ledger(web_ledger_file, read_only=True) as ledger:
        assert ledger.reviews() == []  # the ledger timed stays as it was built
