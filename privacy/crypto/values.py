"""How cell values become plaintext bytes and back: a one-byte type tag, then the value.

The tag sits inside the encrypted plaintext, so it is authenticated and a value decrypts to the
type it had. Deterministic equality is over (type, value): ``1`` and ``"1"`` differ.
"""

from __future__ import annotations

import datetime as dt
import decimal
import numbers
import struct
from typing import Any

from privacy.errors import CryptoError

_F64 = struct.Struct(">d")


def _is_numpy_bool(value: Any) -> bool:
    t = type(value)  # numpy.bool_ (named "bool" in numpy 2); not an int subclass
    return t.__module__ == "numpy" and t.__name__ in ("bool", "bool_")


def encode(value: Any) -> bytes:
    """``tag + payload`` for a supported value; :class:`CryptoError` for anything else."""
    if isinstance(value, str):
        return b"s" + value.encode("utf-8", "surrogatepass")
    if isinstance(value, bytes | bytearray | memoryview):
        return b"b" + bytes(value)
    if isinstance(value, bool) or _is_numpy_bool(value):
        return b"?1" if value else b"?0"
    if isinstance(value, numbers.Integral):
        return b"i" + str(int(value)).encode()
    if isinstance(value, float | numbers.Real) and not isinstance(value, decimal.Decimal):
        return b"f" + _F64.pack(float(value))
    if isinstance(value, decimal.Decimal):
        return b"n" + str(value).encode()
    if isinstance(value, dt.datetime):
        return b"t" + value.isoformat().encode()
    if isinstance(value, dt.date):
        return b"d" + value.isoformat().encode()
    if isinstance(value, dt.time):
        return b"T" + value.isoformat().encode()
    raise CryptoError(
        f"cannot encrypt a value of type {type(value).__name__}",
        hint="convert the column to str, bytes, int, float, Decimal, date, datetime or time",
    )


def decode(data: bytes) -> Any:
    """The value encoded by :func:`encode`. Raises ValueError on an unknown tag."""
    tag, body = data[:1], data[1:]
    if tag == b"s":
        return body.decode("utf-8", "surrogatepass")
    if tag == b"b":
        return body
    if tag == b"?":
        return body == b"1"
    if tag == b"i":
        return int(body)
    if tag == b"f":
        return _F64.unpack(body)[0]
    if tag == b"n":
        return decimal.Decimal(body.decode())
    if tag == b"t":
        return dt.datetime.fromisoformat(body.decode())
    if tag == b"d":
        return dt.date.fromisoformat(body.decode())
    if tag == b"T":
        return dt.time.fromisoformat(body.decode())
    raise ValueError(f"unknown value tag {tag!r}")
