# ruff: noqa: E501
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Identifier makers with the check digits real ones carry (the tables must look real)."""

from __future__ import annotations

import random
import string

_VIN_MAP = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_WMI = ["1HG", "1FT", "1G1", "2T1", "3VW", "4T1", "5YJ", "JTD", "JHM", "KMH", "WBA", "WVW", "1C4"]


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def vin(rng: random.Random) -> str:
    year = rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
    chars = list(rng.choice(_WMI) + "".join(rng.choice(_VIN_CHARS) for _ in range(5)))
    chars += ["0", year, rng.choice(_VIN_CHARS)] + [str(rng.randint(0, 9)) for _ in range(6)]
    total = sum(_VIN_MAP[c] * w for c, w in zip(chars, _VIN_WEIGHTS, strict=True))
    check = total % 11
    chars[8] = "X" if check == 10 else str(check)
    return "".join(chars)


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "35"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
    return body + luhn_digit(body)


def npi(rng: random.Random) -> str:
    body = rng.choice("12") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_digit("80840" + body)


def dea(rng: random.Random, last_name: str) -> str:
    digits = [rng.randint(0, 9) for _ in range(6)]
    check = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    first = rng.choice("ABFGM")
    return first + (last_name[:1].upper() or "X") + "".join(map(str, digits)) + str(check)


_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]
_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar(rng: random.Random) -> str:
    body = str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(10))
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _D[c][_P[(i + 1) % 8][int(ch)]]
    return body + str(_INV[c])


def pan(rng: random.Random, surname: str) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    return f"{letters}P{(surname[:1] or 'K').upper()}{rng.randint(0, 9999):04d}{rng.choice(string.ascii_uppercase)}"


def ifsc(rng: random.Random) -> str:
    bank = rng.choice(["SBIN", "HDFC", "ICIC", "UTIB", "PUNB", "KKBK", "BARB", "CNRB"])
    return f"{bank}0{rng.randint(0, 999999):06d}"


def za_id(rng: random.Random, born: object, female: bool) -> str:
    yymmdd = born.strftime("%y%m%d")  # type: ignore[attr-defined]
    seq = rng.randint(0, 4999) if female else rng.randint(5000, 9999)
    body = f"{yymmdd}{seq:04d}{rng.choice('0001')}8"
    return body + luhn_digit(body)


def steuer_id(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(9)]
        counts = [digits.count(d) for d in set(digits)]
        if sorted(counts, reverse=True)[0] in (2, 3) and counts.count(1) >= 7:
            break
    product = 10
    for d in digits:
        s = (d + product) % 10 or 10
        product = (s * 2) % 11
    check = (11 - product) % 10
    return "".join(map(str, digits)) + str(check)


def de_svnr(rng: random.Random, born: object, surname: str) -> str:
    area = f"{rng.choice([12, 13, 15, 18, 24, 25, 28, 38, 40, 53, 65])}"
    dob = born.strftime("%d%m%y")  # type: ignore[attr-defined]
    letter = surname[:1].upper() if surname[:1].upper() in string.ascii_uppercase else "M"
    serial = f"{rng.randint(0, 49):02d}" if rng.random() < 0.5 else f"{rng.randint(50, 99):02d}"
    num = area + dob + f"{ord(letter) - 64:02d}" + serial
    weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1]
    total = sum(sum(divmod(int(c) * w, 10)) for c, w in zip(num, weights, strict=True))
    return f"{area} {dob} {letter} {serial}{total % 10}"


def dl_number(rng: random.Random, state: str) -> str:
    r = rng
    if state == "CA":
        return r.choice(string.ascii_uppercase) + f"{r.randint(0, 9999999):07d}"
    if state == "NY":
        return f"{r.randint(100000000, 999999999)}"
    if state == "TX":
        return f"{r.randint(10000000, 49999999)}"
    if state == "FL":
        return f"{r.choice(string.ascii_uppercase)}{r.randint(100, 999)}-{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(100, 999)}-{r.randint(0, 9)}"
    if state == "IL":
        return f"{r.choice(string.ascii_uppercase)}{r.randint(100, 999)}-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"
    if state == "WA":
        return "WDL" + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(9))
    if state == "PA":
        return f"{r.randint(10000000, 99999999)}"
    return r.choice(string.ascii_uppercase) + f"{r.randint(0, 999999999999):012d}"


def us_passport(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice("ACEFGH") + f"{rng.randint(0, 99999999):08d}"
    return f"{rng.randint(100000000, 999999999)}"


def foreign_passport(rng: random.Random, country: str) -> str:
    if country == "GBR":
        return f"{rng.randint(100000000, 999999999)}"
    if country == "DEU":
        return "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if country == "FRA":
        return f"{rng.randint(10, 99)}{rng.choice(string.ascii_uppercase)}{rng.choice(string.ascii_uppercase)}{rng.randint(10000, 99999)}"
    if country == "IND":
        return rng.choice("JKLMNPRSTUVWZ") + f"{rng.randint(1000000, 9999999)}"
    return (
        rng.choice(string.ascii_uppercase)
        + rng.choice(string.ascii_uppercase)
        + f"{rng.randint(1000000, 9999999)}"
    )


def imsi(rng: random.Random) -> str:
    return rng.choice(["23415", "23410", "23420", "23430"]) + f"{rng.randint(0, 9999999999):010d}"


def ean13(rng: random.Random) -> str:
    body = rng.choice(["400", "500", "590", "761", "871"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(9)
    )
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def isin(prefix_country: str, nsin: str) -> str:
    raw = prefix_country + nsin
    digits = "".join(str(int(c, 36)) for c in raw)
    return raw + luhn_digit(digits)
