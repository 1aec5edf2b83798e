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
    """A listed name starts or ends one of the token's letter runs: the whole run (4+
    letters), or a piece of 5+ letters (``kschwartz`` ends with ``schwartz``)."""
    first, last = name_lists()
    for part in re.sub(r"[^a-z]", " ", token).split():
        n = len(part)
        if n >= 4 and (part in first or part in last):
            return True
        for size in range(min(n - 1, 12), 4, -1):
            for piece in (part[:size], part[n - size :]):
                if piece in first or piece in last:
                    return True
    return False


def _separators(text: str) -> int:
    return sum(text.count(ch) for ch in "._-")


class UsernameRecognizer(Recognizer):
    entity = "USERNAME"
    specificity = 0.65
    value_only = 0.7

    def match(self, text: str) -> bool:
        if "@" in text or not _LOWER_HANDLE.fullmatch(text) or _separators(text) > 1:
            return False
        return _contains_name(text)

    def plausible(self, text: str) -> bool:
        # ``classic-leather-jacket`` is a URL slug (Shopify calls it a "handle"), not a login
        return _HANDLE.fullmatch(text) is not None and text.count("-") < 2

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
