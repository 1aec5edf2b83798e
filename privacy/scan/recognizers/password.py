"""PASSWORD: credentials. Password *hashes* have telling formats (bcrypt ``$2b$12$...``,
Argon2 ``$argon2id$...``, PBKDF2, crypt ``$6$...``) that decide alone; anything else needs the
column's name (``password``, ``passwd``, ``pwd``, ``passwort``, ``mot_de_passe``...)."""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import Hit, Recognizer
from privacy.scan.values import Values

_HASHED = re.compile(
    r"\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}"
    r"|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+"
    r"|pbkdf2_sha\d+\$\d+\$[^$]+\$[A-Za-z0-9+/=]+"
    r"|\$(?:1|5|6|y|gy|7)\$(?:rounds=\d+\$)?[^$\s]{1,64}\$[./A-Za-z0-9]{16,}"
    r"|\{(?:SSHA|SHA|SMD5|CRYPT)\}[A-Za-z0-9+/=.$]+"
)


class PasswordRecognizer(Recognizer):
    entity = "PASSWORD"
    specificity = 0.95
    value_only = 0.8
    strong = True

    def match(self, text: str) -> bool:
        return _HASHED.fullmatch(text) is not None

    def plausible(self, text: str) -> bool:
        return 3 <= len(text) <= 256 and text.count(" ") <= 2

    def applies(self, values: Values) -> bool:
        return values.feature("space") <= 0.1

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = super().evaluate(values, named=named)
        notes = (f"values:{hit.rate:.2f} password-hash",) if hit.rate > 0 else ()
        return Hit(self.entity, hit.rate, hit.plausible, self.specificity, hit.decisive,
                   True, notes)  # fmt: skip
