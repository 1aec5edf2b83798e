"""NATIONAL_ID: personal identity and tax numbers of many countries, each checked by its
``python-stdnum`` validator (check digits and, where the number embeds one, the birth date):
Danish CPR, Swedish personnummer, Norwegian fødselsnummer, Finnish HETU, Icelandic kennitala,
Polish PESEL, Czech/Slovak rodné číslo, Estonian isikukood, Spanish DNI/NIE, Italian codice
fiscale, French NIR, Dutch BSN, Belgian national number, Portuguese NIF, German IdNr, Swiss AHV,
Brazilian CPF, Chinese RIC, Indian Aadhaar, South African
ID, Turkish T.C. Kimlik, Romanian CNP, Bulgarian EGN, Croatian OIB, Greek AMKA, Israeli ID,
Mexican CURP, Chilean RUT, Canadian SIN, Irish PPS, and the Indian PAN (``ABCPE1234F``: five
letters, the fourth the holder's type, four digits, a letter; a person's PAN is ``P``), whose
header (``pan``) is also a card's "primary account number": the values tell which, and the UK
National Insurance number (``QQ 12 34 56 C``: its letters follow HMRC's allocation rules).

A value counts when any validator accepts it (a column may mix countries); to keep random
numbers from passing some check by chance, separated or lettered forms (``090385-1854``,
``220.424.970-02``, ``12345678Z``) can decide without the column's name, and bare digits only
when nine in ten of them pass *one* country's validator among those that random digits pass
less than once in twenty (:data:`BARE`: a French NIR's mod-97 key, a CPF's two check digits,
a PESEL's date and check digit).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from functools import lru_cache
from types import ModuleType

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
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

#: validators specific enough for bare digits (random digits of that length pass < 5 %)
BARE: dict[str, tuple[int, ...]] = {
    "fr.nir": (15,), "br.cpf": (11,), "pl.pesel": (11,), "tr.tckimlik": (11,),
    "no.fodselsnummer": (11,), "fi.hetu": (11,), "dk.cpr": (10,), "se.personnummer": (10, 12),
    "de.idnr": (11,), "be.nn": (11,), "ee.ik": (11,), "ro.cnp": (13,), "bg.egn": (10,),
    "gr.amka": (11,), "za.idnr": (13,), "ch.ssn": (13,), "cn.ric": (18,), "lt.asmens": (11,),
    "si.emso": (13,), "is_.kennitala": (10,), "cz.rc": (10,), "sk.rc": (10,), "ec.ci": (10,),
}  # fmt: skip
_BARE_SHARE = 0.9

#: Indian PAN: the fourth letter is the holder's type (Person, Company, Hindu undivided
#: family, Firm, Association, Trust, Body of individuals, Local authority, Juridical person,
#: Government)
_PAN = re.compile(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]")
#: UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; O not second; not
#: BG, GB, KN, NK, NT, TN, ZZ), six digits, a suffix A-D
_NINO = re.compile(r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                   r" ?\d{2} ?\d{2} ?\d{2} ?[A-D]")  # fmt: skip
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


@lru_cache(maxsize=1)
def _bare_by_length() -> dict[int, list[tuple[str, ModuleType]]]:
    out: dict[int, list[tuple[str, ModuleType]]] = {}
    for name, lengths in BARE.items():
        try:
            mod = importlib.import_module(f"stdnum.{name}")
        except ImportError:
            continue
        for n in lengths:
            out.setdefault(n, []).append((name, mod))
    return out


def _passes(mod: ModuleType, text: str) -> bool:
    try:
        return bool(mod.is_valid(text))
    except Exception:  # a validator that chokes on a foreign format means "not mine"
        return False


def bare_share(values: Values, cap: int = 300) -> float:
    """The share of rows whose value is bare digits valid for the one country's validator that
    accepts most of them (0 when the first values already rule every validator out)."""
    texts = [(t, c) for t, c in zip(values.texts[:cap], values.counts[:cap], strict=True)]
    seen = sum(c for _, c in texts) or 1
    by_len = _bare_by_length()
    lengths = {len(t) for t, _ in texts[:40] if t.isdigit()}
    best = 0.0
    for n in lengths:
        for _, mod in by_len.get(n, []):
            probe = [(t, c) for t, c in texts[:40] if len(t) == n and t.isdigit()]
            if sum(_passes(mod, t) for t, _ in probe) < 0.8 * len(probe):
                continue
            ok = sum(c for t, c in texts if t.isdigit() and len(t) == n and _passes(mod, t))
            best = max(best, ok / seen)
    return best


class NationalIdRecognizer(Recognizer):
    entity = "NATIONAL_ID"
    kinds = TEXT | INTEGERS
    specificity = 0.8
    value_only = 0.75
    overrides = 0.9
    checksum = "stdnum"
    cap = 300  # several validators a value: a share over 300 values is close enough

    def match(self, text: str) -> bool:
        if (len(text) == 10 and _PAN.fullmatch(text)) or (
            9 <= len(text) <= 13 and _NINO.fullmatch(text.upper())
        ):
            return True
        return (
            8 <= len(text) <= 24  # the length ``_SHAPE`` allows, checked before any regex
            and _DECORATED.fullmatch(text) is not None
            and parse_date(text) is None  # ``1972-08-31`` passes some date-based checks
            and valid_national_id(text)
        )

    def plausible(self, text: str) -> bool:
        return _SHAPE.fullmatch(text) is not None and sum(ch.isdigit() for ch in text) >= 5

    def applies(self, values: Values) -> bool:
        return values.feature("digit") >= 0.8 and 8 <= values.avg_len <= 24

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        hit = replace(super().evaluate(values, named=named), strong=True)  # check digits
        if hit.decisive or values.feature("digits_only") < _BARE_SHARE:
            return hit
        bare = bare_share(values)
        if bare <= hit.rate:
            return hit
        return replace(
            hit,
            rate=bare,
            plausible=max(hit.plausible, bare),
            decisive=bare >= _BARE_SHARE and values.distinct >= 20,
            notes=(f"checksum:{self.checksum} {bare:.2f}",),
        )
