"""Randomised generalisation check: Faker columns in 30 locales, named and unnamed.

    .venv/bin/python benchmarks/accuracy_faker.py [--seed N] [--blind] [--ner] [-v]

For every locale, one column per personal entity (13 kinds, values from that locale's Faker
providers) and one per kind of non-personal data (20 kinds: companies, job titles, slogans,
amounts, counts, UUIDs, timestamps, colours, words, countries, file names, slugs, hashes, hex
colours, languages, currencies, sentences, licence plates, EANs), 300 values each. The column
name is drawn from five realistic spellings per kind (``--blind``: a meaningless ``col_N``
instead, so only the values can decide). Prints column-level precision, recall and F1 and the
most common confusions. Not a test: the seeds make new tables every run.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from faker import Faker  # noqa: E402

from privacy.scan.classifier import classify  # noqa: E402
from privacy.sources.base import ColumnInfo, ColumnKind  # noqa: E402

LOCALES = [
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "pt_PT", "pl_PL",
    "sv_SE", "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "tr_TR", "ru_RU", "ja_JP", "ko_KR",
    "zh_CN", "en_IN", "en_AU", "en_CA", "fr_CA", "es_MX", "el_GR", "uk_UA", "no_NO", "he_IL",
]  # fmt: skip

Gen = Callable[[Faker], Any]

PERSONAL: dict[str, tuple[Gen, list[str]]] = {
    "PERSON": (lambda f: f.name(), ["name", "full_name", "customerName", "Contact Name", "NAME"]),
    "FIRST_NAME": (lambda f: f.first_name(), ["first_name", "FirstName", "fname", "given_name",
                                              "FIRST NAME"]),
    "LAST_NAME": (lambda f: f.last_name(), ["last_name", "LastName", "surname", "family_name",
                                            "lname"]),
    "EMAIL_ADDRESS": (lambda f: f.email(), ["email", "EmailAddress", "e-mail", "contact_email",
                                            "mail"]),
    "PHONE_NUMBER": (lambda f: f.phone_number(), ["phone", "PhoneNumber", "mobile", "tel",
                                                  "cell_phone"]),
    "STREET_ADDRESS": (lambda f: f.street_address(), ["address", "street_address", "Address1",
                                                      "addr_line1", "street"]),
    "POSTAL_CODE": (lambda f: f.postcode(), ["zip", "postal_code", "PostCode", "zipcode",
                                             "postcode"]),
    "LOCATION": (lambda f: f.city(), ["city", "town", "City", "billing_city", "home_city"]),
    "DATE_OF_BIRTH": (lambda f: f.date_of_birth(minimum_age=18, maximum_age=90).isoformat(),
                      ["dob", "birth_date", "DateOfBirth", "birthday", "date_of_birth"]),
    "IBAN_CODE": (lambda f: f.iban(), ["iban", "IBAN", "bank_iban", "iban_number",
                                       "account_iban"]),
    "CREDIT_CARD": (lambda f: f.credit_card_number(), ["credit_card", "card_number", "cc_num",
                                                       "CardNumber", "pan"]),
    "IP_ADDRESS": (lambda f: f.ipv4(), ["ip", "ip_address", "IPAddress", "client_ip",
                                        "last_ip"]),
    "USERNAME": (lambda f: f.user_name(), ["username", "user_name", "login", "UserName",
                                           "screen_name"]),
}  # fmt: skip

NOT_PERSONAL: dict[str, tuple[Gen, list[str]]] = {
    "company": (lambda f: f.company(), ["company", "employer", "CompanyName", "organisation",
                                        "vendor"]),
    "job": (lambda f: f.job(), ["job", "job_title", "occupation", "role", "position"]),
    "slogan": (lambda f: f.catch_phrase(), ["slogan", "tagline", "description", "headline",
                                            "summary"]),
    "amount": (lambda f: round(random.uniform(1, 5000), 2), ["amount", "price", "total",
                                                             "balance", "revenue"]),
    "count": (lambda f: random.randint(0, 500), ["count", "quantity", "num_orders", "visits",
                                                 "items"]),
    "uuid": (lambda f: f.uuid4(), ["uuid", "id", "guid", "request_id", "token_id"]),
    "timestamp": (lambda f: f.date_time_this_decade().isoformat(), ["created_at", "updated_at",
                                                                    "timestamp", "event_time",
                                                                    "modified"]),
    "colour": (lambda f: f.color_name(), ["color", "colour", "shade", "theme", "paint"]),
    "word": (lambda f: f.word(), ["tag", "label", "keyword", "category", "segment"]),
    "country": (lambda f: f.country(), ["country", "market", "region", "origin", "territory"]),
    "file": (lambda f: f.file_name(), ["file", "attachment", "path", "document", "upload"]),
    "slug": (lambda f: f.slug(), ["slug", "permalink", "handle", "key", "ref"]),
    "sha1": (lambda f: f.sha1(), ["checksum", "digest", "etag", "hash", "fingerprint"]),
    "hex": (lambda f: f.hex_color(), ["color_hex", "hex", "swatch", "bg", "fg"]),
    "language": (lambda f: f.language_name(), ["language", "lang", "locale_name", "tongue",
                                               "dialect"]),
    "currency": (lambda f: f.currency_code(), ["currency", "ccy", "cur", "money_unit",
                                               "iso_currency"]),
    "sentence": (lambda f: f.sentence(), ["comment", "note", "remarks", "feedback", "text"]),
    "plate": (lambda f: f.license_plate(), ["plate", "reg", "vehicle_plate", "registration",
                                            "tag_no"]),
    "ean": (lambda f: f.ean13(), ["ean", "barcode", "gtin", "upc", "product_code"]),
}  # fmt: skip

NAME_FAMILY = {"PERSON", "FIRST_NAME", "LAST_NAME"}


def _kind(value: Any) -> ColumnKind:
    if isinstance(value, bool):
        return ColumnKind.BOOLEAN
    if isinstance(value, int):
        return ColumnKind.INTEGER
    if isinstance(value, float):
        return ColumnKind.FLOAT
    return ColumnKind.STRING


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--blind", action="store_true", help="meaningless column names")
    ap.add_argument("--ner", action="store_true", help="with the NER tier")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()
    random.seed(args.seed)
    ner = None
    if args.ner:
        from privacy.scan.nlp import shared_tier

        ner = shared_tier()
    counts: collections.Counter[str] = collections.Counter()
    confusions: collections.Counter[tuple[str | None, str | None]] = collections.Counter()
    for locale in LOCALES:
        fk = Faker(locale)
        fk.seed_instance(random.randint(0, 10**6))
        for kind, (gen, names) in [*PERSONAL.items(), *NOT_PERSONAL.items()]:
            try:
                values = [gen(fk) for _ in range(300)]
            except (AttributeError, NotImplementedError):
                continue  # a locale without that provider
            name = f"col_{random.randint(1, 40)}" if args.blind else random.choice(names)
            got = classify(ColumnInfo(name, _kind(values[0])), values, ner=ner).entity
            want = kind if kind in PERSONAL else None
            same_family = args.blind and want in NAME_FAMILY and got in NAME_FAMILY
            ok = got == want or same_family
            if want is None:
                counts["tn" if got is None else "fp"] += 1
            elif ok:
                counts["tp"] += 1
            elif got is None:
                counts["fn"] += 1
            else:
                counts["fp"] += 1
                counts["fn"] += 1
            if not ok:
                confusions[(want, got)] += 1
                if args.verbose:
                    print(f"  {locale} {name}: expected {want}, got {got}: {str(values[0])[:40]!r}")
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    mode = "meaningless names" if args.blind else "realistic names"
    print(f"{mode}, seed {args.seed}: {dict(counts)}  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    for (want, got), n in confusions.most_common(12):
        print(f"  expected {want}, got {got}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
