"""NRP: nationality, religious or political group, and racial or ethnic origin (special
categories, GDPR art. 9).

Origin, faith and party are words like any other, so the column's name must say it
(``ethnicity``, ``religion``, ``party_cd``, ``kirchensteuer``). Under a dedicated name any
wording is plausible, and short codes too (``W``/``B`` race codes, ``RK``/``EV`` church-tax
codes). The strict test is a listed value: political parties and their register codes
(``DEM``, ``REP``, ``UNA``...), faiths and the German church-tax codes, ethnic and racial
groups. It lets a *weak* name (``party``, ``denomination``, ``church``: a contract's party, a
banknote's denomination) count only when its values are such groups.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import TEXT, Recognizer
from privacy.scan.text import fold, wordset

_WORDS = re.compile(r"[^\d@]{2,120}", re.UNICODE)
_CODE = re.compile(r"[^\W\d_]{1,3}", re.UNICODE)

#: political parties and voter-register codes (US register codes, common party names and
#: abbreviations of European parties)
PARTIES = wordset(
    """dem rep una unaffiliated lib gre grn cst ind npa nonpartisan democrat democratic
    democrats republican republicans independent libertarian green greens constitution
    reform socialist communist labour labor conservative conservatives liberal liberals
    tory snp plaid ukip cdu csu spd fdp afd grune grunen linke bsw ps lr rn lfi eelv modem
    psoe pp vox podemos sumar pd fdi lega m5s fi vvd pvv cda d66 sp gl pvda fvd ndp bq
    pri pan morena pt psdb mdb psol no_party none"""
) | {
    "no party",
    "no party affiliation",
    "green party",
    "labour party",
    "liberal democrat",
    "liberal democrats",
    "democratic party",
    "republican party",
    "independent party",
}

#: faiths, and the German church-tax codes (``rk`` Roman Catholic, ``ev`` Protestant...)
FAITHS = wordset(
    """catholic protestant evangelical lutheran orthodox anglican baptist methodist
    presbyterian pentecostal mormon christian muslim islam islamic sunni shia jewish judaism
    hindu hinduism buddhist buddhism sikh sikhism jain bahai taoist shinto atheist agnostic
    secular katholisch evangelisch reformiert altkatholisch israelitisch judisch muslimisch
    konfessionslos catholique protestant musulman juif catolico catolica evangelico
    evangelica musulmano ebreo rk ev ak is lt rf fr fa fb fg fm fs ib il jd jh"""
) | {
    "roman catholic",
    "romisch-katholisch",
    "romisch katholisch",
    "church of england",
    "no religion",
    "none",
    "other religion",
    "greek orthodox",
    "russian orthodox",
}

#: ethnic and racial groups as registers and surveys record them
ORIGINS = wordset(
    """white black asian hispanic latino latina latinx caucasian african indian chinese
    arab mixed multiracial biracial indigenous aboriginal maori pacific coloured"""
) | {
    "african american",
    "black or african american",
    "american indian",
    "american indian or alaska native",
    "native american",
    "alaska native",
    "native hawaiian",
    "pacific islander",
    "native hawaiian or other pacific islander",
    "two or more races",
    "some other race",
    "not hispanic or latino",
    "hispanic or latino",
    "white british",
    "white other",
    "black british",
    "mixed race",
    "south asian",
    "east asian",
    "middle eastern",
}

LISTED = frozenset(PARTIES | FAITHS | ORIGINS)


class NrpRecognizer(Recognizer):
    entity = "NRP"
    kinds = TEXT
    specificity = 0.6

    def match(self, text: str) -> bool:
        return fold(text).rstrip(".") in LISTED

    def plausible(self, text: str) -> bool:
        return (_WORDS.fullmatch(text) is not None and any(ch.isalpha() for ch in text)) or (
            _CODE.fullmatch(text) is not None
        )
