"""MAC_ADDRESS: six hexadecimal octets (``00:1A:2B:3C:4D:5E``, ``001a.2b3c.4d5e``)."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Recognizer

_MAC = re.compile(
    r"[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|(?:[0-9A-Fa-f]{4}\.){2}[0-9A-Fa-f]{4}"
)


class MacAddressRecognizer(Recognizer):
    entity = "MAC_ADDRESS"
    specificity = 0.95
    value_only = 0.8
    strong = True
    search = re.compile(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b")
    screen = re.compile(r"[:-][0-9A-Fa-f]{2}[:-]")

    def match(self, text: str) -> bool:
        return len(text) in (14, 17) and _MAC.fullmatch(text) is not None
