"""Scoring extraction against gold files (corpus/SCHEMA.md format): the definition of our metric.

Input: a folder of gold ``<doc_id>.json`` files. Each is read into a Document (text, title,
published, url = source_url, name = doc_id), run through ``newsledger.pipeline.extract``, and the
Extraction is scored against the gold figures and checks.

Figures (strict, micro-averaged over all documents):
  1. A gold figure's *passages* are every occurrence (``str.find``) of its ``evidence`` and of each
     of its ``also_at`` texts; any occurrence counts.
  2. A predicted figure can match a gold figure when all three hold:
     - its span ``[start, end)`` overlaps one of the gold passages;
     - the stated number agrees: with ``stated = pred.quantity.value``, the gold qualifier decides:
       exact / approximate / at_least: gold low == stated;
       more_than: gold low == stated or stated + 1; less_than: gold high == stated or stated - 1;
       at_most: gold high == stated; range: (low, high) of both are equal;
     - the measure is the same.
  3. Matching is one-to-one, greedy by the longest overlap (ties: earlier prediction, earlier gold).
  4. Gold figures with ``include: false`` are neutral: a prediction matched to one counts neither
     as a true nor a false positive, and missing one is no false negative. (They still take part
     in matching, so the checks that use them stay complete.)
  5. tp = predictions matched to included gold; fp = unmatched predictions; fn = unmatched
     included gold. P = tp / (tp + fp), R = tp / (tp + fn), F1 = 2PR / (P + R); 0.0 when undefined.

Attributes, as accuracy over the matched (tp) pairs; 0.0 when nothing matched:
  - qualifier: equal.
  - actor: both None, or equal case-insensitively after ``canonical_actor`` on both.
  - locations, as corpus/SCHEMA.md defines it: right when every predicted place is among the gold
    places or their containers, and at least one of them is a gold place itself; no gold places
    -> right only when none are predicted. A place is compared by its gazetteer entry
    (``place_key``: spelling variants such as Baqubah/Baquba agree), case-insensitively; the
    containers are those of ``expand_place`` (admin1 and country).
  - period: period_start and period_end both equal (None equals None).
  - source: both None, or, after ``canonical_actor`` on both, the token set of one is a non-empty
    subset of the other's. Tokens: lowercase words, periods and apostrophes dropped ("U.S." ->
    "us"), other punctuation splits (text in parentheses stays as tokens), ``SOURCE_STOPWORDS``
    removed.

Checks (``holds`` is not compared):
  - A gold sum is found when a predicted sum has its total matched to the gold total and the set
    of its parts matched to the set of gold parts (through the figure matching of step 3,
    neutral figures included). Sum recall = found / gold sums; sum precision = predicted sums that
    correspond to a gold sum / predicted sums.
  - Subset checks the same way, on (whole, part).
  - Conflict checks (two values for one thing within the document) on the unordered pair of
    figures; a predicted ``update`` (a later value replacing an earlier one) counts as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsledger.errors import InputError
from newsledger.extract.parties import canonical_actor
from newsledger.extract.places import expand_place, place_key
from newsledger.gold import (
    SCORED_CHECKS,
    GoldDoc,
    GoldFigure,
    Span,
    gold_digest,
    load_gold,
    occurrences,
    parse_gold,
)
from newsledger.model import Check, CheckType, Document, Extraction, Figure, Qualifier, Quantity
from newsledger.pipeline import extract

ATTRIBUTES = ("qualifier", "actor", "locations", "period", "source")
# Part of the metric's definition, not an extraction heuristic: changing it changes every score.
SOURCE_STOPWORDS = frozenset(
    ["the", "a", "an", "of", "for", "and", "said", "says", "according", "to"]
)

Extractor = Callable[[Document], Extraction]


# --- matching figures ----------------------------------------------------------------------


def number_agrees(predicted: Quantity, gold: Quantity) -> bool:
    """Whether the predicted stated number agrees with the gold one (see the module docstring)."""
    stated = predicted.value
    if gold.qualifier is Qualifier.MORE_THAN:
        return gold.low in (stated, stated + 1)
    if gold.qualifier is Qualifier.LESS_THAN:
        return gold.high in (stated, stated - 1)
    if gold.qualifier is Qualifier.AT_MOST:
        return gold.high == stated
    if gold.qualifier is Qualifier.RANGE:
        return (predicted.low, predicted.high) == (gold.low, gold.high)
    return gold.low == stated


def overlap(span: Span, passages: Iterable[Span]) -> int:
    """Characters shared by ``span`` and the passage it overlaps most (0 if none)."""
    return max((min(span[1], end) - max(span[0], start) for start, end in passages), default=0)


def match_figures(
    predicted: Sequence[Figure], gold: Sequence[GoldFigure]
) -> list[tuple[Figure, GoldFigure]]:
    """One-to-one matches, greedy by longest overlap, among pairs whose number and measure agree."""
    candidates = sorted(
        (-shared, p, g)
        for p, pred in enumerate(predicted)
        for g, truth in enumerate(gold)
        if (shared := overlap((pred.start, pred.end), truth.passages)) > 0
        and pred.measure is truth.figure.measure
        and number_agrees(pred.quantity, truth.figure.quantity)
    )
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[Figure, GoldFigure]] = []
    for _, p, g in candidates:
        if p not in used_pred and g not in used_gold:
            used_pred.add(p)
            used_gold.add(g)
            pairs.append((predicted[p], gold[g]))
    return pairs


# --- attributes ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Normalisers:
    """The name normalisation used to compare actors, sources and places (the extractor's own)."""

    actor: Callable[[str], str] = canonical_actor
    place: Callable[[str], Iterable[str]] = expand_place
    place_key: Callable[[str], str] = place_key


DEFAULT_NORMALISERS = Normalisers()


def attribute_agreement(
    predicted: Figure, gold: Figure, normalisers: Normalisers = DEFAULT_NORMALISERS
) -> dict[str, bool]:
    """For each of ATTRIBUTES, whether the prediction agrees with the gold figure."""
    return {
        "qualifier": predicted.quantity.qualifier is gold.quantity.qualifier,
        "actor": same_actor(predicted.actor, gold.actor, normalisers.actor),
        "locations": locations_agree(predicted.locations, gold.locations, normalisers),
        "period": (predicted.period_start, predicted.period_end)
        == (gold.period_start, gold.period_end),
        "source": same_source(predicted.source, gold.source, normalisers.actor),
    }


def same_actor(a: str | None, b: str | None, canonical: Callable[[str], str]) -> bool:
    """Both None, or equal case-insensitively after canonicalisation."""
    if a is None or b is None:
        return a is b
    return canonical(a).casefold() == canonical(b).casefold()


def locations_closure(
    names: Iterable[str], expand: Callable[[str], Iterable[str]]
) -> frozenset[str]:
    """The union of the expansions of the names, case-folded."""
    return frozenset(place.casefold() for name in names for place in expand(name))


def locations_agree(
    predicted: Sequence[str], gold: Sequence[str], normalisers: Normalisers = DEFAULT_NORMALISERS
) -> bool:
    """Every predicted place is a gold place or contains one, and one is a gold place itself."""
    if not gold:
        return not predicted
    named = {normalisers.place_key(name).casefold() for name in gold}
    allowed = named | locations_closure(gold, normalisers.place)
    keys = {normalisers.place_key(name).casefold() for name in predicted}
    return bool(keys & named) and keys <= allowed


def same_source(a: str | None, b: str | None, canonical: Callable[[str], str]) -> bool:
    """Both None, or one's token set is a non-empty subset of the other's."""
    if a is None or b is None:
        return a is b
    tokens_a, tokens_b = source_tokens(canonical(a)), source_tokens(canonical(b))
    return bool(tokens_a and tokens_b) and (tokens_a <= tokens_b or tokens_b <= tokens_a)


def source_tokens(name: str) -> frozenset[str]:
    """Lowercase words of a source name, without punctuation and SOURCE_STOPWORDS."""
    words = re.findall(r"[^\W_]+", re.sub(r"[.'’]", "", name.casefold()))
    return frozenset(word for word in words if word not in SOURCE_STOPWORDS)


# --- scores --------------------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class Tally:
    """True positives, false positives and false negatives, with the ratios they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0.0 when nothing was predicted."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0.0 when there is no gold."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class CheckScore:
    """Gold checks found among the predicted ones, and predicted checks that are right."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    def __add__(self, other: CheckScore) -> CheckScore:
        return CheckScore(
            self.gold + other.gold,
            self.found + other.found,
            self.predicted + other.predicted,
            self.correct + other.correct,
        )

    @property
    def recall(self) -> float:
        """found / gold, 0.0 when there is no gold check."""
        return _ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        """correct / predicted, 0.0 when nothing was predicted."""
        return _ratio(self.correct, self.predicted)


def score_checks(
    gold: Iterable[Check], predicted: Iterable[Check], kind: CheckType, to_gold: Mapping[str, str]
) -> CheckScore:
    """Score predicted checks of one kind; ``to_gold`` maps predicted figure ids to gold ids."""

    def as_gold(figure_id: str | None) -> str:
        # An unmatched figure keeps a key of its own, so its check corresponds to no gold check.
        return to_gold.get(figure_id or "") or f"unmatched:{figure_id}"

    gold_keys = {_check_key(check, str) for check in gold if check.type is kind}  # ids as they are
    predicted_keys = [_check_key(c, as_gold) for c in predicted if _scored_as(c.type) is kind]
    return CheckScore(
        gold=len(gold_keys),
        found=len(gold_keys & set(predicted_keys)),
        predicted=len(predicted_keys),
        correct=sum(key in gold_keys for key in predicted_keys),
    )


def _scored_as(kind: CheckType) -> CheckType:
    """The gold kind a predicted check is scored as: an update is a conflict the text resolves."""
    return CheckType.CONFLICT if kind is CheckType.UPDATE else kind


def _check_key(check: Check, gold_id: Callable[[str | None], str]) -> object:
    """What identifies a check: the gold ids of its figures (a sum's parts, a conflict's pair as
    sets)."""
    if check.type is CheckType.SUM:
        return gold_id(check.total), frozenset(map(gold_id, check.parts))
    if _scored_as(check.type) is CheckType.CONFLICT:
        return frozenset((gold_id(check.whole), gold_id(check.part)))
    return gold_id(check.whole), gold_id(check.part)


@dataclass(frozen=True)
class DocResult:
    """The scores of one document, with the figures behind them for error analysis."""

    doc_id: str
    tally: Tally
    matched: tuple[tuple[Figure, GoldFigure], ...]  # the true positives
    missed: tuple[GoldFigure, ...]
    spurious: tuple[Figure, ...]
    neutral: int  # predictions matched to include:false gold figures
    agreement: Mapping[str, int]  # attribute -> matched pairs that agree on it
    checks: Mapping[CheckType, CheckScore]
    wrong: tuple[tuple[str, Figure, Figure], ...] = ()  # (attribute, predicted, gold) that disagree
    check_errors: tuple[str, ...] = ()  # gold checks missed and predicted checks not in the gold


def score_document(
    gold: GoldDoc, extraction: Extraction, normalisers: Normalisers = DEFAULT_NORMALISERS
) -> DocResult:
    """Score one extraction against its gold document."""
    pairs = match_figures(extraction.figures, gold.figures)
    matched = tuple((pred, truth) for pred, truth in pairs if truth.include)
    # By identity: two equal predictions are still two predictions.
    matched_pred = {id(pred) for pred, _ in pairs}
    matched_gold = {id(truth) for _, truth in pairs}
    missed = tuple(g for g in gold.figures if g.include and id(g) not in matched_gold)
    spurious = tuple(p for p in extraction.figures if id(p) not in matched_pred)
    agreement = dict.fromkeys(ATTRIBUTES, 0)
    wrong: list[tuple[str, Figure, Figure]] = []
    for pred, truth in matched:
        for name, agrees in attribute_agreement(pred, truth.figure, normalisers).items():
            agreement[name] += agrees
            if not agrees:
                wrong.append((name, pred, truth.figure))
    to_gold = {pred.id: truth.figure.id for pred, truth in pairs}
    checks = {
        kind: score_checks(gold.checks, extraction.checks, kind, to_gold) for kind in SCORED_CHECKS
    }
    return DocResult(
        doc_id=gold.doc_id,
        tally=Tally(len(matched), len(spurious), len(missed)),
        matched=matched,
        missed=missed,
        spurious=spurious,
        neutral=len(pairs) - len(matched),
        agreement=agreement,
        checks=checks,
        wrong=tuple(wrong),
        check_errors=check_errors(gold, extraction, to_gold),
    )


def check_errors(
    gold: GoldDoc, extraction: Extraction, to_gold: Mapping[str, str]
) -> tuple[str, ...]:
    """One line per missed gold check and per predicted check the gold lacks, for ``--details``."""
    numbers = {g.figure.id: g.figure.quantity.number_text for g in gold.figures}
    gold_keys = {_check_key(c, str): c for c in gold.checks}
    as_gold = {
        c: _check_key(c, lambda i: to_gold.get(i or "") or f"?{i}") for c in extraction.checks
    }
    lines = [
        f"missed {c.type.value}: {_check_ids(c, numbers)} {c.reason}".rstrip()
        for key, c in gold_keys.items()
        if key not in as_gold.values()
    ]
    lines += [
        f"spurious {c.type.value}: {c.reason}"
        for c, key in as_gold.items()
        if _scored_as(c.type) in SCORED_CHECKS and key not in gold_keys
    ]
    return tuple(lines)


def _check_ids(check: Check, numbers: Mapping[str, str]) -> str:
    ids = [check.total, *check.parts] if check.type is CheckType.SUM else [check.whole, check.part]
    return " ".join(f"{i}={numbers.get(i or '', '?')}" for i in ids)


@dataclass(frozen=True)
class EvalReport:
    """Per-document results and the summary metrics of one gold folder."""

    gold_dir: str
    gold_sha256: str
    documents: tuple[DocResult, ...]
    tally: Tally = field(init=False)
    checks: Mapping[CheckType, CheckScore] = field(init=False)

    def __post_init__(self) -> None:
        tally, checks = Tally(), dict.fromkeys(SCORED_CHECKS, CheckScore())
        for result in self.documents:
            tally += result.tally
            for kind in SCORED_CHECKS:
                checks[kind] += result.checks[kind]
        object.__setattr__(self, "tally", tally)
        object.__setattr__(self, "checks", checks)

    def accuracy(self) -> dict[str, float]:
        """Attribute accuracy over all matched figures (0.0 when nothing matched)."""
        return {
            name: _ratio(sum(r.agreement[name] for r in self.documents), self.tally.tp)
            for name in ATTRIBUTES
        }

    def metrics(self) -> dict[str, float]:
        """The summary numbers, flat; the CI gate pins a minimum for each of these names."""
        sums, subsets = self.checks[CheckType.SUM], self.checks[CheckType.SUBSET]
        return {
            "f1": self.tally.f1,
            "precision": self.tally.precision,
            "recall": self.tally.recall,
            **self.accuracy(),
            "sum_recall": sums.recall,
            "sum_precision": sums.precision,
            "subset_recall": subsets.recall,
            "subset_precision": subsets.precision,
            "conflict_recall": self.checks[CheckType.CONFLICT].recall,
            "conflict_precision": self.checks[CheckType.CONFLICT].precision,
        }

    def to_json(self, details: bool = False) -> dict[str, object]:
        """All numbers as one JSON object; ``details`` adds missed and spurious figures."""
        return {
            "gold_dir": self.gold_dir,
            "gold_sha256": self.gold_sha256,
            "metrics": self.metrics(),
            "counts": {
                "documents": len(self.documents),
                "tp": self.tally.tp,
                "fp": self.tally.fp,
                "fn": self.tally.fn,
                **{f"{kind.value}_checks": asdict(self.checks[kind]) for kind in SCORED_CHECKS},
            },
            "documents": [_doc_json(result, details) for result in self.documents],
        }


def _doc_json(result: DocResult, details: bool) -> dict[str, object]:
    tally = result.tally
    line: dict[str, object] = {
        "doc": result.doc_id,
        "gold": tally.tp + tally.fn,
        "pred": tally.tp + tally.fp,
        "tp": tally.tp,
        "neutral": result.neutral,
        "precision": tally.precision,
        "recall": tally.recall,
        "f1": tally.f1,
    }
    if details:
        line["missed"] = [_figure_brief(gold.figure) for gold in result.missed]
        line["spurious"] = [_figure_brief(pred) for pred in result.spurious]
        line["wrong_fields"] = [
            {
                "field": name,
                "gold_id": gold.id,
                "text": pred.text,
                "predicted": _field_text(pred, name),
                "gold": _field_text(gold, name),
            }
            for name, pred, gold in result.wrong
        ]
        line["check_errors"] = list(result.check_errors)
    return line


def _figure_brief(figure: Figure) -> dict[str, object]:
    line = figure.to_json()
    return {key: line[key] for key in ("id", "text", "number_text", "low", "high", "measure")}


def evaluate_dir(
    gold_dir: Path, extractor: Extractor = extract, normalisers: Normalisers = DEFAULT_NORMALISERS
) -> EvalReport:
    """Extract every gold document of a folder and score it against its gold file."""
    if not gold_dir.is_dir():
        raise InputError(str(gold_dir), "is not a folder of gold .json files")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise InputError(str(gold_dir), "holds no gold .json files")
    results = []
    for path in paths:
        gold = load_gold(path)
        results.append(score_document(gold, extractor(gold.document), normalisers))
    return EvalReport(str(gold_dir), gold_digest(paths), tuple(results))


# --- text output ---------------------------------------------------------------------------


def print_report(report: EvalReport, console: Console | None = None, details: bool = False) -> None:
    """Print the per-document table (and with ``details`` the errors), then the summary lines.

    The last three lines are the key summary: F1, attribute accuracy, check recall.
    """
    console = console or Console()
    console.print(_documents_table(report))
    if details:
        for result in report.documents:
            if result.missed or result.spurious:
                console.print(_errors_table(result))
            if result.wrong:
                console.print(_wrong_fields_table(result))
            for error in result.check_errors:
                console.print(f"{result.doc_id}: {error}", soft_wrap=True, markup=False)
    tally = report.tally
    sums, subsets = report.checks[CheckType.SUM], report.checks[CheckType.SUBSET]
    conflicts = report.checks[CheckType.CONFLICT]
    accuracy = " ".join(f"{name} {value:.3f}" for name, value in report.accuracy().items())
    for line in (
        f"figures: {tally.tp + tally.fn} gold, {tally.tp + tally.fp} predicted, {tally.tp} matched,"
        f" {len(report.documents)} documents",
        f"F1 {tally.f1:.3f} (P {tally.precision:.3f} R {tally.recall:.3f}) strict, micro-averaged",
        f"accuracy on {tally.tp} matched: {accuracy}",
        f"sum checks: recall {sums.recall:.3f} ({sums.found}/{sums.gold}) precision"
        f" {sums.precision:.3f} ({sums.correct}/{sums.predicted}); subset checks: recall"
        f" {subsets.recall:.3f} ({subsets.found}/{subsets.gold}) precision {subsets.precision:.3f}"
        f" ({subsets.correct}/{subsets.predicted}); conflicts: recall {conflicts.recall:.3f}"
        f" ({conflicts.found}/{conflicts.gold}) precision {conflicts.precision:.3f}"
        f" ({conflicts.correct}/{conflicts.predicted})",
    ):
        # soft_wrap: a wrapped line would push the key summary out of the last three lines.
        console.print(line, soft_wrap=True, highlight=False, markup=False)


def _documents_table(report: EvalReport) -> Table:
    table = Table("doc", "gold", "pred", "tp", "P", "R", "F1", title="Figures per document")
    for result in report.documents:
        table.add_row(result.doc_id, *_tally_cells(result.tally))
    table.add_section()
    table.add_row("all (micro)", *_tally_cells(report.tally))
    return table


def _tally_cells(tally: Tally) -> list[str]:
    gold, pred = tally.tp + tally.fn, tally.tp + tally.fp
    # "-" where a ratio is undefined (no gold, or nothing predicted), so 0.0 stays a real zero.
    ratios = (tally.precision, pred), (tally.recall, gold), (tally.f1, pred and gold)
    return [str(gold), str(pred), str(tally.tp)] + [f"{r:.2f}" if n else "-" for r, n in ratios]


def _errors_table(result: DocResult) -> Table:
    table = Table("error", "id", "number", "measure", "evidence", title=result.doc_id)
    errors = [("missed", gold.figure) for gold in result.missed]
    errors += [("spurious", pred) for pred in result.spurious]
    for kind, figure in errors:
        number, measure = figure.quantity.number_text, figure.measure.value
        table.add_row(kind, figure.id, number, measure, figure.text)
    return table


def _wrong_fields_table(result: DocResult) -> Table:
    title = f"{result.doc_id}: wrong fields of matched figures"
    table = Table("field", "id", "evidence", "predicted", "gold", title=title)
    for name, pred, gold in result.wrong:
        table.add_row(name, gold.id, pred.text, _field_text(pred, name), _field_text(gold, name))
    return table


def _field_text(figure: Figure, name: str) -> str:
    """One attribute of a figure as short text, for error listings."""
    if name == "qualifier":
        return figure.quantity.qualifier.value
    if name == "locations":
        return "; ".join(figure.locations) or "-"
    if name == "period":
        return (
            f"{figure.period_start or '-'}..{figure.period_end or '-'} ({figure.time_text or ''})"
        )
    value = figure.actor if name == "actor" else figure.source
    return value or "-"


__all__ = [
    "ATTRIBUTES",
    "SOURCE_STOPWORDS",
    "CheckScore",
    "DocResult",
    "EvalReport",
    "GoldDoc",
    "GoldFigure",
    "Normalisers",
    "Tally",
    "attribute_agreement",
    "evaluate_dir",
    "gold_digest",
    "load_gold",
    "locations_agree",
    "locations_closure",
    "match_figures",
    "number_agrees",
    "occurrences",
    "overlap",
    "parse_gold",
    "print_report",
    "same_actor",
    "same_source",
    "score_checks",
    "score_document",
    "source_tokens",
]
