"""Airflow: a task decorator and an operator that guard what a task loads.

Airflow is an optional extra (``pip install 'privacy-toolkit[airflow]'``): importing this
module does not import Airflow; :func:`guarded_task` imports it when it decorates, and
``GuardOperator`` is built on first access. :func:`run_guarded` is the plain callable both
wrap, usable from any scheduler.

    from privacy.hooks.airflow import GuardOperator, guarded_task

    @guarded_task("lake.orders", write="parquet", target="/data/lake/orders/")
    def load_orders():
        return extract_orders()          # a DataFrame, Arrow table or list of dicts

    GuardOperator(task_id="load_customers", dataset="warehouse.customers",
                  python_callable=extract_customers, write="sql",
                  target="warehouse", table="customers")

A batch with untagged personal data fails the task without retries (``AirflowFailException``):
retrying cannot help until a person confirms the tags. Faults that may pass (the catalog or
the database unreachable) fail it the ordinary way, so Airflow's retries apply. Nothing is
written in either case. With ``write=None`` the task returns the guarded (protected) batch,
which Airflow stores as its XCom; otherwise it returns a small summary (dataset, rows, where).
To encrypt per policy, call ``policies.hooks_adapter.activate()`` at the top of the DAG file:
workers import it before they run a task.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

from privacy.config import Settings
from privacy.errors import PrivacyError
from privacy.hooks.core import Mode, guard
from privacy.hooks.protector import Protector

Write = Literal["parquet", "delta", "sql"]
WRITES = ("parquet", "delta", "sql")


def run_guarded(
    fn: Callable[..., Any],
    dataset: str,
    *,
    args: Sequence[Any] = (),
    kwargs: Mapping[str, Any] | None = None,
    mode: Mode = "enforce",
    write: Write | None = None,
    target: str | None = None,
    table: str | None = None,
    settings: Settings | None = None,
    protector: Protector | None = None,
) -> Any:
    """Call ``fn`` for a batch, guard it for ``dataset``, and write it (``write`` = parquet:
    ``target`` is a file or folder; delta: a table URI; sql: a URL or source name, with
    ``table``). Returns the guarded batch when ``write`` is None, else a summary dict."""
    from privacy.errors import ConfigError
    from privacy.hooks.batch import view_of

    if write is not None and (write not in WRITES or not target or (write == "sql" and not table)):
        raise ConfigError(
            f"cannot write {write!r} to target={target!r} table={table!r}",
            hint="write='parquet' or 'delta' needs target=; write='sql' needs target= (URL or "
            "source name) and table=",
        )
    batch = fn(*args, **dict(kwargs or {}))
    if write is None:
        return guard(batch, dataset, mode=mode, settings=settings, protector=protector)
    rows = view_of(batch).rows
    summary: dict[str, Any] = {"dataset": dataset, "rows": rows, "write": write}
    if write == "parquet":
        from privacy.hooks.writers import write_parquet

        assert target is not None
        path = write_parquet(
            batch, target, dataset, mode=mode, settings=settings, protector=protector
        )
        summary["path"] = str(path)
    elif write == "delta":
        from privacy.hooks.writers import write_delta

        assert target is not None
        write_delta(batch, target, dataset, mode=mode, settings=settings, protector=protector)
        summary["table_uri"] = target
    else:
        from privacy.hooks.writers import write_sql

        assert target is not None and table is not None
        write_sql(
            batch,
            target,
            table,
            dataset=dataset,
            mode=mode,
            settings=settings,
            protector=protector,
        )
        summary["table"] = table
    return summary


def _airflow(name: str, *modules: str) -> Any:
    """``name`` from the first of ``modules`` that has it (Airflow 3's task SDK, then the
    Airflow 2 location)."""
    import importlib

    for m in modules:
        try:
            return getattr(importlib.import_module(m), name)
        except (ImportError, AttributeError):
            continue
    raise ImportError(
        f"Airflow is not installed (needed for {name}): pip install 'privacy-toolkit[airflow]'"
    )


def _fail_exception() -> type[Exception]:
    cls: type[Exception] = _airflow(
        "AirflowFailException", "airflow.sdk.exceptions", "airflow.exceptions"
    )
    return cls


def in_airflow(call: Callable[[], Any]) -> Any:
    """Run ``call``; a terminal toolkit error fails the task without retries."""
    try:
        return call()
    except PrivacyError as e:
        if e.retryable:
            raise
        raise _fail_exception()(str(e)) from e


def guarded_task(
    dataset: str,
    *,
    mode: Mode = "enforce",
    write: Write | None = None,
    target: str | None = None,
    table: str | None = None,
    settings: Settings | None = None,
    protector: Protector | None = None,
    **task_kwargs: Any,
) -> Callable[[Callable[..., Any]], Any]:
    """An Airflow ``@task`` whose function returns a batch that is guarded (and written)
    before the task succeeds. ``task_kwargs`` go to ``@task`` (task_id, retries, ...)."""

    def decorate(fn: Callable[..., Any]) -> Any:
        task = _airflow("task", "airflow.sdk", "airflow.decorators")

        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            return in_airflow(
                lambda: run_guarded(
                    fn,
                    dataset,
                    args=args,
                    kwargs=kwargs,
                    mode=mode,
                    write=write,
                    target=target,
                    table=table,
                    settings=settings,
                    protector=protector,
                )
            )

        return task(**task_kwargs)(run)

    return decorate


def _build_operator() -> type:
    base: Any = _airflow("BaseOperator", "airflow.sdk", "airflow.models")

    class GuardOperator(base):
        """Calls ``python_callable`` for a batch, guards it for ``dataset`` and writes it
        (see :func:`run_guarded` for ``write``/``target``/``table``)."""

        template_fields: Sequence[str] = ("dataset", "target", "table", "op_args", "op_kwargs")

        def __init__(
            self,
            *,
            dataset: str,
            python_callable: Callable[..., Any],
            op_args: Sequence[Any] | None = None,
            op_kwargs: Mapping[str, Any] | None = None,
            mode: Mode = "enforce",
            write: Write | None = None,
            target: str | None = None,
            table: str | None = None,
            **kwargs: Any,
        ) -> None:
            super().__init__(**kwargs)
            self.dataset = dataset
            self.python_callable = python_callable
            self.op_args = list(op_args or [])
            self.op_kwargs = dict(op_kwargs or {})
            self.mode = mode
            self.write = write
            self.target = target
            self.table = table

        def execute(self, context: Any) -> Any:
            return in_airflow(
                lambda: run_guarded(
                    self.python_callable,
                    self.dataset,
                    args=self.op_args,
                    kwargs=self.op_kwargs,
                    mode=self.mode,
                    write=self.write,
                    target=self.target,
                    table=self.table,
                )
            )

    GuardOperator.__module__ = __name__
    return GuardOperator


def __getattr__(name: str) -> Any:
    # PEP 562: the operator class needs Airflow, so it is built when first asked for
    if name == "GuardOperator":
        cls = _build_operator()
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
