"""Entities the toolkit knows and the category each belongs to by default.

Names follow Presidio where it has one. The defaults here match
``policies/defaults/gdpr.yaml``; a policy file may map entities differently, and the policy
engine's mapping wins where one is loaded. ``identifies_subject`` marks entities whose value
alone names a person (an email, an SSN), which the erasure planner can search by.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    name: str
    category: str
    identifies_subject: bool = False
    #: the subject KIND (``privacy erase --subject KIND:VALUE``) this entity answers to
    subject_kind: str | None = None
    description: str = ""


_ENTITIES = [
    Entity("PERSON", "name", description="a person's full name"),
    Entity("FIRST_NAME", "name"),
    Entity("LAST_NAME", "name"),
    Entity("EMAIL_ADDRESS", "contact", True, "email"),
    Entity("PHONE_NUMBER", "contact", True, "phone"),
    Entity("STREET_ADDRESS", "contact"),
    Entity("POSTAL_CODE", "location"),
    Entity("LOCATION", "location"),
    Entity("GEO_COORDINATE", "location"),
    Entity("IP_ADDRESS", "online_identifier"),
    Entity("MAC_ADDRESS", "online_identifier"),
    Entity("URL", "online_identifier"),
    Entity("USERNAME", "online_identifier", True, "username"),
    Entity("PASSWORD", "credential"),
    Entity("DATE_OF_BIRTH", "demographic"),
    Entity("AGE", "demographic"),
    Entity("GENDER", "demographic"),
    Entity("CREDIT_CARD", "financial"),
    Entity("CREDIT_CARD_CVV", "financial"),
    Entity("IBAN_CODE", "financial"),
    Entity("US_BANK_NUMBER", "financial"),
    Entity("SWIFT_CODE", "financial"),
    Entity("CRYPTO", "financial"),
    Entity("US_SSN", "government_id", True, "ssn"),
    Entity("US_ITIN", "government_id", True, "itin"),
    Entity("US_PASSPORT", "government_id", True, "passport"),
    Entity("US_DRIVER_LICENSE", "government_id", True, "driver_license"),
    Entity("UK_NHS", "special_category", True, "nhs"),
    Entity("KR_RRN", "government_id", True, "kr_rrn"),
    Entity("NATIONAL_ID", "government_id", True, "national_id"),
    Entity("VIN", "identifier"),
    Entity("CUSTOMER_ID", "identifier", True, "customer_id"),
    Entity("MEDICAL_LICENSE", "identifier"),
    Entity("HEALTH_DATA", "special_category"),
    Entity("NRP", "special_category", description="nationality, religious or political group"),
    Entity("FREE_TEXT_PII", "free_text", description="free text with personal data mixed in"),
]

ENTITIES: dict[str, Entity] = {e.name: e for e in _ENTITIES}


def category_of(entity: str | None) -> str | None:
    if entity is None:
        return None
    e = ENTITIES.get(entity)
    return e.category if e else "other"


def subject_kind_of(entity: str | None) -> str | None:
    e = ENTITIES.get(entity) if entity else None
    return e.subject_kind if e else None
