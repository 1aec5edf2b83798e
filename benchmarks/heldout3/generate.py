"""Write the third held-out set: tables in ``data/``, expected tags in ``labels/``.

    .venv/bin/python -m benchmarks.heldout3.generate

Every table is seeded, so a run rewrites the same files. Values are synthetic (faker, random).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

from . import edge, intl, mobility, records, saas
from .common import DATA, LABELS, Table, write

# name -> (format, maker, writer options)
TABLES: dict[str, tuple[str, Callable[[], Table], dict[str, Any]]] = {
    "stripe_payments": ("csv", saas.stripe_payments, {}),
    "paypal_activity": (
        "csv",
        saas.paypal_activity,
        {"encoding": "utf-8-sig", "quoting": csv.QUOTE_ALL},
    ),
    "zendesk_tickets": ("jsonl", saas.zendesk_tickets, {}),
    "intercom_conversations": ("parquet", saas.intercom_conversations, {}),
    "hubspot_contacts": ("csv", saas.hubspot_contacts, {}),
    "pipedrive_deals": ("csv", saas.pipedrive_deals, {}),
    "github_users": ("jsonl", saas.github_users, {}),
    "jira_issues": ("csv", saas.jira_issues, {}),
    "slack_messages": ("jsonl", saas.slack_messages, {}),
    "eventbrite_attendees": ("csv", saas.eventbrite_attendees, {}),
    "strava_activities": ("parquet", mobility.strava_activities, {}),
    "rideshare_trips": ("csv", mobility.rideshare_trips, {}),
    "nyc_taxi_trips": ("parquet", mobility.nyc_taxi_trips, {}),
    "fleet_telematics": ("jsonl", mobility.fleet_telematics, {}),
    "wifi_probe_log": ("csv", mobility.wifi_probe_log, {}),
    "mimic_admissions": ("csv", records.mimic_admissions, {}),
    "clinical_trials": ("jsonl", records.clinical_trials, {}),
    "acs_extract": ("csv", records.acs_extract, {}),
    "ch_officers": ("jsonl", records.ch_officers, {}),
    "fec_contributions": ("csv", records.fec_contributions, {"sep": "|"}),
    "email_metadata": ("parquet", records.email_metadata, {}),
    "uk_gp_patients": ("csv", records.uk_gp_patients, {}),
    "school_grades": ("csv", records.school_grades, {}),
    "library_loans": ("jsonl", records.library_loans, {}),
    "gym_members": ("csv", records.gym_members, {"sep": "\t"}),
    "community_survey": ("parquet", records.community_survey, {}),
    "genetics_cohort": ("parquet", records.genetics_cohort, {}),
    "kunden_de": ("csv", intl.kunden_de, {"sep": ";", "encoding": "cp1252"}),
    "clients_fr": ("csv", intl.clients_fr, {"sep": ";", "encoding": "utf-8-sig"}),
    "anagrafica_it": ("parquet", intl.anagrafica_it, {}),
    "klanten_nl": ("csv", intl.klanten_nl, {}),
    "klienci_pl": ("csv", intl.klienci_pl, {"sep": "|"}),
    "kokyaku_jp": ("jsonl", intl.kokyaku_jp, {}),
    "hoewon_kr": ("csv", intl.hoewon_kr, {}),
    "medlemmar_se": ("parquet", intl.medlemmar_se, {}),
    "ca_employees": ("csv", intl.ca_employees, {}),
    "au_payroll": ("jsonl", intl.au_payroll, {}),
    "wide_survey": ("parquet", edge.wide_survey, {}),
    "sparse_nulls_constants": ("parquet", edge.sparse_nulls_constants, {}),
    "warehouse_picks": ("csv", edge.warehouse_picks, {}),
    "crash_reports_flat": ("jsonl", edge.crash_reports_flat, {}),
    "core_banking_allcaps": ("csv", edge.core_banking_allcaps, {}),
    "powerquery_export": ("csv", edge.powerquery_export, {}),
    "nginx_access": ("csv", edge.nginx_access, {}),
    "crypto_wallets": ("parquet", edge.crypto_wallets, {}),
    "outlook_contacts": ("csv", edge.outlook_contacts, {"sep": "\t", "encoding": "utf-16"}),
}


def main() -> int:
    for old in [*DATA.glob("*"), *LABELS.glob("*.json")]:
        old.unlink()
    for name, (fmt, make, opts) in TABLES.items():
        df, labels = make()
        write(name, fmt, df, labels, **opts)
        scored = sum(1 for v in labels.values() if v != "*")
        print(f"{name:30} {fmt:8} {len(df):5} rows {len(df.columns):3} cols ({scored} scored)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
