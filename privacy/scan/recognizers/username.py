"""USERNAME: a login handle, one token of letters, digits and ``._-@``. Codes and ids look the
same, so only the column's name can say so."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Recognizer

_HANDLE = re.compile(r"@?[\w][\w.\-@+]{1,63}", re.UNICODE)


class UsernameRecognizer(Recognizer):
    entity = "USERNAME"
    specificity = 0.2

    def match(self, text: str) -> bool:
        return _HANDLE.fullmatch(text) is not None
