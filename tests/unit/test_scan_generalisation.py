"""General causes of misses on tables the scanner was not built on, one section per cause.

Every case here is made up for the cause it tests (own names and values); none is copied from
the held-out tables in benchmarks/heldout/. Each section has positives (the pattern is found)
and negatives (what must stay not personal).
"""

from __future__ import annotations

import random

import pytest

from privacy.scan.classifier import classify
from privacy.scan.headers import analyze
from privacy.sources.base import ColumnInfo, ColumnKind

S, INT, F, B = ColumnKind.STRING, ColumnKind.INTEGER, ColumnKind.FLOAT, ColumnKind.BOOLEAN
D = ColumnKind.DATE
NAME_FAMILY = {"PERSON", "FIRST_NAME", "LAST_NAME"}

GIVEN = [
    "Lena", "Marco", "Sofia", "Tomas", "Ingrid", "Pavel", "Chloe", "Ahmed", "Yuki", "Olga",
    "Bruno", "Hanna", "Diego", "Nadia", "Felix", "Irene", "Oscar", "Maja", "Victor", "Elena",
]  # fmt: skip
FULL = [
    "Lena Brandt", "Marco Ferri", "Sofia Lind", "Tomas Novak", "Ingrid Berg", "Pavel Dvorak",
    "Chloe Martin", "Ahmed Karim", "Olga Petrova", "Bruno Costa", "Hanna Virtanen",
]  # fmt: skip


def c(name: str, values: list[object], kind: ColumnKind = S, table: str = ""):  # type: ignore[no-untyped-def]
    return classify(ColumnInfo(name, kind), values, table=table)


def repeat(values: list[object], n: int, seed: int = 3) -> list[object]:
    rnd = random.Random(seed)
    return [rnd.choice(values) for _ in range(n)]


# --- A1: a role word qualifies a person, it does not switch the name off ---------------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("host_name", "PERSON"),
        ("agent_name", "PERSON"),
        ("seller_name", "PERSON"),
        ("buyer_name", "PERSON"),
        ("reporter_name", "PERSON"),
        ("teacherName", "PERSON"),
        ("doctor_name", "PERSON"),
        ("emergency_contact_name", "PERSON"),
        ("landlord_name", "PERSON"),
        ("driver_first_name", "FIRST_NAME"),
        ("tenant_last_name", "LAST_NAME"),
        ("agent", "PERSON"),
        ("assignee", "PERSON"),
    ],
)
def test_role_words_qualify_a_person(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize(
    "name", ["hostname", "host", "server_host_name", "product_name", "company_name", "file_name"]
)
def test_non_person_qualifiers_still_switch_the_name_off(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None and sig.non_pii


def test_ambiguous_role_name_is_weak_and_the_values_decide() -> None:
    assert analyze("host_name").strength < 0.5
    people = c("host_name", repeat(GIVEN, 300))
    assert people.entity in NAME_FAMILY and people.confidence >= 0.6
    servers = ["web-01", "db-primary", "cache3", "edge-lb-2", "api-7", "queue", "batch-12"]
    assert c("hostName", repeat(servers, 300)).entity is None
    roles = ["frontend", "backend", "gateway", "replica", "worker"]
    assert c("host_name", repeat(roles, 300)).entity is None


@pytest.mark.parametrize("name", ["seller_name", "guest_name", "owner_name", "instructor"])
def test_role_name_columns_holding_names(name: str) -> None:
    r = c(name, repeat(FULL, 400))
    assert r.entity == "PERSON", r


# --- A2: a description suffix holds the value itself ----------------------------------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("RaceDesc", "NRP"),
        ("ethnicity_description", "NRP"),
        ("religion_descr", "NRP"),
        ("GenderDescription", "GENDER"),
        ("diagnosis_desc", "HEALTH_DATA"),
    ],
)
def test_description_suffix_keeps_the_entity(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize("name", ["phone_type_desc", "email_status_description", "product_desc"])
def test_description_of_a_property_is_still_not_personal(name: str) -> None:
    assert analyze(name).entity is None


def test_description_column_values() -> None:
    groups = ["White", "Black or African American", "Asian", "Hispanic", "Two or more races"]
    assert c("EthnicGroupDesc", repeat(groups, 200)).entity == "NRP"


# --- A3: "no", "num", "nr" mean "the number itself"; only count forms are counts ------------


def _nir(rnd: random.Random) -> str:
    """A French social-security number (NIR) with its mod-97 key."""
    base = (
        f"{rnd.choice([1, 2])}{rnd.randint(40, 99):02d}{rnd.randint(1, 12):02d}"
        f"{rnd.randint(1, 95):02d}{rnd.randint(1, 990):03d}{rnd.randint(1, 999):03d}"
    )
    return base + f"{97 - int(base) % 97:02d}"


def _cpf(rnd: random.Random) -> str:
    """A Brazilian CPF (eleven digits, two check digits)."""
    from stdnum.br import cpf

    while True:
        d = [rnd.randint(0, 9) for _ in range(9)]
        for _ in range(2):
            s = sum(v * w for v, w in zip(d, range(len(d) + 1, 1, -1), strict=False))
            d.append((s * 10) % 11 % 10)
        t = "".join(map(str, d))
        if cpf.is_valid(t):
            return t


RND = random.Random(11)
NIRS = [_nir(RND) for _ in range(120)]
CPFS = [_cpf(RND) for _ in range(120)]
FORMATTED_PHONES = [
    f"+44 20 {RND.randint(7000, 8999)} {RND.randint(1000, 9999)}" for _ in range(150)
]


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("ph_no", "PHONE_NUMBER"),
        ("mob_no", "PHONE_NUMBER"),
        ("contact_no", "PHONE_NUMBER"),
        ("phone_no", "PHONE_NUMBER"),
        ("tel_nr", "PHONE_NUMBER"),
        ("MobileNo", "PHONE_NUMBER"),
        ("id_no", "NATIONAL_ID"),
        ("passport_no", "US_PASSPORT"),
        ("ssn_num", "US_SSN"),
        ("num_secu", "NATIONAL_ID"),
        ("no_secu_sociale", "NATIONAL_ID"),
    ],
)
def test_number_words_mean_the_identifier(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize(
    "name", ["num_phones", "no_of_children", "n_emails", "phone_count", "number_of_addresses"]
)
def test_count_forms_are_counts(name: str) -> None:
    sig = analyze(name)
    assert sig.entity is None


@pytest.mark.parametrize("name", ["sec_no", "ref_nr", "num", "item_no"])
def test_bare_number_word_does_not_block_the_values(name: str) -> None:
    assert c(name, FORMATTED_PHONES).entity == "PHONE_NUMBER"
    r = c(name, NIRS)
    assert r.entity == "NATIONAL_ID" and any(e.startswith("checksum:stdnum") for e in r.evidence)


def test_checksum_valid_ids_in_bare_digits_decide_alone() -> None:
    assert c("col_9", CPFS).entity == "NATIONAL_ID"
    assert c("col_9", [int(v) for v in NIRS], INT).entity == "NATIONAL_ID"


def test_clean_values_win_over_a_negating_name() -> None:
    assert c("ref", FORMATTED_PHONES).entity == "PHONE_NUMBER"
    assert c("order_ref", NIRS).entity == "NATIONAL_ID"


def test_bare_digits_without_a_country_check_are_not_ids() -> None:
    rnd = random.Random(2)
    for n in (9, 11, 13, 15):
        values = ["".join(rnd.choice("0123456789") for _ in range(n)) for _ in range(200)]
        assert c("code_x", values).entity is None, n
        assert c("col_3", values).entity is None, n
    # tracking numbers repeating one prefix, amounts and counts under a count name
    assert c("num_orders", [str(rnd.randint(0, 40)) for _ in range(200)]).entity is None


def test_unvalidated_phone_shapes_do_not_override_a_not_personal_name() -> None:
    rnd = random.Random(4)
    parts = [f"{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}-{rnd.randint(10, 99)}"]
    parts += [f"{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}-{rnd.randint(10, 99)}"
              for _ in range(150)]  # fmt: skip
    assert c("part_number", parts).entity is None


@pytest.mark.parametrize("name", ["os_build", "col_4", "kernel"])
def test_dotted_versions_are_not_phones(name: str) -> None:
    rnd = random.Random(6)
    builds = [f"10.0.{rnd.randint(10000, 22999)}" for _ in range(100)]
    builds += [f"6.{rnd.randint(1, 3)}.{rnd.randint(7000, 9999)}.{rnd.randint(1, 9)}"
               for _ in range(100)]  # fmt: skip
    assert c(name, builds).entity is None


# --- B: vocabulary gaps ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("płeć", "GENDER"),
        ("Pohlaví", "GENDER"),
        ("pohlavie", "GENDER"),
        ("cinsiyet", "GENDER"),
        ("spol", "GENDER"),
        ("jenis_kelamin", "GENDER"),
        ("giới tính", "GENDER"),
        ("φύλο", "GENDER"),
        ("الجنس", "GENDER"),
        ("フリガナ", "PERSON"),
        ("ふりがな", "PERSON"),
        ("氏名カナ", "PERSON"),
        ("姓カナ", "LAST_NAME"),
        ("セイ", "LAST_NAME"),
        ("メイ", "FIRST_NAME"),
        ("姓", "LAST_NAME"),
        ("rg", "NATIONAL_ID"),
        ("cpf", "NATIONAL_ID"),
        ("cedula", "NATIONAL_ID"),
        ("cty", "LOCATION"),
        ("cty_name", "LOCATION"),
        ("MIDDLE", "FIRST_NAME"),
        ("middle_initial", "FIRST_NAME"),
        ("agent", "PERSON"),
        ("user", "USERNAME"),
        ("user_name", "USERNAME"),
        ("handle", "USERNAME"),
        ("screen_name", "USERNAME"),
        ("watchers", "USERNAME"),
        ("last_logged_on_user", "USERNAME"),
        ("LastLogonUser", "USERNAME"),
    ],
)
def test_vocabulary(name: str, entity: str) -> None:
    assert analyze(name).entity == entity


@pytest.mark.parametrize("name", ["user_id", "user_type", "users_count", "user_agent", "hostname"])
def test_user_qualified_properties_are_not_usernames(name: str) -> None:
    assert analyze(name).entity != "USERNAME"


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("płeć", ["K", "M"]),
        ("pohlaví", ["žena", "muž"]),
        ("cinsiyet", ["Kadın", "Erkek"]),
        ("jenis_kelamin", ["Perempuan", "Laki-laki"]),
        ("sexo", ["Mulher", "Homem"]),
        ("col_5", ["Kobieta", "Mężczyzna"]),
        ("col_6", ["γυναίκα", "άνδρας"]),
    ],
)
def test_gender_values_in_more_languages(name: str, values: list[str]) -> None:
    assert c(name, repeat(list(values), 200)).entity == "GENDER"


_KANA_LAST = ["サトウ", "スズキ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "コバヤシ", "モリ"]
_KANA_FIRST = ["アキラ", "カズヤ", "ケンイチ", "ショウタ", "ハナコ", "ユミ", "サクラ", "ジュン"]
_HIRAGANA = {c + 0x60: c for c in range(0x3041, 0x3097)}


def test_japanese_readings() -> None:
    rnd = random.Random(8)
    full = [f"{rnd.choice(_KANA_LAST)} {rnd.choice(_KANA_FIRST)}" for _ in range(200)]
    assert c("フリガナ", full).entity == "PERSON"
    assert c("ふりがな", [v.translate(_HIRAGANA) for v in full]).entity == "PERSON"
    assert c("セイ", [v.split()[0] for v in full]).entity == "LAST_NAME"
    assert c("メイ", [v.split()[1] for v in full]).entity == "FIRST_NAME"
    # katakana product words under a non-name column are not names
    goods = ["コーヒー", "チョコレート", "ミルク", "パン", "ジュース", "クッキー", "ケーキ"]
    assert c("商品", repeat(list(goods), 200)).entity is None


def test_usernames_under_who_columns() -> None:
    rnd = random.Random(9)
    handles = [
        "lena_b", "mferri", "sofia.lind", "tnovak", "iberg", "pdvorak", "chloe_m", "akarim",
        "opetrova", "bcosta", "hvirtanen", "nightowl", "skater99", "d.rossi", "frank_ocean_fan",
    ]  # fmt: skip
    r = c("user", repeat(handles, 400))
    assert r.entity == "USERNAME", r
    lists = [", ".join(rnd.sample(handles, rnd.randint(1, 3))) for _ in range(200)]
    assert c("watchers", lists).entity == "USERNAME"
    assert c("assignee", repeat(handles, 300)).entity == "USERNAME"
    # a who-column of full names stays a name
    assert c("assignee", repeat(FULL, 300)).entity == "PERSON"


def test_windows_accounts_are_usernames() -> None:
    accounts = [f"CORP\\{h}" for h in ("lbrandt", "mferri", "svc_backup", "tnovak", "admin2")]
    accounts += [f"EU-DOM\\{h}" for h in ("olga.p", "bcosta")]
    r = c("last_logged_on_user", repeat(accounts, 300))
    assert r.entity == "USERNAME"
    assert c("col_8", repeat(accounts, 300)).entity == "USERNAME"
    # paths with backslashes are not accounts
    paths = ["C:\\Windows\\System32", "C:\\Program Files\\App", "D:\\data\\exports"]
    assert c("col_8", repeat(paths, 300)).entity is None


# --- B (health): condition flags of any type, clinical wording, health tables ----------------


@pytest.mark.parametrize(
    "name",
    ["hypertension", "heart_disease", "had_stroke", "diabetes", "asthma", "hiv_positive",
     "has_copd", "is_smoker", "smoking_status", "ckd_flag", "depression_yn", "is_pregnant"],
)  # fmt: skip
@pytest.mark.parametrize(
    ("kind", "values"),
    [(INT, [0, 1]), (B, [True, False]), (S, ["Yes", "No"]), (F, [0.0, 1.0])],
)
def test_condition_flags_are_health_data(name: str, kind: ColumnKind, values: list[object]) -> None:
    r = c(name, repeat(values, 300), kind)
    assert r.entity == "HEALTH_DATA", r


@pytest.mark.parametrize(
    ("name", "kind", "values"),
    [
        ("is_active", B, [True, False]),
        ("email_verified", B, [True, False]),
        ("newsletter", INT, [0, 1]),
        ("stroke_width", INT, [1, 2, 3, 4]),
        ("stroke", F, [86.4, 79.5, 92.0, 88.1, 70.3]),  # an engine's stroke in mm
        ("condition", S, ["New", "Used", "Refurbished", "For parts"]),
        ("disease_count", INT, [0, 1, 2, 3]),
    ],
)
def test_flags_and_numbers_not_named_after_a_condition(
    name: str, kind: ColumnKind, values: list[object]
) -> None:
    assert c(name, repeat(values, 300), kind).entity is None


CONDITIONS = [
    "Essential hypertension (disorder)", "Acute viral pharyngitis (disorder)",
    "Prediabetes (finding)", "Body mass index 30+ - obesity (finding)",
    "Chronic sinusitis (disorder)", "Sprain of ankle (disorder)",
    "Anemia (disorder)", "Osteoarthritis of knee (disorder)", "Concussion injury of brain",
    "Migraine without aura (disorder)",
]  # fmt: skip
DRUGS = [
    "Lisinopril 10 MG Oral Tablet", "Amoxicillin 500 MG Oral Capsule",
    "Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "Insulin glargine 100 UNT/ML Injectable",
    "Metformin hydrochloride 500 MG Oral Tablet", "Ibuprofen 200 MG Oral Tablet",
]  # fmt: skip


def test_clinical_descriptions() -> None:
    assert c("diagnosis_description", repeat(CONDITIONS, 300)).entity == "HEALTH_DATA"
    # SNOMED-tagged text decides alone; a table of conditions raises an untagged description
    assert c("DESCRIPTION", repeat(CONDITIONS, 300)).entity == "HEALTH_DATA"
    assert c("col_2", repeat(CONDITIONS, 300)).entity == "HEALTH_DATA"
    assert c("DESCRIPTION", repeat(DRUGS, 300), table="medications").entity == "HEALTH_DATA"
    r = c("description", repeat(DRUGS, 300), table="patient_medications")
    assert (
        r.entity == "HEALTH_DATA" and "name:description (table patient_medications)" in r.evidence
    )


def test_drug_catalogue_and_plain_descriptions_are_not_health_data() -> None:
    # a pharmacy's catalogue names drugs but no one who takes them
    assert c("description", repeat(DRUGS, 300), table="products").entity is None
    words = ["Blue cotton shirt", "Leather wallet", "Running shoes", "Wool scarf", "Desk lamp"]
    assert c("DESCRIPTION", repeat(words, 300), table="conditions").entity is None
    assert (
        c("CODE", repeat(["44054006", "10509002", "15777000"], 300), table="conditions").entity
        is None
    )


# --- C9: names made unique with digits ---------------------------------------------------------


def test_names_with_digits_appended() -> None:
    rnd = random.Random(12)
    given = [f"{g}{rnd.randint(1, 999)}" for g in GIVEN for _ in range(5)]
    assert c("col_3", given).entity == "FIRST_NAME"
    full = [f"{n.split()[0]}{rnd.randint(1, 999)} {n.split()[1]}{rnd.randint(1, 999)}"
            for n in FULL for _ in range(5)]  # fmt: skip
    assert c("col_4", full).entity == "PERSON"
    assert c("MIDDLE", [f"{g}{rnd.randint(1, 99)}" for g in GIVEN]).entity == "FIRST_NAME"


def test_codes_with_digits_are_not_names() -> None:
    rnd = random.Random(13)
    codes = [f"{w}{rnd.randint(1, 999)}" for w in ("Widget", "Sprocket", "Gizmo", "Bolt", "Valve")
             for _ in range(20)]  # fmt: skip
    assert c("col_5", codes).entity is None
    # mostly plain words with a few numbered: the digit rule does not apply
    mixed = ["Gearbox", "Spindle", "Axle7", "Bearing", "Camshaft"] * 20
    assert c("col_6", mixed).entity is None


# --- C10: a handful of people over many rows ---------------------------------------------------


@pytest.mark.parametrize("name", ["agent", "assignee", "owner", "sales_rep", "staff", "rep"])
def test_few_people_named_by_the_column(name: str) -> None:
    assert c(name, repeat(GIVEN[:14], 700)).entity in NAME_FAMILY
    assert c(name, repeat(FULL[:6], 700)).entity == "PERSON"


def test_few_full_names_decide_alone_but_few_single_words_do_not() -> None:
    assert c("handled_by", repeat(FULL[:7], 700)).entity == "PERSON"
    # a handful of single words, even listed names, is a category (shifts, teams, rooms)
    assert (
        c("col_7", repeat(["Jordan", "Georgia", "Victoria", "Austin", "Florence"], 700)).entity
        is None
    )


# --- C11: handles repeat (one user, many posts) ------------------------------------------------


def _handles(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        g, s = rnd.choice(GIVEN).lower(), rnd.choice(FULL).split()[1].lower()
        out.append(rnd.choice([f"{g}{s}", f"{g}_{rnd.randint(1, 99)}", f"{g[0]}{s}",
                               f"{s}{rnd.randint(70, 99)}"]))  # fmt: skip
    return out


def test_repeating_handles_decide_alone() -> None:
    users = _handles(400, 14)
    posts = repeat(users, 1000)
    assert len(set(posts)) / len(posts) < 0.8
    assert c("col_1", posts).entity == "USERNAME"


def test_few_repeating_tokens_are_not_handles() -> None:
    # twenty lower-case labels repeated over a thousand rows are a category
    labels = _handles(20, 15)
    assert c("col_1", repeat(labels, 1000)).entity is None


# --- C12: weak postcode words over bare digits of one length ----------------------------------


@pytest.mark.parametrize(
    ("name", "digits", "kind"),
    [
        ("cap", 5, S),  # Italy
        ("CAP", 5, INT),
        ("cp", 5, S),  # France, Spain, Mexico
        ("code_postal", 5, INT),
        ("plz", 5, INT),  # Germany, leading zeros lost as integers
        ("zip", 5, INT),
        ("pincode", 6, INT),  # India
        ("postnr", 4, S),  # Denmark, Norway
    ],
)
def test_postcode_words_over_fixed_length_digits(name: str, digits: int, kind: ColumnKind) -> None:
    rnd = random.Random(digits)
    codes = [f"{rnd.randint(0, 10**digits - 1):0{digits}d}" for _ in range(300)]
    values: list[object] = [int(v) for v in codes] if kind == INT else list(codes)
    r = c(name, values, kind)
    assert r.entity == "POSTAL_CODE" and r.confidence >= 0.7, r


@pytest.mark.parametrize(
    ("name", "values", "kind"),
    [
        ("cap", [120000, 5_400_000, 87, 23000000, 910, 1_200_000_000], INT),  # market caps
        ("cap", ["12.5", "100", "7", "3.25"], S),  # capacities
        ("cp", [0, 1, 2, 3], INT),  # chest-pain type in a heart study
        ("cp", ["Yes", "No"], S),
    ],
)
def test_weak_postcode_words_over_other_numbers(
    name: str, values: list[object], kind: ColumnKind
) -> None:
    assert c(name, repeat(values, 300), kind).entity is None


# --- D13/D14: people named by a given name alone, @mentions, in free text ----------------------

REVIEWS_WITH_NAMES = [
    "{n} was a wonderful host and the flat was spotless.",
    "Great stay, {n} gave us plenty of tips for restaurants nearby.",
    "Check-in was easy and {n} answered every question within minutes.",
    "The room was small but {n} made us feel welcome.",
    "Thanks to {n} for the late checkout, really appreciated it.",
]
REVIEWS_WITHOUT = [
    "The flat was spotless and close to the station.",
    "Great stay, plenty of restaurants nearby and a quiet street.",
    "Check-in was easy and the instructions were clear.",
    "The room was small but the bed was comfortable.",
    "Would book again, the location is perfect for sightseeing.",
]


@pytest.fixture(scope="module")
def ner():  # type: ignore[no-untyped-def]
    from privacy.scan.nlp import shared_tier

    tier = shared_tier()
    assert tier.available(), tier.error
    return tier


def _texts(templates: list[str], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    names = ["Marta", "Julien", "Priya", "Tobias", "Elena", "Kwame", "Sanne", "Lucas", "Ingrid"]
    return [rnd.choice(templates).format(n=rnd.choice(names)) for _ in range(n)]


def test_reviews_naming_people_by_first_name(ner) -> None:  # type: ignore[no-untyped-def]
    r = classify(ColumnInfo("comments", S), _texts(REVIEWS_WITH_NAMES, 150, 1), ner=ner)
    assert r.entity == "FREE_TEXT_PII" and r.free_text, r
    assert any(e.endswith("FIRST_NAME") for e in r.evidence)


def test_reviews_without_people(ner) -> None:  # type: ignore[no-untyped-def]
    r = classify(ColumnInfo("comments", S), _texts(REVIEWS_WITHOUT, 150, 2), ner=ner)
    assert r.entity is None, r


def test_mentions_are_usernames_in_free_text() -> None:
    rnd = random.Random(16)
    users = [f"@{h}" for h in _handles(60, 17)]
    tweets = [
        f"{rnd.choice(users)} totally agree, see you at the meetup tonight" if i % 3 == 0
        else "what a day, the train was late again and it rained all afternoon"
        f" number {i}" for i in range(200)
    ]  # fmt: skip
    r = c("text", tweets)
    assert r.entity == "FREE_TEXT_PII" and "free_text:0.34 USERNAME" in r.evidence, r


def test_emails_decorators_and_prices_are_not_mentions() -> None:
    notes = [
        f"Use @dataclass and @property here, see docs; build {i} passed" for i in range(100)
    ] + [f"meet @ 5pm, ticket {i} costs 4 @ 2.50 each" for i in range(100)]
    assert c("notes", notes).entity is None


# --- E15: pod names, versions and English words are not street addresses ----------------------


@pytest.mark.parametrize(
    "value",
    [
        "checkout-api-129227636-4egbi", "payments-worker-7f9c6d-x2k4q", "layout-v2-3381",
        "timeout 30", "Checkout 2", "monitoring 24", "Aggregate 12", "logout-3",
        "Stage 4 rollout", "node-exporter-55xz8",
    ],
)  # fmt: skip
def test_not_street_addresses(value: str) -> None:
    from privacy.scan.recognizers.street_address import StreetAddressRecognizer

    assert not StreetAddressRecognizer().match(value)


@pytest.mark.parametrize(
    "value",
    [
        "Kaiserring 12", "Husova 5", "Mannerheimintie 14 B", "Hauptstr. 7", "Dorpsstraat 21",
        "Vasagatan 3", "Nørregade 18", "Andrássy út 60", "12 Baker Street", "Karl Johans gate 5",
        "Storgata 4", "ul. Krakowska 10", "Keizersgracht 123", "Lindenweg 3a",
    ],
)  # fmt: skip
def test_street_addresses_with_suffixes(value: str) -> None:
    from privacy.scan.recognizers.street_address import StreetAddressRecognizer

    assert StreetAddressRecognizer().match(value)


def test_pod_name_column_is_not_an_address() -> None:
    rnd = random.Random(18)
    svc = ["checkout-api", "cart", "payments-worker", "layout-renderer", "timeout-watcher"]
    pods = [f"{rnd.choice(svc)}-{rnd.randint(10**8, 10**9)}-{rnd.randint(10**4, 10**5):x}"
            for _ in range(300)]  # fmt: skip
    assert c("pod", pods).entity is None
    assert c("col_2", pods).entity is None


# --- E16: coordinates of business places -------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["site_lat", "site_lon", "store_lat", "warehouse_longitude", "branch_latitude",
     "sensor_lng", "station_lat", "hotel_lon", "airport_latitude", "tower_lat"],
)  # fmt: skip
def test_business_place_coordinates_are_not_personal(name: str) -> None:
    assert analyze(name).entity is None
    rnd = random.Random(19)
    assert c(name, [round(rnd.uniform(-80, 80), 5) for _ in range(300)], F).entity is None


@pytest.mark.parametrize("name", ["lat", "home_latitude", "pickup_lon", "customer_lng"])
def test_people_coordinates_stay_personal(name: str) -> None:
    rnd = random.Random(20)
    assert c(name, [round(rnd.uniform(-80, 80), 5) for _ in range(300)], F).entity == (
        "GEO_COORDINATE"
    )


def test_few_points_over_many_rows_are_fixed_places() -> None:
    points = [52.52, 48.1372, 45.4642, 41.9028, 50.0755, 47.4979]
    r = c("latitude", repeat(points, 1000), F)
    assert r.entity is None and any("fixed places" in e for e in r.evidence)


# --- E17: category values and placeholders are not names -------------------------------------


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("contact", ["landline", "unknown", "mobile"]),
        ("contact", ["cellular", "unknown", "telephone"]),
        ("owner", ["Unknown", "Other", "None"]),
        ("name", ["Yes", "No", "N/A"]),
        ("physicalDeliveryOfficeName", ["HQ-3F", "Remote", "Austin"]),
        ("branch_office_name", ["Dallas", "Remote", "Head Office", "Madison"]),
        ("user", ["landline", "cellular", "telephone"]),
        ("assignee", ["backlog", "triage", "unassigned", "frontend"]),
    ],
)
def test_category_values_under_name_words(name: str, values: list[str]) -> None:
    assert c(name, repeat(list(values), 500)).entity is None


def test_sexes_under_a_person_word_are_a_gender_column() -> None:
    assert c("agent", repeat(["Male", "Female"], 500)).entity == "GENDER"


def test_a_few_listed_people_still_count() -> None:
    assert c("owner", repeat(["Lena", "Marco", "Ingrid"], 500)).entity in NAME_FAMILY
    assert c("reviewer", repeat(FULL[:4], 500)).entity == "PERSON"


def test_placeholders_are_not_listed_names() -> None:
    from privacy.scan.recognizers.person_name import name_lists

    first, last = name_lists()
    for w in ("unknown", "male", "true", "nil"):
        assert w not in first and w not in last


# --- E18: past dates are birth dates only by name, or when they are a grown population's -------


def _dates(seed: int, years: tuple[int, int], n: int = 400) -> list[object]:
    import datetime as dt

    rnd = random.Random(seed)
    today = dt.date.today()
    return [
        today - dt.timedelta(days=rnd.randint(int(years[0] * 365.25), int(years[1] * 365.25)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("name", ["STOP", "end_date", "closed_at", "DEATHDATE", "valid_until"])
def test_record_dates_over_decades_are_not_birth_dates(name: str) -> None:
    # a long history: records from the last months back to 80 years ago
    assert c(name, _dates(21, (0.2, 80)), D).entity is None


@pytest.mark.parametrize("name", ["dob", "BirthDate", "geburtsdatum", "dt_nasc", "fødselsdato"])
def test_birth_names_keep_birth_dates(name: str) -> None:
    assert c(name, _dates(22, (1, 90)), D).entity == "DATE_OF_BIRTH"


def test_meaningless_names_and_grown_populations_decide_from_values() -> None:
    assert c("col_12", _dates(23, (5, 85)), D).entity == "DATE_OF_BIRTH"
    # customers' birthdays (18 to 80) under an unrelated name
    assert c("since", _dates(24, (18, 80)), D).entity == "DATE_OF_BIRTH"
    # ...but not a table's start dates reaching into the last years
    assert c("since", _dates(25, (1, 60)), D).entity is None


def test_date_shares_never_exceed_one() -> None:
    dates = _dates(26, (18, 80), 3000)  # more distinct values than are kept
    r = c("dob", dates, D)
    share = next(e for e in r.evidence if e.startswith("values:"))
    assert float(share.split()[0].split(":")[1]) <= 1.0


# --- empty columns: only a dedicated name proposes, at the lowest confidence -----------------


@pytest.mark.parametrize(
    ("name", "entity"),
    [("email", "EMAIL_ADDRESS"), ("ssn", "US_SSN"), ("date_of_birth", "DATE_OF_BIRTH"),
     ("iban", "IBAN_CODE"), ("Nickname", None), ("name", None), ("user", None),
     ("address", None), ("host_name", None), ("notes", None)],
)  # fmt: skip
def test_all_empty_columns(name: str, entity: str | None) -> None:
    r = c(name, [None, "", "  ", None] * 50)
    assert r.entity == entity
    assert "values:empty" in r.evidence
    assert r.confidence == (0.5 if entity else 0.0)


def test_people_in_text_are_counted_over_rows_not_over_repeated_replies(ner) -> None:  # type: ignore[no-untyped-def]
    # a few stock replies repeated by many rows, and many single reviews naming the host
    stock = ["Great place, would stay again.", "Everything was as described.",
             "Nice and clean, good location.", "Perfect for a short city trip."]  # fmt: skip
    named = _texts(REVIEWS_WITH_NAMES, 400, 3)
    values = [v for v in stock for _ in range(60)] + [f"{v} ({k})" for k, v in enumerate(named)]
    r = classify(ColumnInfo("comments", S), values, ner=ner)
    assert r.entity == "FREE_TEXT_PII", r
