"""HEALTH_DATA: data concerning health, a special category (GDPR art. 9).

Three shapes, all read with the column's name or table:

- **flags** named after a condition (``diabetes``, ``hypertension``, ``has_asthma``,
  ``hiv_positive``): 0/1, true/false, yes/no. A flag alone is not health data; a flag *named
  after a condition* says who has it, whatever the column's type;
- **clinical wording** in condition, diagnosis and medication columns ("Diabetes mellitus type 2
  (disorder)", "Acute bronchitis", "Amoxicillin 250 MG Oral Capsule"): a value counts when it
  holds a clinical term or a SNOMED CT semantic tag (``(disorder)``, ``(finding)``...);
- **ICD-10 codes** (``E11.9``, ``S52.501A``, ``J45``; without the dot too, as claims files
  write them) in diagnosis columns (``diagnosis_code``, ``dx``, ``icd10``), and ICD-9 codes
  (``250.00``) there as plausible;
- any wording under a health name (``diagnosis``, ``allergies``): plausible.

Values alone decide only for SNOMED-tagged text (half the values or more) and, under a name
that says nothing (``col_9``), for columns of dotted ICD-10 codes (nine in ten, varied; NACE
industry codes such as ``C10.1`` share the shape): clinical words are also the vocabulary of
drug catalogues and medical reference tables, which hold no one's data.
"""

from __future__ import annotations

import re

from privacy.scan.recognizers.base import INTEGERS, TEXT, Hit, Recognizer
from privacy.scan.text import wordset
from privacy.scan.values import Values
from privacy.sources.base import ColumnKind

_WORDS = re.compile(r"[^\d@]{2,200}", re.UNICODE)
_TOKENS = re.compile(r"[a-z]+")
#: SNOMED CT semantic tags that end a clinical term's description
_TAG = re.compile(
    r".*\((?:disorder|finding|procedure|situation|morphologic abnormality|observable entity"
    r"|regime/therapy|disease|clinical drug|medicinal product|event)\)\s*",
    re.IGNORECASE,
)
#: an ICD-10 code: a chapter letter, two characters of category, after the dot up to four of
#: detail (the 7th character of injuries, ``X`` placeholders)
_ICD10 = re.compile(r"[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?")
_ICD10_DOTTED = re.compile(r"[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}")
#: an ICD-9-CM code (``250.00``, ``V22.1``, ``E880.9``): digits like any others, so plausible
#: only, under a health name
_ICD9 = re.compile(r"\d{3}(?:\.\d{1,2})?|V\d{2}(?:\.\d{1,2})?|E\d{3}(?:\.\d)?")
_FLAGS = frozenset({"0", "1", "true", "false", "yes", "no", "y", "n", "t", "f", "ja", "nein",
                    "oui", "non", "si", "sí", "sim", "nao", "não"})  # fmt: skip

#: words of clinical records (conditions, symptoms, drugs and their forms, procedures)
CLINICAL = wordset(
    """diabetes diabetic mellitus hypertension hypertensive hypotension asthma bronchitis
    pneumonia sinusitis pharyngitis otitis tonsillitis gingivitis dermatitis arthritis
    osteoarthritis osteoporosis fracture sprain laceration concussion contusion carcinoma
    cancer neoplasm malignant tumor tumour lymphoma leukemia leukaemia melanoma metastasis
    metastatic syndrome disorder disease infection viral bacterial chronic acute anemia
    anaemia obesity obese hyperlipidemia hypercholesterolemia hypothyroidism hyperthyroidism
    epilepsy seizure migraine dementia alzheimer alzheimers parkinson parkinsons depression
    depressive anxiety schizophrenia bipolar adhd autism allergy allergic anaphylaxis eczema
    psoriasis hepatitis cirrhosis hiv aids tuberculosis covid influenza sepsis stroke
    infarction angina arrhythmia fibrillation coronary cardiac renal nephropathy
    neuropathy retinopathy copd emphysema pregnancy pregnant prenatal miscarriage gestational
    diagnosis symptom fever cough nausea vomiting diarrhea diarrhoea headache dizziness
    tablet tablets capsule capsules injection injectable inhaler inhalation oral topical mg
    mcg suspension syrup ointment insulin vaccine vaccination immunization surgery
    biopsy transplant dialysis chemotherapy radiotherapy therapy prescription medication
    dose dosage ischemic ischaemic embolism thrombosis apnea apnoea insomnia ulcer gastritis
    colitis appendicitis cystitis urinary polyp polyps cyst lesion hernia sclerosis
    dystrophy palsy paralysis amputation disability impairment deficiency intolerance
    hyperglycemia hypoglycemia prediabetes neuralgia tendinitis bursitis scoliosis"""
)


def snomed_tagged(text: str) -> bool:
    # the brackets first: the pattern's leading ``.*`` backtracks over the whole text
    return "(" in text and ")" in text and _TAG.fullmatch(text) is not None


def clinical(text: str) -> bool:
    """A clinical term or a SNOMED CT semantic tag in ``text``."""
    if snomed_tagged(text):
        return True
    return not CLINICAL.isdisjoint(_TOKENS.findall(text.lower()))


class HealthDataRecognizer(Recognizer):
    entity = "HEALTH_DATA"
    kinds = TEXT | INTEGERS | {ColumnKind.BOOLEAN}
    specificity = 0.6
    value_only = 0.5

    def match(self, text: str) -> bool:
        return clinical(text) or (len(text) <= 8 and _ICD10.fullmatch(text) is not None)

    def plausible(self, text: str) -> bool:
        if text.lower() in _FLAGS or _ICD9.fullmatch(text):
            return True
        return _WORDS.fullmatch(text) is not None and any(ch.isalpha() for ch in text)

    def applies(self, values: Values) -> bool:
        return (
            values.kind in TEXT
            and values.feature("alpha") >= 0.9
            and (values.avg_words >= 2 or values.avg_len <= 8)
        )

    def evaluate(self, values: Values, *, named: bool) -> Hit:
        if values.kind not in TEXT:
            # a flag or a code under a health name: plausible when the values are flags
            plaus = values.share(self.plausible, key="health:flags")
            return Hit(self.entity, 0.0, plaus, self.specificity)
        hit = super().evaluate(values, named=named)
        if values.avg_words < 2:
            icd = values.share(_ICD10_DOTTED.fullmatch, key="health:icd10")
            decisive = icd >= 0.9 and values.distinct >= 5
            notes = (f"values:{icd:.2f} icd-10",) if icd > 0 else ()
            # industry (NACE ``C10.1``) and section codes share the shape: a name that says
            # anything else is believed
            return Hit(self.entity, hit.rate, hit.plausible, self.specificity, decisive, False,
                       notes, blank_name=True)  # fmt: skip
        tagged = values.share(snomed_tagged, key="health:snomed")
        decisive = tagged >= 0.5
        notes = (f"values:{tagged:.2f} snomed-tagged",) if tagged > 0 else ()
        return Hit(self.entity, hit.rate, hit.plausible, self.specificity, decisive, False, notes)
