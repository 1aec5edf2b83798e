"""NATIONAL_ID: personal identity and tax numbers of many countries, each checked by its
``python-stdnum`` validator (check digits and, where the number embeds one, the birth date):
Danish CPR, Swedish personnummer, Norwegian fødselsnummer, Finnish HETU, Icelandic kennitala,
Polish PESEL, Czech/Slovak rodné číslo, Estonian isikukood, Spanish DNI/NIE, Italian codice
fiscale, French NIR, Dutch BSN, Belgian national number, Portuguese NIF, German IdNr, Swiss AHV,
Brazilian CPF, Chinese RIC, Indian Aadhaar, South African
ID, Turkish T.C. Kimlik, Romanian CNP, Bulgarian EGN, Croatian OIB, Greek AMKA, Israeli ID,
Mexican CURP, Chilean RUT, Canadian SIN, Irish PPS.

A value counts when any validator accepts it (a column may mix countries); to keep random
numbers from passing some check by chance, only separated or lettered forms
(``090385-1854``, ``220.424.970-02``, ``12345678Z``) can decide without the column's name.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from types import ModuleType

from privacy.scan.recognizers.base import INTEGERS, TEXT, Recognizer
from privacy.scan.recognizers.date_of_birth import parse_date
from privacy.scan.values import Values

VALIDATORS = (
    "dk.cpr", "se.personnummer", "no.fodselsnummer", "fi.hetu", "is_.kennitala", "pl.pesel",
    "cz.rc", "sk.rc", "ee.ik", "es.dni", "es.nie", "it.codicefiscale", "fr.nir", "nl.bsn",
    "be.nn", "pt.nif", "de.idnr", "ch.ssn", "br.cpf", "cn.ric", "in_.aadhaar",
    "za.idnr", "tr.tckimlik", "ro.cnp", "bg.egn", "hr.oib", "gr.amka", "il.idnr", "mx.curp",
    "cl.rut", "ca.sin", "ie.pps", "lt.asmens", "lv.pvn", "si.emso", "ec.ci", "my.nric",
    "id.nik", "au.tfn",
)  # fmt: skip

_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./-]{6,22}[A-Za-z0-9]")
_DECORATED = re.compile(r".*[ ./-].*|.*[A-Za-z].*")


@lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    mods = []
    for name in VALIDATORS:
        try:
            mods.append(importlib.import_module(f"stdnum.{name}"))
        except ImportError:  # an older python-stdnum without this country
            continue
    return tuple(mods)


_SEPARATORS = re.compile(r"[ ./-]")


@lru_cache(maxsize=8192)
def valid_national_id(text: str) -> bool:
    if not _SHAPE.fullmatch(text):
        return False
    compact = _SEPARATORS.sub("", text)
    if not 8 <= len(compact) <= 20 or sum(ch.isalpha() for ch in compact) > 10:
        return False
    if sum(ch.isdigit() for ch in compact) < 6:
        return False
    mods = _order()
    for k, mod in enumerate(mods):
        try:
            ok = mod.is_valid(text)
        except Exception:  # a validator that chokes on a foreign format means "not mine"
            continue
        if ok:
            if k:  # move to front: a column's values mostly share one country
                mods.insert(0, mods.pop(k))
            return True
    return False


_ORDER: list[ModuleType] = []


def _order() -> list[ModuleType]:
    if not _ORDER:
        _ORDER.extend(_modules())
    return _ORDER


class NationalIdRecognizer(Recognizer):
    entity = "NATIONAL_ID"
    kinds = TEXT | INTEGERS
    specificity = 0.8
    value_only = 0.75
    checksum = "stdnum"

    def match(self, text: str) -> bool:
        return (
            _DECORATED.fullmatch(text) is not None
            and parse_date(text) is None  # ``1972-08-31`` passes some date-based checks
            and valid_national_id(text)
        )

    def plausible(self, text: str) -> bool:
        return _SHAPE.fullmatch(text) is not None and sum(ch.isdigit() for ch in text) >= 5

    def applies(self, values: Values) -> bool:
        return values.feature("digit") >= 0.8 and values.avg_len <= 24 and values.kind in TEXT
