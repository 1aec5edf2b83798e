"""USERNAME: a login handle, one token of letters, digits and ``._-@``.

With a column name (``username``, ``login``, ``handle``, ``benutzername``...) any handle-shaped
value is plausible. Without one, a column decides only when most values look *derived from a
person's name*: one lower-case token that contains a listed given name or surname of four or
more letters (``kschwartz``, ``malin38``, ``anna.k``) while not being just a name (that is a
FIRST_NAME/LAST_NAME column), in a column of mostly distinct values.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.recognizers.person_name import name_lists
from privacy.scan.text import fold
from privacy.scan.values import Values

_HANDLE = re.compile(r"@?[\w][\w.\-@+]{1,63}", re.UNICODE)
_LOWER_HANDLE = re.compile(r"[a-z][a-z0-9._\-]{2,23}")


def _contains_name(token: str) -> bool:
    first, last = name_lists()
    letters = re.sub(r"[^a-z]", " ", token).split()
    for part in letters:
        n = len(part)
        for size in range(min(n, 10), 3, -1):
            for i in range(n - size + 1):
                piece = part[i : i + size]
                if piece in first or piece in last:
                    return True
    return False


class UsernameRecognizer(Recognizer):
    entity = "USERNAME"
    specificity = 0.65
    value_only = 0.7

    def match(self, text: str) -> bool:
        if "@" in text or not _LOWER_HANDLE.fullmatch(text):
            return False
        return _contains_name(text)

    def plausible(self, text: str) -> bool:
        return _HANDLE.fullmatch(text) is not None

    def applies(self, values: Values) -> bool:
        return (
            values.feature("space") <= 0.05
            and values.feature("at") <= 0.05
            and values.avg_len <= 20
            and values.distinct >= 20
        )

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        if named or not hit.decisive:
            return hit
        first, last = name_lists()
        plain_names = values.share(
            lambda t: fold(t) in first or fold(t) in last, key="username:plain-names"
        )
        decisive = values.distinct_ratio >= 0.8 and plain_names <= 0.5
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)
