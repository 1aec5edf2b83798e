"""ETL hooks: reject untagged personal data at ingestion, protect what passes.

    from privacy.hooks import guard, write_parquet
    df = guard(df, "lake.orders")                     # raises UntaggedPIIError, or protects
    write_parquet(df, "lake/orders/", "lake.orders")  # guard, then write

See docs/hooks.md. ``privacy.hooks.airflow`` holds the Airflow task decorator and operator
(Airflow is imported only when they are used), ``privacy.hooks.check`` and
``privacy.hooks.dbt`` the checks behind ``privacy check``.
"""

from privacy.errors import Finding, UntaggedPIIError
from privacy.hooks.batch import BatchTypeError, BatchView, view_of
from privacy.hooks.classify import ClassificationError, Proposal
from privacy.hooks.core import MODES, Guard, Mode, guard, split_dataset
from privacy.hooks.protector import (
    Protector,
    ProtectorMissingError,
    policy_configured,
    registered_protector,
    use_protector,
)
from privacy.hooks.writers import write_delta, write_parquet, write_sql

__all__ = [
    "MODES",
    "BatchTypeError",
    "BatchView",
    "ClassificationError",
    "Finding",
    "Guard",
    "Mode",
    "Proposal",
    "Protector",
    "ProtectorMissingError",
    "UntaggedPIIError",
    "guard",
    "policy_configured",
    "registered_protector",
    "split_dataset",
    "use_protector",
    "view_of",
    "write_delta",
    "write_parquet",
    "write_sql",
]
