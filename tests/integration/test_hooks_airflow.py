"""Airflow: the callable the decorator and operator wrap, and a real DAG run (``dag.test()``)
where the task loading untagged PII fails (without retries) and the one loading tagged PII
succeeds. The DAG runs in its own process with its own AIRFLOW_HOME and metadata database,
so Airflow's global configuration never leaks into the rest of the suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from privacy.catalog import Catalog
from privacy.config import Settings
from privacy.errors import CatalogUnavailableError, UntaggedPIIError
from privacy.hooks import core as guard_module
from privacy.hooks import state as hook_state
from privacy.hooks.airflow import in_airflow, run_guarded
from privacy.sources.base import ColumnRef

N = 20
EMAILS = [f"lead.{i}@example.com" for i in range(N)]


def frame(**extra: list[Any]) -> pd.DataFrame:
    return pd.DataFrame({"id": list(range(N)), "email": EMAILS, **extra})


@pytest.fixture(autouse=True)
def _isolated() -> Iterator[None]:
    yield
    hook_state.close_all()
    guard_module._verdicts.clear()


@pytest.fixture
def tagged(settings: Settings) -> Settings:
    cat = Catalog(settings.catalog_url)
    cat.set(ColumnRef("lake", "customers", "id"), None)
    cat.set(ColumnRef("lake", "customers", "email"), "EMAIL_ADDRESS")
    return settings


# --- the wrapped callable (no Airflow needed) ----------------------------------------------


def test_run_guarded_returns_the_guarded_batch(tagged: Settings) -> None:
    out = run_guarded(frame, "lake.customers", settings=tagged)
    assert list(out["email"]) == EMAILS


def test_run_guarded_writes_and_summarises(tagged: Settings, tmp_path: Path) -> None:
    summary = run_guarded(
        frame,
        "lake.customers",
        write="parquet",
        target=f"{tmp_path}/lake/customers/",
        settings=tagged,
    )
    assert summary["rows"] == N and summary["dataset"] == "lake.customers"
    assert Path(summary["path"]).exists()


def test_run_guarded_rejects_and_writes_nothing(tagged: Settings, tmp_path: Path) -> None:
    with pytest.raises(UntaggedPIIError):
        run_guarded(
            lambda: frame(contact=EMAILS),
            "lake.customers",
            write="parquet",
            target=f"{tmp_path}/lake/customers/",
            settings=tagged,
        )
    assert not (tmp_path / "lake").exists()


def test_run_guarded_refuses_an_incomplete_target(tagged: Settings) -> None:
    from privacy.errors import ConfigError

    with pytest.raises(ConfigError, match="needs target"):
        run_guarded(frame, "lake.customers", write="sql", target="warehouse", settings=tagged)


def test_terminal_errors_fail_the_task_without_retries() -> None:
    from airflow.sdk.exceptions import AirflowFailException

    def reject() -> None:
        raise UntaggedPIIError("lake.x", [])

    with pytest.raises(AirflowFailException) as ei:
        in_airflow(reject)
    assert isinstance(ei.value.__cause__, UntaggedPIIError)

    def unavailable() -> None:
        raise CatalogUnavailableError("down")

    with pytest.raises(CatalogUnavailableError):  # may pass: Airflow's retries apply
        in_airflow(unavailable)


# --- a real DAG run --------------------------------------------------------------------------

DAG_FILE = """\
import datetime as dt
import json
import os

import pandas as pd
import pendulum
from airflow.sdk import DAG

from privacy.hooks.airflow import GuardOperator, guarded_task

LAKE = os.environ["TEST_LAKE"]
N = 20
EMAILS = [f"lead.{i}@example.com" for i in range(N)]


def extract_leads():
    # a new source: its e-mail column has no tag yet
    return pd.DataFrame({"id": list(range(N)), "email": EMAILS})


with DAG("privacy_guard", schedule=None, start_date=pendulum.datetime(2024, 1, 1)) as dag:

    @guarded_task("lake.customers", write="parquet", target=f"{LAKE}/customers/")
    def load_customers():
        return [{"id": i, "email": e} for i, e in enumerate(EMAILS)]

    load_customers()
    GuardOperator(
        task_id="load_leads",
        dataset="lake.leads",
        python_callable=extract_leads,
        write="parquet",
        target=f"{LAKE}/leads/",
        retries=3,
        retry_delay=dt.timedelta(seconds=1),
    )

if __name__ == "__main__":
    run = dag.test()
    states = {ti.task_id: str(ti.state) for ti in run.get_task_instances()}
    tries = {ti.task_id: ti.try_number for ti in run.get_task_instances()}
    print("RESULT " + json.dumps({"run": str(run.state), "states": states, "tries": tries}))
"""


@pytest.mark.airflow
@pytest.mark.slow
def test_dag_run_fails_the_untagged_task_and_runs_the_tagged_one(
    tagged: Settings, tmp_path: Path
) -> None:
    dags = tmp_path / "dags"
    dags.mkdir()
    (dags / "privacy_guard_dag.py").write_text(textwrap.dedent(DAG_FILE))
    home = tmp_path / "airflow"
    lake = tmp_path / "lake"
    env = dict(os.environ)
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(dags),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=f"sqlite:///{home}/airflow.db",
        AIRFLOW__CORE__UNIT_TEST_MODE="True",
        PRIVACY_HOME=str(tagged.home),
        TEST_LAKE=str(lake),
    )
    env.pop("PRIVACY_CONFIG", None)
    migrate = subprocess.run(
        [sys.executable, "-c", "from airflow.utils.db import initdb; initdb()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    r = subprocess.run(
        [sys.executable, str(dags / "privacy_guard_dag.py")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [x for x in r.stdout.splitlines() if x.startswith("RESULT ")]
    assert lines, (r.stdout + r.stderr)[-4000:]
    result = json.loads(lines[-1].removeprefix("RESULT "))
    assert result["states"] == {"load_customers": "success", "load_leads": "failed"}
    assert result["tries"]["load_leads"] == 1  # failed for good, not retried
    assert result["run"] == "failed"
    assert "personal data in untagged columns: leads.email (EMAIL_ADDRESS)" in r.stdout + r.stderr
    assert len(list((lake / "customers").glob("part-*.parquet"))) == 1
    assert not (lake / "leads").exists()

    from privacy.auditing import open_log

    log = open_log(tagged, readonly=True)
    hooks = [(x.action, x.target) for x in log.records(actions=["hook."])]
    assert ("hook.passed", "lake.customers") in hooks
    assert ("hook.rejected", "lake.leads") in hooks
