"""National and other identifiers with their real check digits, so a validator can accept them."""

from __future__ import annotations

import hashlib
import random
import string


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


def steuer_id(rng: random.Random) -> str:
    """German tax id: 11 digits, one digit of the first ten repeated, ISO 7064 MOD 11,10 check."""
    while True:
        digits = rng.sample(range(10), 9)
        if digits[0] == 0:
            continue
        dup = rng.choice(digits[1:])
        pos = rng.randint(1, 9)
        body = [*digits[:pos], dup, *digits[pos:]]
        if body[0] == 0:
            continue
        product = 10
        for d in body:
            s = (d + product) % 10 or 10
            product = (s * 2) % 11
        check = (11 - product) % 10
        return "".join(map(str, body)) + str(check)


def nir(rng: random.Random, male: bool, year: int, month: int) -> str:
    """French NIR (numéro de sécurité sociale): 13 digits and a 97-key."""
    dept = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20])
    body = (
        f"{1 if male else 2}{year % 100:02d}{month:02d}{dept}"
        f"{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    )
    key = 97 - int(body) % 97
    return f"{body}{key:02d}"


_CF_ODD = {
    **dict(zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True)),
    **dict(
        zip(
            string.ascii_uppercase,
            [
                1,
                0,
                5,
                7,
                9,
                13,
                15,
                17,
                19,
                21,
                2,
                4,
                18,
                20,
                11,
                3,
                6,
                8,
                12,
                14,
                16,
                10,
                22,
                25,
                24,
                23,
            ],
            strict=True,
        )
    ),
}


def _cf_even(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A")


def _cf_part(s: str, first_name: bool) -> str:
    s = "".join(c for c in s.upper() if c.isalpha())
    cons = [c for c in s if c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if first_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return ("".join(cons + vows) + "XXX")[:3]


def codice_fiscale(
    rng: random.Random, last: str, first: str, male: bool, y: int, m: int, d: int
) -> str:
    """Italian tax code with the real month letters and check character."""
    body = (
        _cf_part(last, False)
        + _cf_part(first, True)
        + f"{y % 100:02d}"
        + "ABCDEHLMPRST"[m - 1]
        + f"{d + (0 if male else 40):02d}"
        + rng.choice("ABCDEFGHILM")
        + f"{rng.randint(1, 999):03d}"
    )
    total = sum(_CF_ODD[c] if i % 2 == 0 else _cf_even(c) for i, c in enumerate(body))
    return body + chr(ord("A") + total % 26)


def bsn(rng: random.Random) -> str:
    """Dutch citizen service number: 9 digits passing the 11-test."""
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        s = sum(x * w for x, w in zip(d, range(9, 1, -1), strict=True))
        last = s % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)


def pesel(rng: random.Random, y: int, m: int, d: int, male: bool) -> str:
    mm = m + (20 if y >= 2000 else 0)
    serial = f"{rng.randint(0, 999):03d}"
    sex = rng.choice("13579" if male else "02468")
    body = f"{y % 100:02d}{mm:02d}{d:02d}{serial}{sex}"
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    s = sum(int(c) * k for c, k in zip(body, w, strict=True))
    return body + str((10 - s % 10) % 10)


def my_number(rng: random.Random) -> str:
    """Japanese individual number: 11 digits and a mod-11 check digit."""
    body = [rng.randint(0, 9) for _ in range(11)]
    s = 0
    for n in range(1, 12):
        p = body[11 - n]
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    check = 0 if r <= 1 else 11 - r
    return "".join(map(str, body)) + str(check)


def rrn(rng: random.Random, y: int, m: int, d: int, male: bool) -> str:
    """Korean resident registration number YYMMDD-SXXXXXC with its check digit."""
    s = (1 if male else 2) if y < 2000 else (3 if male else 4)
    body = f"{y % 100:02d}{m:02d}{d:02d}{s}{rng.randint(0, 95):02d}{rng.randint(0, 999):03d}"
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    t = sum(int(c) * k for c, k in zip(body, w, strict=True))
    c = (11 - t % 11) % 10
    return f"{body[:6]}-{body[6:]}{c}"


def personnummer(rng: random.Random, y: int, m: int, d: int, male: bool, long: bool) -> str:
    serial = f"{rng.randint(0, 99):02d}{rng.choice('13579' if male else '02468')}"
    body = f"{y % 100:02d}{m:02d}{d:02d}{serial}"
    c = luhn_digit(body)
    sep = "-" if y > 1926 else "+"
    return f"{y}{m:02d}{d:02d}-{serial}{c}" if long else f"{body[:6]}{sep}{serial}{c}"


def sin_ca(rng: random.Random) -> str:
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + "".join(
        str(rng.randint(0, 9)) for _ in range(7)
    )
    return body + luhn_digit(body)


def tfn(rng: random.Random) -> str:
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        d = [rng.randint(0, 9) for _ in range(8)]
        if d[0] == 0:
            continue
        s = sum(x * k for x, k in zip(d, w[:8], strict=True))
        for last in range(10):
            if (s + last * w[8]) % 11 == 0:
                return "".join(map(str, d)) + str(last)


def medicare_au(rng: random.Random) -> str:
    """Australian Medicare card number: 8 digits, check digit, issue number, then IRN."""
    d = [rng.randint(2, 6)] + [rng.randint(0, 9) for _ in range(7)]
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    c = sum(x * k for x, k in zip(d, w, strict=True)) % 10
    return "".join(map(str, d)) + str(c) + str(rng.randint(1, 9))


def nino(rng: random.Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = rng.choice(first) + rng.choice(second)
        if p not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    return p + "".join(str(rng.randint(0, 9)) for _ in range(6)) + rng.choice("ABCD")


def nhs_number(rng: random.Random) -> str:
    while True:
        d = [rng.randint(0, 9) for _ in range(9)]
        s = sum(x * w for x, w in zip(d, range(10, 1, -1), strict=True))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c != 10:
            return "".join(map(str, d)) + str(c)


def npi(rng: random.Random) -> str:
    body = str(rng.choice([1, 2])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return body + luhn_digit("80840" + body)


_VIN_VAL = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(rng: random.Random) -> str:
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    wmi = rng.choice(["1FT", "1G1", "2HG", "3VW", "5YJ", "JTD", "WBA", "WDD", "KMH", "1C4"])
    rest = "".join(rng.choice(chars) for _ in range(5))
    year = rng.choice("GHJKLMNPRS")
    tail = rng.choice(chars) + "".join(str(rng.randint(0, 9)) for _ in range(6))
    v = wmi + rest + "0" + year + tail
    s = sum(_VIN_VAL[c] * w for c, w in zip(v, _VIN_W, strict=True))
    c = s % 11
    return v[:8] + ("X" if c == 10 else str(c)) + v[9:]


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def btc_address(rng: random.Random) -> str:
    """A base58check P2PKH/P2SH address with a valid checksum (random payload)."""
    payload = bytes([rng.choice([0x00, 0x05])]) + bytes(rng.randint(0, 255) for _ in range(20))
    check = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    raw = payload + check
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = _B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out


def hexstr(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))
