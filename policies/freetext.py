"""Free text (tickets, notes): mask only the PII spans Presidio's analyzer finds.

The rest of the text stays readable. The analyzer is built once per process, offline: spaCy's
small English model under the name the settings give, and tldextract's bundled suffix list
(its default fetches one from the internet on first use).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

#: spans scoring below this are left alone; low on purpose: masking too much is the safe error
SCORE_THRESHOLD = 0.35
_LOCK = threading.Lock()
_ENGINES: dict[str, AnalyzerEngine] = {}


def analyzer(model: str) -> AnalyzerEngine:
    with _LOCK:
        engine = _ENGINES.get(model)
        if engine is None:
            import tldextract.tldextract as tx
            from presidio_analyzer import AnalyzerEngine
            from presidio_analyzer.nlp_engine import NlpEngineProvider

            tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=())
            nlp = NlpEngineProvider(
                nlp_configuration={
                    "nlp_engine_name": "spacy",
                    "models": [{"lang_code": "en", "model_name": model}],
                }
            ).create_engine()
            engine = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
            _ENGINES[model] = engine
        return engine


def mask_text(
    text: str, replace: Callable[[str, str], str], *, model: str
) -> tuple[str, list[str]]:
    """``text`` with every PII span replaced by ``replace(span_text, entity)`` (through
    presidio-anonymizer, which also resolves overlapping spans); also the entities found, for
    the audit event (names, never values)."""
    from presidio_anonymizer.entities import OperatorConfig

    results = analyzer(model).analyze(text=text, language="en", score_threshold=SCORE_THRESHOLD)
    if not results:
        return text, []
    entities = sorted({r.entity_type for r in results})
    operators = {ent: OperatorConfig("custom", {"lambda": _bind(replace, ent)}) for ent in entities}
    out = _anonymizer().anonymize(text=text, analyzer_results=results, operators=operators)
    return out.text, [item.entity_type for item in out.items]


def _bind(replace: Callable[[str, str], str], entity: str) -> Callable[[str], str]:
    return lambda span: replace(span, entity)


_ANON: list[Any] = []


def _anonymizer() -> Any:
    if not _ANON:
        from presidio_anonymizer import AnonymizerEngine

        _ANON.append(AnonymizerEngine())
    return _ANON[0]
