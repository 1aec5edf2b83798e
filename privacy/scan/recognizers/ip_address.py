"""IP_ADDRESS: IPv4 and IPv6 addresses as the ``ipaddress`` module parses them."""

from __future__ import annotations

import ipaddress
import re

from privacy.scan.recognizers.base import Recognizer
from privacy.scan.values import Values

# not after ``/``, ``:`` or a letter, where dotted numbers are versions (``Chrome/53.0.2785.143``)
_FIND = re.compile(
    r"(?<![\w/:.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
    r"|(?<![\w/:.])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])"
)


class IpAddressRecognizer(Recognizer):
    entity = "IP_ADDRESS"
    specificity = 0.9
    value_only = 0.8
    strong = True
    search = _FIND
    #: the middle of ``d.d.d.d`` or of ``h:h:h``
    screen = re.compile(r"\.\d{1,3}\.|:[0-9a-fA-F]{1,4}:")

    def match(self, text: str) -> bool:
        if not ("." in text or ":" in text) or len(text) > 45:
            return False
        host = text.split("/")[0] if text.count("/") == 1 else text
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return False
        return True

    def applies(self, values: Values) -> bool:
        return values.feature("digit") >= 0.5 and values.avg_len <= 45
