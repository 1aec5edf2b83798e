"""URL: ``scheme://...`` or ``www.`` addresses. A bare domain (``example.com``) is not one: most
such columns name companies' sites, not people's."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Recognizer

_URL = re.compile(r"(?:https?|ftp)://[^\s/$.?#][^\s]*|www\.[^\s/]+\.[^\s]{2,}", re.IGNORECASE)


class UrlRecognizer(Recognizer):
    entity = "URL"
    specificity = 0.6
    value_only = 0.9

    def match(self, text: str) -> bool:
        return " " not in text and _URL.fullmatch(text) is not None

    def plausible(self, text: str) -> bool:
        return " " not in text and "." in text and len(text) >= 4
