r"""USERNAME: a login handle, one token of letters, digits and ``._-@``.

With a column name (``username``, ``login``, ``handle``, ``benutzername``...) any handle-shaped
value is plausible, and so is a list of handles (``jdoe, k.smith`` in a ``watchers`` column).
Without one, a column decides only when most values look *derived from a person's name*: one
lower-case token that contains a listed given name or surname of four or more letters
(``kschwartz``, ``malin38``, ``anna.k``) while not being just a name (that is a
FIRST_NAME/LAST_NAME column), in a column of varied values (mostly distinct, or fifty and more
distinct: one user writes many posts). A Windows account
(``CORP\jdoe``, ``DOMAIN\user``) and a social network's ``@handle`` (a column of varied
``@name_123``) are usernames by their shape alone.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.recognizers.person_name import name_lists
from privacy.scan.text import fold
from privacy.scan.values import Values

_HANDLE = re.compile(r"@?[\w][\w.\-@+]{1,63}", re.UNICODE)
_LOWER_HANDLE = re.compile(r"[a-z][a-z0-9._\-]{2,23}")
#: ``DOMAIN\user``: a Windows (NetBIOS) domain, a backslash, an account name
_DOMAIN_USER = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,30}\\[\w][\w.\-$]{0,63}")
_LIST = re.compile(r"\s*[,;]\s*")
#: ``@name`` as social networks write handles (not ``@example.com``: a domain)
_AT_HANDLE = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_DOMAIN_END = re.compile(r".*\.(?:com|net|org|io|co|de|fr|uk|es|it|nl|info|biz)")


def at_handle(text: str) -> bool:
    return _AT_HANDLE.fullmatch(text) is not None and _DOMAIN_END.fullmatch(text) is None


_ACCOUNTISH = re.compile(r"[\d._\\-]")


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
        if "\\" in text:
            return _DOMAIN_USER.fullmatch(text) is not None
        if "@" in text or not _LOWER_HANDLE.fullmatch(text) or _separators(text) > 1:
            return False
        return _contains_name(text)

    def _named_match(self, text: str) -> bool:
        """With the column's name: any case, and lists of handles."""
        parts = _LIST.split(text) if ("," in text or ";" in text) else [text]
        return all(p and (at_handle(p) or self.match(p if "\\" in p else p.lower())) for p in parts)

    def plausible(self, text: str) -> bool:
        if "," in text or ";" in text:
            return all(p and self._one_plausible(p) for p in _LIST.split(text))
        return self._one_plausible(text)

    @staticmethod
    def _one_plausible(text: str) -> bool:
        # ``classic-leather-jacket`` is a URL slug (Shopify calls it a "handle"), not a login
        if "\\" in text:
            return _DOMAIN_USER.fullmatch(text) is not None
        return _HANDLE.fullmatch(text) is not None and text.count("-") < 2

    def applies(self, values: Values) -> bool:
        return (
            values.feature("space") <= 0.05
            and (values.feature("at") <= 0.05 or self._at_handles(values) >= 0.7)
            and values.avg_len <= 40
            and (values.distinct >= 20 or self._domain_accounts(values) >= 0.7)
        )

    @staticmethod
    def _domain_accounts(values: Values) -> float:
        return values.share(lambda t: _DOMAIN_USER.fullmatch(t) is not None, key="user:domain")

    @staticmethod
    def _at_handles(values: Values) -> float:
        return values.share(at_handle, key="user:at-handle")

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        if named:
            if values.distinct <= 5 and values.total >= 30:
                # a handful of values over many rows: plain words are a category
                # (``cellular``, ``landline``); accounts show digits, dots or a domain
                rate = values.share(
                    lambda t: self._named_match(t) and _ACCOUNTISH.search(t) is not None
                )
                return Hit(self.entity, rate, rate, self.specificity, rate >= 0.7)
            rate = values.share(self._named_match, key="username:named")
            plaus = max(rate, values.share(self.plausible, key="username:plausible"))
            return Hit(self.entity, rate, plaus, self.specificity, rate >= 0.7)
        hit = super().evaluate(values, named=named)
        if self._domain_accounts(values) >= 0.7:
            return Hit(self.entity, hit.rate, hit.plausible, 0.85, True)
        handles = self._at_handles(values)
        if handles >= 0.7:
            varied = values.distinct_ratio >= 0.8 or values.distinct >= 50
            return Hit(self.entity, handles, handles, 0.8, varied)
        if not hit.decisive:
            return hit
        first, last = name_lists()
        plain_names = values.share(
            lambda t: fold(t) in first or fold(t) in last, key="username:plain-names"
        )
        # one user posts many times: a handle column repeats, but not as a category does
        varied = values.distinct_ratio >= 0.8 or values.distinct >= 50
        decisive = varied and plain_names <= 0.5
        return Hit(self.entity, hit.rate, hit.plausible, hit.specificity, decisive)
