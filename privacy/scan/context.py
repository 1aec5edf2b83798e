"""The table as context: bare digits in a table of people whose columns are not named.

A legacy extract (``field_1``..``field_14``), a headerless CSV (``col_3``) or an ERP's cryptic
field names (``PSTLZ``) give no name to a column of bare numbers, and bare numbers alone are
ids as often as phones, postcodes or social security numbers, so the classifier leaves them.
Once the table's other columns show it is a table of people (names, street addresses, emails,
birth dates found by their values), a column of such numbers is judged by its shape, strictly:

- **PHONE_NUMBER**: nine in ten of the numbers are ten digits shaped as the North American
  plan's (an area code not starting with 0 or 1; exchanges are not checked, as test data and
  many systems do not keep to them), or eleven with the ``1`` trunk prefix, and they differ
  row by row (zeros and repeated digits are placeholders, not counted); sequential ids start
  with 1 and fail. In an integer column, numbers that lost their leading zero (a national
  trunk prefix, ``0301234567`` read as ``301234567``) count too, as long as most have ten
  digits;
- **US_SSN**: nine in ten are nine digits (an integer column may have lost leading zeros) valid
  by the SSA's rules, differing row by row and spread over many area numbers (a sequence of
  employee numbers is not);
- **POSTAL_CODE**: nine in ten have the column's one length of four to six digits, few are
  round (amounts are) or years, and the column stands next to a city or street-address
  column, or next to a column of state codes that does, as address blocks run (street, city,
  state, code).

Nothing here runs for a column whose name says anything: a name that says "amount" or "id" is
believed, and one that names an entity was already weighed by the classifier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from privacy.scan.classifier import Classification
from privacy.scan.headers import analyze
from privacy.scan.recognizers.postal_code import fixed_length_share
from privacy.scan.text import split_identifier, wordset
from privacy.scan.values import Values, prepare
from privacy.sources.base import ColumnInfo, ColumnKind

#: entities whose columns show a table holds people
_PEOPLE = frozenset(
    {"PERSON", "FIRST_NAME", "LAST_NAME", "STREET_ADDRESS", "EMAIL_ADDRESS", "DATE_OF_BIRTH"}
)
_ADDRESS_BLOCK = frozenset({"LOCATION", "STREET_ADDRESS"})
#: state and province codes of the countries whose addresses put them before the postcode
_REGIONS = wordset(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR AB BC MB NB NL NS NT
    NU ON PE QC SK YT NSW VIC QLD TAS ACT"""
)
_NANP = re.compile(r"1?[2-9]\d{9}")
_CONFIDENCE = 0.6
_SHARE = 0.9


def people_table(results: Sequence[Classification]) -> bool:
    """Two or more kinds of a person's data found in the table."""
    return len({r.entity for r in results if r.entity in _PEOPLE}) >= 2


#: endings of a word that make a name a number of something (``kundennr``, ``memberno``)
_NUMBER_ENDINGS = ("nr", "no", "num", "nummer", "number", "numero", "id", "code", "key", "ref")


def _unnamed(column: ColumnInfo) -> bool:
    """The name says nothing: no entity, not "not personal", not a number of something."""
    sig = analyze(column.name)
    if sig.entity is not None or sig.non_pii:
        return False
    return not any(
        w.endswith(_NUMBER_ENDINGS) and not w.isdigit() for w in split_identifier(column.name)
    )


def _placeholder(text: str) -> bool:
    return len(set(text)) == 1  # 0, 0000000000, 9999999999


def _share(values: Values, pred: Any) -> tuple[float, int]:
    """Share of the non-placeholder rows passing ``pred``, and how many distinct values."""
    seen = hit = distinct = 0
    for t, c in zip(values.texts, values.counts, strict=True):
        if _placeholder(t):
            continue
        seen += c
        distinct += 1
        if pred(t):
            hit += c
    return (hit / seen if seen else 0.0), distinct


def _varied(values: Values, distinct: int) -> bool:
    rows = values.total * (1 - values.share(_placeholder, key="context:placeholder"))
    return distinct >= 20 and distinct >= 0.8 * rows


def _ssn(text: str) -> bool:
    if not (7 <= len(text) <= 9 and text.isdigit()):
        return False
    t = text.zfill(9)
    area, group, serial = int(t[:3]), int(t[3:5]), int(t[5:])
    return area not in (0, 666) and area < 900 and group > 0 and serial > 0


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _judge(values: Values, near_address: bool) -> tuple[str, str] | None:
    if values.feature("digits_only") < _SHARE:
        return None
    integer = values.kind != ColumnKind.STRING
    phones, distinct = _share(
        values, lambda t: _NANP.fullmatch(t) is not None or (integer and len(t) == 9)
    )
    ten = values.share(lambda t: len(t) == 10, key="context:ten")
    if phones >= _SHARE and ten >= 0.5 and _varied(values, distinct):
        return "PHONE_NUMBER", f"values:{phones:.2f} ten-digit numbers"
    nine = values.share(lambda t: len(t) == 9)
    ssns, distinct = _share(values, _ssn)
    if ssns >= _SHARE and nine >= 0.8 and _varied(values, distinct):
        areas = {t.zfill(9)[:3] for t in values.texts if _ssn(t)}
        if len(areas) >= 30:
            return "US_SSN", f"values:{ssns:.2f} nine-digit numbers, {len(areas)} areas"
    if near_address:
        fixed = fixed_length_share(values)
        round_ = values.share(lambda t: t.endswith("00"), key="context:round")
        years = values.share(_year, key="context:years")
        if fixed >= _SHARE and values.distinct >= 20 and round_ < 0.2 and years < 0.5:
            return "POSTAL_CODE", f"values:{fixed:.2f} fixed-length digits"
    return None


def _regions(column: ColumnInfo, data: Any) -> bool:
    """A column of state or province codes."""
    if hasattr(data, "column_names"):
        raw = data.column(column.name).to_pylist() if column.name in data.column_names else []
    else:
        raw = data.get(column.name, [])
    cells = [str(v).strip().upper() for v in raw[:200] if v not in (None, "")]
    return bool(cells) and sum(c in _REGIONS for c in cells) >= 0.9 * len(cells)


def _in_address_block(
    i: int, columns: Sequence[ColumnInfo], data: Any, results: Sequence[Classification]
) -> bool:
    """Column ``i`` stands next to a city or street column, or next to a column of state codes
    that itself stands next to one."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(columns):
            continue
        if results[j].entity in _ADDRESS_BLOCK:
            return True
        k = j + (j - i)  # the column beyond the neighbour
        if (
            0 <= k < len(columns)
            and results[k].entity in _ADDRESS_BLOCK
            and results[j].entity is None
            and _regions(columns[j], data)
        ):
            return True
    return False


def revisit(
    columns: Sequence[ColumnInfo], data: Any, results: list[Classification]
) -> list[Classification]:
    """``results`` with bare-digit columns of a table of people judged by their shape."""
    if not people_table(results):
        return results
    out = list(results)
    for i, (col, res) in enumerate(zip(columns, results, strict=True)):
        if res.entity is not None or col.kind not in _DIGIT_KINDS or not _unnamed(col):
            continue
        if hasattr(data, "column_names"):
            raw = data.column(col.name) if col.name in data.column_names else []
        else:
            raw = data.get(col.name, [])
        values = prepare(raw, col.kind)
        if values.empty:
            continue
        found = _judge(values, _in_address_block(i, columns, data, results))
        if found is not None:
            entity, why = found
            ev = (*res.evidence, why, "table:holds people")
            out[i] = Classification(entity, _CONFIDENCE, ev)
    return out


_DIGIT_KINDS = frozenset(
    {ColumnKind.INTEGER, ColumnKind.DECIMAL, ColumnKind.FLOAT, ColumnKind.STRING}
)
