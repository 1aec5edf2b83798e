"""CREDIT_CARD_CVV: three or four digits. Only the column name can say so."""

from __future__ import annotations

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer


class CvvRecognizer(Recognizer):
    entity = "CREDIT_CARD_CVV"
    kinds = TEXT | INTEGERS
    specificity = 0.1

    def match(self, text: str) -> bool:
        return text.isdigit() and 1 <= len(text) <= 4
