# ruff: noqa: E501, B023
# (value vocabularies are long literals; lambdas passed to sometimes() run at once)
"""Asia, Latin America: Indian KYC, Brazilian customers, Mexican register, Chinese members."""

from __future__ import annotations

import datetime as dt
import random

import pandas as pd
from faker import Faker

from .common import (
    ANY,
    CITY,
    DOB,
    EMAIL,
    FIRST,
    GENDER,
    LAST,
    NONE,
    PERSON,
    PHONE,
    POSTAL,
    STREET,
    Label,
    Table,
    mess,
    sometimes,
)
from .ids import aadhaar, ifsc, pan

IN_STATES = [
    ("Maharashtra", "Mumbai", "400"),
    ("Karnataka", "Bengaluru", "560"),
    ("Tamil Nadu", "Chennai", "600"),
    ("Delhi", "New Delhi", "110"),
    ("West Bengal", "Kolkata", "700"),
    ("Telangana", "Hyderabad", "500"),
    ("Gujarat", "Ahmedabad", "380"),
]


def india_kyc(seed: int = 701) -> Table:
    rng, fk = random.Random(seed), Faker("en_IN")
    fk.seed_instance(seed)
    rows = []
    for _i in range(1000):
        female = rng.random() < 0.45
        first = fk.first_name_female() if female else fk.first_name_male()
        last = fk.last_name()
        state, city, pin = rng.choice(IN_STATES)
        a = aadhaar(rng)
        mob = f"{rng.choice('6789')}{rng.randint(100000000, 999999999)}"
        rows.append(
            {
                "customer_id": f"CUST{rng.randint(10**7, 10**8)}",
                "customer_name": f"{first} {last}",
                "father_name": f"{fk.first_name_male()} {last}",
                "dob": fk.date_of_birth(minimum_age=18, maximum_age=80).strftime("%d-%m-%Y"),
                "gender": "F" if female else "M",
                "aadhaar_no": rng.choice([f"{a[:4]} {a[4:8]} {a[8:]}", a, f"XXXX XXXX {a[8:]}"]),
                "pan": pan(rng, last),
                "mobile": rng.choice([mob, f"+91{mob}", f"+91-{mob[:5]} {mob[5:]}", f"0{mob}"]),
                "email": sometimes(
                    rng,
                    0.8,
                    lambda: (
                        f"{first.lower()}.{last.lower()}{rng.randint(1, 999)}@{rng.choice(['gmail.com', 'yahoo.co.in', 'rediffmail.com'])}"
                    ),
                ),
                "address": f"{rng.randint(1, 200)}/{rng.randint(1, 40)}, {fk.street_name()}, {rng.choice(['Andheri West', 'Koramangala', 'T Nagar', 'Salt Lake', 'Banjara Hills', 'Navrangpura'])}",
                "city": city,
                "state": state,
                "pincode": f"{pin}{rng.randint(1, 99):03d}",
                "ifsc": ifsc(rng),
                "account_no": str(rng.randint(10**10, 10**15)),
                "occupation": rng.choice(
                    ["Salaried", "Self Employed", "Business", "Student", "Housewife", "Retired"]
                ),
                "annual_income": rng.choice(
                    ["< 1 Lakh", "1-5 Lakh", "5-10 Lakh", "10-25 Lakh", "> 25 Lakh"]
                ),
                "kyc_status": rng.choice(["VERIFIED", "PENDING", "REJECTED"]),
                "ckyc_no": sometimes(rng, 0.5, lambda: str(rng.randint(10**13, 10**14 - 1))),
            }
        )
    df = pd.DataFrame(rows)
    df["email"] = mess(rng, df["email"].tolist(), na=0.03, tokens=("NA", "-"))
    labels: dict[str, Label] = {
        "customer_id": ANY,
        "customer_name": PERSON,
        "father_name": PERSON,
        "dob": DOB,
        "gender": GENDER,
        "aadhaar_no": ["NATIONAL_ID"],
        "pan": ["NATIONAL_ID"],
        "mobile": PHONE,
        "email": EMAIL,
        "address": STREET,
        "city": CITY,
        "state": ANY,
        "pincode": POSTAL,
        "ifsc": ANY,
        "account_no": ["US_BANK_NUMBER"],
        "occupation": NONE,
        "annual_income": ANY,
        "kyc_status": NONE,
        "ckyc_no": ANY,
    }
    return df, labels


def brazil_clientes(seed: int = 702) -> Table:
    rng, fk = random.Random(seed), Faker("pt_BR")
    fk.seed_instance(seed)
    rows = []
    for i in range(800):
        female = rng.random() < 0.5
        cpf = fk.cpf()
        rows.append(
            {
                "id_cliente": i + 1,
                "nome_completo": fk.name_female() if female else fk.name_male(),
                "cpf": cpf if rng.random() < 0.7 else cpf.replace(".", "").replace("-", ""),
                "rg": fk.rg(),
                "data_nascimento": fk.date_of_birth(minimum_age=18, maximum_age=85).strftime(
                    "%d/%m/%Y"
                ),
                "sexo": "F" if female else "M",
                "email": fk.free_email(),
                "celular": f"({rng.choice([11, 21, 31, 41, 51, 61, 71, 81])}) 9{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                "cep": fk.postcode(),
                "logradouro": fk.street_name(),
                "numero": str(rng.randint(1, 3000)) if rng.random() > 0.05 else "S/N",
                "complemento": rng.choice(
                    [
                        None,
                        None,
                        f"Apto {rng.randint(11, 1504)}",
                        f"Bloco {rng.choice('ABC')}",
                        "Casa 2",
                    ]
                ),
                "bairro": fk.bairro(),
                "cidade": fk.city(),
                "uf": fk.estado_sigla(),
                "cnpj_empregador": sometimes(rng, 0.4, fk.cnpj),
                "renda_mensal": round(rng.uniform(1412, 25000), 2),
                "data_cadastro": fk.date_between(dt.date(2015, 1, 1), dt.date(2024, 5, 1)),
                "aceita_marketing": rng.choice(["S", "N"]),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "id_cliente": ANY,
        "nome_completo": PERSON,
        "cpf": ["NATIONAL_ID"],
        "rg": ["NATIONAL_ID"],
        "data_nascimento": DOB,
        "sexo": GENDER,
        "email": EMAIL,
        "celular": PHONE,
        "cep": POSTAL,
        "logradouro": STREET,
        "numero": ANY,
        "complemento": ANY,
        "bairro": ANY,
        "cidade": CITY,
        "uf": ANY,
        "cnpj_empregador": NONE,
        "renda_mensal": ANY,
        "data_cadastro": NONE,
        "aceita_marketing": NONE,
    }
    return df, labels


MX_STATES = [
    ("CIUDAD DE MEXICO", "CUAUHTEMOC", "06"),
    ("JALISCO", "GUADALAJARA", "44"),
    ("NUEVO LEON", "MONTERREY", "64"),
    ("PUEBLA", "PUEBLA", "72"),
    ("YUCATAN", "MERIDA", "97"),
    ("ESTADO DE MEXICO", "ECATEPEC DE MORELOS", "55"),
]


def mexico_padron(seed: int = 703) -> Table:
    rng, fk = random.Random(seed), Faker("es_MX")
    fk.seed_instance(seed)
    rows = []
    for i in range(600):
        female = rng.random() < 0.5
        _st, mun, cp = rng.choice(MX_STATES)
        rows.append(
            {
                "FOLIO": f"{i + 1:06d}",
                "CURP": fk.curp(),
                "RFC": fk.rfc(),
                "NOMBRE": (fk.first_name_female() if female else fk.first_name_male()).upper(),
                "PRIMER_APELLIDO": fk.last_name().upper(),
                "SEGUNDO_APELLIDO": fk.last_name().upper() if rng.random() < 0.93 else "X",
                "FECHA_NAC": fk.date_of_birth(minimum_age=18, maximum_age=90).strftime("%Y-%m-%d"),
                "SEXO": "M" if female else "H",
                "ENTIDAD_NAC": rng.choice(
                    [s for s, _, _ in MX_STATES] + ["NACIDO EN EL EXTRANJERO"]
                ),
                "MUNICIPIO": mun,
                "CODIGO_POSTAL": f"{cp}{rng.randint(0, 999):03d}",
                "TELEFONO": f"{rng.choice(['55', '33', '81', '222', '999'])}{rng.randint(10**7, 10**8 - 1)}"[
                    :10
                ],
                "CORREO": sometimes(rng, 0.6, fk.free_email),
                "PROGRAMA": rng.choice(
                    [
                        "PENSION ADULTOS MAYORES",
                        "BECAS BENITO JUAREZ",
                        "SEMBRANDO VIDA",
                        "JOVENES CONSTRUYENDO EL FUTURO",
                    ]
                ),
                "MONTO": rng.choice([2400, 4800, 6000, 1900]),
                "PERIODO": rng.choice(["2024-01", "2024-03", "2024-05"]),
            }
        )
    df = pd.DataFrame(rows)
    df["CORREO"] = mess(rng, df["CORREO"].tolist(), space=0.05)
    labels: dict[str, Label] = {
        "FOLIO": ANY,
        "CURP": ["NATIONAL_ID"],
        "RFC": ["NATIONAL_ID"],
        "NOMBRE": FIRST,
        "PRIMER_APELLIDO": LAST,
        "SEGUNDO_APELLIDO": LAST,
        "FECHA_NAC": DOB,
        "SEXO": GENDER,
        "ENTIDAD_NAC": ANY,
        "MUNICIPIO": ANY,
        "CODIGO_POSTAL": POSTAL,
        "TELEFONO": PHONE,
        "CORREO": EMAIL,
        "PROGRAMA": ANY,
        "MONTO": NONE,
        "PERIODO": NONE,
    }
    return df, labels


def china_members(seed: int = 704) -> Table:
    rng, fk = random.Random(seed), Faker("zh_CN")
    fk.seed_instance(seed)
    rows = []
    for _i in range(600):
        ssn = fk.ssn()
        female = int(ssn[16]) % 2 == 0
        rows.append(
            {
                "会员编号": f"VIP{rng.randint(10**7, 10**8)}",
                "姓名": fk.name(),
                "身份证号": ssn,
                "手机号": fk.phone_number() if rng.random() > 0.1 else f"+86 {fk.phone_number()}",
                "性别": "女" if female else "男",
                "出生日期": f"{ssn[6:10]}-{ssn[10:12]}-{ssn[12:14]}",
                "省份": fk.province(),
                "城市": fk.city(),
                "详细地址": fk.street_address()
                + f"{rng.randint(1, 30)}号{rng.randint(1, 28)}0{rng.randint(1, 4)}室",
                "邮箱": sometimes(rng, 0.5, fk.free_email),
                "注册时间": fk.date_time_between(
                    dt.datetime(2018, 1, 1), dt.datetime(2024, 5, 1)
                ).strftime("%Y-%m-%d %H:%M:%S"),
                "会员等级": rng.choice(["普通会员", "银卡", "金卡", "钻石"]),
                "积分": rng.randint(0, 50000),
            }
        )
    df = pd.DataFrame(rows)
    labels: dict[str, Label] = {
        "会员编号": ANY,
        "姓名": PERSON,
        "身份证号": ["NATIONAL_ID"],
        "手机号": PHONE,
        "性别": GENDER,
        "出生日期": DOB,
        "省份": ANY,
        "城市": CITY,
        "详细地址": STREET,
        "邮箱": EMAIL,
        "注册时间": NONE,
        "会员等级": NONE,
        "积分": NONE,
    }
    return df, labels
