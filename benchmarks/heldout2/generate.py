"""Write the second held-out set: tables in ``data/``, expected tags in ``labels/``.

    .venv/bin/python -m benchmarks.heldout2.generate

Every table is seeded, so a run rewrites the same files. Values are synthetic (faker, random).
"""

from __future__ import annotations

from collections.abc import Callable

from . import commerce, gov, health, intl, nopii, tech, travel, work
from .common import DATA, LABELS, Table, write

# name -> (format, maker, writer options)
TABLES: dict[str, tuple[str, Callable[[], Table], dict[str, str]]] = {
    "nc_voter_roll": ("csv", gov.voter_roll, {}),
    "fl_business_registry": ("csv", gov.business_registry, {}),
    "building_permits": ("csv", gov.building_permits, {}),
    "restaurant_inspections": ("jsonl", gov.restaurant_inspections, {}),
    "parking_citations": ("parquet", gov.parking_citations, {}),
    "service_requests_311": ("csv", gov.service_requests_311, {}),
    "property_assessor": ("csv", gov.property_assessor, {}),
    "workday_workers": ("csv", work.workday_workers, {}),
    "sap_pa0002_export": ("csv", work.sap_payroll_de, {"sep": ";"}),
    "engagement_survey": ("csv", work.hr_survey, {}),
    "job_applications": ("jsonl", work.job_applications, {}),
    "student_roster": ("csv", work.student_records, {}),
    "za_payroll": ("parquet", work.za_employees, {}),
    "shopify_orders_export": ("csv", commerce.shopify_orders, {}),
    "woocommerce_customers": ("jsonl", commerce.woocommerce_customers, {}),
    "salesforce_contact": ("csv", commerce.salesforce_contacts, {}),
    "mailchimp_subscribed_members": ("csv", commerce.mailchimp_audience, {}),
    "bank_statement_lines": ("parquet", commerce.bank_transactions, {}),
    "auto_claims": ("csv", commerce.insurance_claims, {}),
    "cust_extract_0423": ("csv", commerce.legacy_export, {}),
    "fhir_patient_flat": ("jsonl", health.fhir_patients, {}),
    "pharmacy_fills": ("parquet", health.prescriptions, {}),
    "cdr_voice_sms": ("csv", tech.telco_cdr, {}),
    "iot_gateway_log": ("jsonl", tech.iot_device_log, {}),
    "ga4_events_flat": ("parquet", tech.ga4_events, {}),
    "app_events": ("parquet", tech.app_events, {}),
    "dating_profiles": ("jsonl", tech.dating_profiles, {}),
    "apis_passenger_list": ("csv", travel.airline_pnr, {}),
    "registro_viajeros": (
        "csv",
        travel.hotel_guest_register,
        {"sep": ";", "encoding": "utf-8-sig"},
    ),
    "rental_agreements": ("parquet", travel.car_rentals, {}),
    "kyc_customers_in": ("csv", intl.india_kyc, {}),
    "clientes_br": ("parquet", intl.brazil_clientes, {}),
    "padron_beneficiarios_mx": ("csv", intl.mexico_padron, {}),
    "member_cn": ("jsonl", intl.china_members, {}),
    "product_catalogue": ("csv", nopii.product_catalogue, {}),
    "ghcn_daily": ("parquet", nopii.weather_observations, {}),
    "eod_prices": ("csv", nopii.stock_prices, {}),
    "sensor_dump": ("csv", nopii.sensor_telemetry, {}),
    "store_locations": ("jsonl", nopii.store_locations, {}),
    "inventory_movements": ("parquet", nopii.inventory_movements, {}),
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
