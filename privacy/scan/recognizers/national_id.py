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

#: stdnum module -> the lengths its numbers have once separators are removed (a value is only
#: offered to the validators of its length: five instead of forty checks)
VALIDATORS: dict[str, tuple[int, ...]] = {
    "dk.cpr": (10,), "se.personnummer": (10, 11, 12, 13), "no.fodselsnummer": (11,),
    "fi.hetu": (11,), "is_.kennitala": (10,), "pl.pesel": (11,), "cz.rc": (9, 10),
    "sk.rc": (9, 10), "ee.ik": (11,), "es.dni": (9,), "es.nie": (9,),
    "it.codicefiscale": (16,), "fr.nir": (15,), "nl.bsn": (8, 9), "be.nn": (11,),
    "pt.nif": (9,), "de.idnr": (11,), "ch.ssn": (13,), "br.cpf": (11,), "cn.ric": (18,),
    "in_.aadhaar": (12,), "za.idnr": (13,), "tr.tckimlik": (11,), "ro.cnp": (13,),
    "bg.egn": (10,), "hr.oib": (11,), "gr.amka": (11,), "il.idnr": (8, 9), "mx.curp": (18,),
    "cl.rut": (8, 9), "ca.sin": (9,), "ie.pps": (8, 9), "lt.asmens": (11,), "lv.pvn": (11,),
    "si.emso": (13,), "ec.ci": (10,), "my.nric": (12,), "id.nik": (16,), "au.tfn": (8, 9),
}  # fmt: skip

_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./+-]{6,22}[A-Za-z0-9]")
_DECORATED = re.compile(r".*[ ./-].*|.*[A-Za-z].*")
_SEPARATORS = re.compile(r"[ ./+-]")


@lru_cache(maxsize=1)
def _by_length() -> dict[int, list[ModuleType]]:
    out: dict[int, list[ModuleType]] = {}
    for name, lengths in VALIDATORS.items():
        try:
            mod = importlib.import_module(f"stdnum.{name}")
        except ImportError:  # an older python-stdnum without this country
            continue
        for n in lengths:
            out.setdefault(n, []).append(mod)
    return out


@lru_cache(maxsize=8192)
def valid_national_id(text: str) -> bool:
    if not _SHAPE.fullmatch(text):
        return False
    compact = _SEPARATORS.sub("", text)
    if sum(ch.isalpha() for ch in compact) > 10 or sum(ch.isdigit() for ch in compact) < 6:
        return False
    mods = _by_length().get(len(compact), [])
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


class NationalIdRecognizer(Recognizer):
    entity = "NATIONAL_ID"
    kinds = TEXT | INTEGERS
    specificity = 0.8
    value_only = 0.75
    checksum = "stdnum"
    cap = 300  # several validators a value: a share over 300 values is close enough

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
