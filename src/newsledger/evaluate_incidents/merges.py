"""False merges across reports, measured on RAND rows (each row is a separate incident).

``python -m newsledger.evaluate_incidents.merges --sample 3500 --seed 31`` ingests a sample of
RAND RDWTI descriptions into an in-memory ledger, one document per row with the row's date as its
publication date, and counts what reconciliation joins across documents: every same-thing group
and every merged incident holding more than one document is a false merge, since no two rows
report the same event. The rate is per 1,000 documents ingested (docs/reconcile.md).

RAND sometimes tells one event in several rows (one row per site or bank of a coordinated attack,
each repeating the whole description). A join whose documents state it in the very same sentence
(a group whose figures each lie in one sentence, word for word the same in every document; a
merged incident whose reports' main sentences are the same) restates one sentence, and the run
counts those apart (``repeated_*``): the rest (``*_other``) are joins of different wording.
Reconciliation itself counts a figure whose sentence copies another report's word for word once
(``GroupMember.copy_of``): ``multi_report_groups`` are the groups of more than one report so
counted (docs/reconcile.md, "Copies").

RAND also codes one event twice in other words (two rows of one bombing, on the same day in the
same city). A join whose rows RAND itself codes on one day at one place (``same_coding_*``: the
rows' date, country and city all equal; RAND's coding, not ours) is one event too. What is left,
joins of rows RAND dates or places apart that do not repeat one sentence, are the false merges
(``false_*``), and the rates the issue's target is read on.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from newsledger.evaluate_incidents.datasets import DATASETS, read_dataset, sample_rows
from newsledger.extract.words import split_sentences
from newsledger.model import Document, Group
from newsledger.pipeline import extract_all
from newsledger.store import Ledger

DEFAULT_DATA = Path("../shared/data")


@dataclass(frozen=True, slots=True)
class MergeReport:
    """How many documents were ingested and how many cross-document joins reconciliation made."""

    documents: int
    groups: int
    multi_document_groups: int
    incidents: int
    multi_document_incidents: int
    examples: list[str] = field(default_factory=list)
    repeated_groups: int = 0  # of the multi-document groups, those stating one same sentence
    repeated_incidents: int = 0
    false_groups: int = 0  # neither one sentence nor rows RAND codes on one day at one place
    false_incidents: int = 0
    # of the multi-document groups, those with more than one report once copies count once
    multi_report_groups: int = 0

    @property
    def group_rate(self) -> float:
        """Multi-document groups per 1,000 documents."""
        return 1000 * self.multi_document_groups / max(self.documents, 1)

    @property
    def incident_rate(self) -> float:
        """Merged incidents of several documents per 1,000 documents."""
        return 1000 * self.multi_document_incidents / max(self.documents, 1)


Coding = tuple[object, ...]  # RAND's date, country and city of a row


def rand_documents(data_dir: Path, sample: int, seed: int) -> list[Document]:
    """A seeded sample of RAND rows as documents named by row id, dated by the row's date."""
    return [document for document, _ in rand_sample(data_dir, sample, seed)]


def rand_sample(data_dir: Path, sample: int, seed: int) -> list[tuple[Document, Coding]]:
    """The sample's documents, each with RAND's coding of its row (date, country, city)."""
    rand = next(dataset for dataset in DATASETS if dataset.name == "rand")
    rows = sample_rows(read_dataset(rand, data_dir), sample, seed)
    return [(Document(text=row.text, published=row.published, name=f"rand-{row.row_id}"),
             (row.published, row.country, row.place)) for row in rows]


def same_coding(docs: Iterable[str], codings: Mapping[str, Coding]) -> bool:
    """Whether RAND codes every row on one day at one place (a date and a country known); a
    city is the same whatever its spacing and case ('Madhyapur Thimi ', 'Madhyapur Thimi')."""
    found = {_folded(codings.get(doc)) for doc in docs}
    coding = next(iter(found)) if len(found) == 1 else None
    return coding is not None and coding[0] is not None and coding[1] is not None


def _folded(coding: Coding | None) -> Coding | None:
    if coding is None:
        return None
    return tuple(" ".join(v.split()).casefold() if isinstance(v, str) else v for v in coding)


def count_merges(
    documents: Sequence[Document], workers: int = 2, examples: int = 5, db: str = ":memory:",
    codings: Mapping[str, Coding] | None = None,
) -> MergeReport:
    """Ingest the documents into a fresh ledger (in memory by default) and count joins; with
    RAND's codings of the rows (by document name), also the false ones."""
    with Ledger(db) as ledger:
        for extraction in extract_all(documents, workers=workers):
            if not isinstance(extraction, Exception):
                ledger.add(extraction)
        ledger.reconcile()
        groups = ledger.groups()
        incidents = ledger.incidents()
    multi = [g for g in groups if len({m.doc for m in g.figures}) > 1]
    reports = [g for g in multi if len({m.doc for m in g.figures if m.copy_of is None}) > 1]
    merged = [i for i in incidents if len({r["doc"] for r in i["reports"]}) > 1]
    texts = {d.name: d.text for d in documents if d.name}
    repeated = [g for g in multi if _one_sentence(
        [_sentences_with(texts.get(m.doc, ""), m.text) for m in g.figures])]
    told_alike = [i for i in merged if _one_sentence(
        [{_words(r.get("evidence") or "")} for r in i["reports"]])]
    shown = [g for g in multi if g not in repeated] + repeated
    coded = codings or {}
    false_groups = [g for g in multi if g not in repeated
                    and not same_coding((m.doc for m in g.figures), coded)]
    false_incidents = [i for i in merged if i not in told_alike
                       and not same_coding((r["doc"] for r in i["reports"]), coded)]
    return MergeReport(
        documents=len(documents), groups=len(groups), multi_document_groups=len(multi),
        incidents=len(incidents), multi_document_incidents=len(merged),
        examples=[_describe(g) for g in shown[:examples]],
        repeated_groups=len(repeated), repeated_incidents=len(told_alike),
        false_groups=len(false_groups), false_incidents=len(false_incidents),
        multi_report_groups=len(reports))


def _words(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def _sentences_with(text: str, figure_text: str) -> set[str]:
    """The sentences of a document that hold a figure's words, as folded words."""
    return {_words(s.text) for s in split_sentences(text) if figure_text and figure_text in s.text}


def _one_sentence(candidates: list[set[str]]) -> bool:
    """Whether one sentence is among every document's candidates (and it is not empty)."""
    common = set.intersection(*candidates) if candidates else set()
    return any(common)


def _describe(group: Group) -> str:
    members = ", ".join(f"{m.doc} {m.text!r} ({m.published})" for m in group.figures)
    return f"{group.id} {group.measure.value} {group.verdict.value}: {members}"


def main(argv: Sequence[str] | None = None) -> None:
    """Print the false-merge counts of a RAND sample as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=3500)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--examples", type=int, default=5)
    parser.add_argument("--db", default=":memory:", help="keep the ledger in this new file")
    args = parser.parse_args(argv)
    sample = rand_sample(args.data, args.sample, args.seed)
    report = count_merges([d for d, _ in sample], args.workers, args.examples, args.db,
                          {d.name: coding for d, coding in sample if d.name})
    per_1000 = 1000 / max(report.documents, 1)
    print(json.dumps({
        **asdict(report), "group_rate_per_1000": round(report.group_rate, 2),
        "incident_rate_per_1000": round(report.incident_rate, 2),
        "group_rate_other_per_1000": round(
            (report.multi_document_groups - report.repeated_groups) * per_1000, 2),
        "incident_rate_other_per_1000": round(
            (report.multi_document_incidents - report.repeated_incidents) * per_1000, 2),
        "false_group_rate_per_1000": round(report.false_groups * per_1000, 2),
        "report_group_rate_per_1000": round(report.multi_report_groups * per_1000, 2),
        "false_incident_rate_per_1000": round(report.false_incidents * per_1000, 2),
    }, indent=1))


if __name__ == "__main__":
    main()


__all__ = ["MergeReport", "count_merges", "rand_documents", "rand_sample", "same_coding"]
