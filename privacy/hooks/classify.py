"""The guard's door to the scanner: classify one column from its name, type and sampled values.

Kept to one function so the guard depends on one scanner API,
:func:`privacy.scan.classifier.classify`. Any failure inside the classifier becomes a
:class:`ClassificationError` that names the column and the exception type only: recognizer
errors can quote the value they choked on, and values never reach a message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from privacy.errors import PrivacyError
from privacy.sources.base import ColumnInfo, ColumnKind

if TYPE_CHECKING:
    from privacy.scan.nlp import NerTier


class ClassificationError(PrivacyError):
    """A column's sample could not be classified; the batch is not let through."""


@dataclass(frozen=True)
class Proposal:
    """What the scanner says a column holds. ``entity`` None: no personal data found."""

    entity: str | None
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    free_text: bool = False


#: (column name, logical type, table, sampled values) -> Proposal
Classifier = Callable[[str, ColumnKind, str, Sequence[Any]], Proposal]


def scanner_classifier(ner: NerTier | None = None) -> Classifier:
    """The scanner's classifier (name + values; NER for free text when ``ner`` is given)."""

    def classify(name: str, kind: ColumnKind, table: str, values: Sequence[Any]) -> Proposal:
        from privacy.scan.classifier import classify as scan_classify

        c = scan_classify(ColumnInfo(name, kind), values, table=table, ner=ner)
        return Proposal(c.entity, c.confidence, tuple(c.evidence), c.free_text)

    return classify


def run(
    classifier: Classifier, dataset: str, name: str, kind: ColumnKind, table: str, values: Any
) -> Proposal:
    try:
        return classifier(name, kind, table, values)
    except PrivacyError:
        raise
    except Exception as e:
        raise ClassificationError(
            f"{dataset}: column {name} could not be classified ({type(e).__name__}); "
            "the batch was not let through",
            hint="report this as a bug with the column's type; meanwhile tag the column "
            "(`privacy tag set SOURCE.TABLE.COLUMN ENTITY`) so it needs no classification",
        ) from None
