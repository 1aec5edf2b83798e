"""Field encryption speed, side by side with its anchors.

    .venv/bin/python benchmarks/bench_crypto.py [--n 100000] [--subjects 10000] [--repeat 3]

Anchors: a plain copy of the same list (what a column pass costs without crypto) and the bare
`cryptography` primitive in a loop (the floor for one AEAD call per value from Python). Rows:
the toolkit's batch functions for randomized (AES-256-GCM) and deterministic (AES-SIV) columns,
and per-subject keys (one key per row's subject, including creating the subject keys).
Best of --repeat runs; values are short strings like e-mail addresses.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

from privacy.crypto import (
    KeyStore,
    decrypt_values,
    encrypt_values,
    parse_master_secret,
    pseudonymize_many,
)
from privacy.crypto.master import local_wrapper

T, C = "warehouse.customers", "email"


def best(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="values per column")
    ap.add_argument("--subjects", type=int, default=10_000, help="rows with per-subject keys")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n = args.n
    values = [f"user{i:06d}@example.com" for i in range(n)]

    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as tmp:
        secret = parse_master_secret(base64.b64encode(os.urandom(32)).decode())
        store = KeyStore.open(Path(tmp) / "keys", wrapper=local_wrapper(secret))
        rows: list[tuple[str, float, float | None]] = []  # (what, seconds, anchor seconds)

        copy_s, _ = best(args.repeat, lambda: [v for v in values])
        rows.append(("plain copy (anchor)", copy_s, None))

        gcm = AESGCM(os.urandom(32))
        siv = AESSIV(os.urandom(64))
        enc = [v.encode() for v in values]

        def bare_gcm() -> None:
            for v in enc:
                nonce = os.urandom(12)
                gcm.encrypt(nonce, v, b"ad")

        bare_s, _ = best(args.repeat, bare_gcm)
        rows.append(("bare AESGCM.encrypt loop (anchor)", bare_s, None))
        bare_siv_s, _ = best(args.repeat, lambda: [siv.encrypt(v, [b"ad"]) for v in enc])
        rows.append(("bare AESSIV.encrypt loop (anchor)", bare_siv_s, None))

        for mode, label in (("randomized", "GCM"), ("deterministic", "SIV")):
            s, tokens = best(
                args.repeat,
                lambda mode=mode: encrypt_values(store, values, table=T, column=C, mode=mode),
            )
            rows.append((f"{label} encrypt_values", s, copy_s))
            s, back = best(
                args.repeat, lambda tokens=tokens: decrypt_values(store, tokens, table=T, column=C)
            )
            assert back == values
            rows.append((f"{label} decrypt_values", s, copy_s))

        m = args.subjects
        subj_values = values[:m]
        t0 = time.perf_counter()
        pseudonyms = pseudonymize_many(store, "email", subj_values)
        pseudo_s = time.perf_counter() - t0
        rows.append((f"pseudonymize_many ({m:,})", pseudo_s * n / m, copy_s))
        t0 = time.perf_counter()
        tokens = encrypt_values(store, subj_values, table=T, column=C, subjects=pseudonyms)
        create_s = time.perf_counter() - t0
        rows.append((f"GCM subject keys, {m:,} new keys", create_s * n / m, copy_s))
        s, _ = best(
            args.repeat,
            lambda: encrypt_values(store, subj_values, table=T, column=C, subjects=pseudonyms),
        )
        rows.append((f"GCM subject keys, {m:,} existing", s * n / m, copy_s))
        s, back = best(args.repeat, lambda: decrypt_values(store, tokens, table=T, column=C))
        assert back == subj_values
        rows.append((f"GCM decrypt, {m:,} subject keys", s * n / m, copy_s))

    token_len = sum(len(t or "") for t in tokens) / len(tokens)
    print(f"python {sys.version.split()[0]}, {n:,} short strings (avg {len(values[0])} chars)")
    print(f"{'what':42} {'values/s':>14} {'x slower than copy':>20}")
    for what, secs, anchor in rows:
        rate = n / secs
        slower = f"{secs / anchor:,.0f}x" if anchor else ""
        print(f"{what:42} {rate:>14,.0f} {slower:>20}")
    print(f"average token length with subject keys: {token_len:.0f} chars")
    print("(subject-key rows: measured on --subjects rows, rates per value)")


if __name__ == "__main__":
    main()
