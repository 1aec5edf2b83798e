"""A database that goes down in the middle of an erasure: the request pauses with the reason,
nothing is lost, and `resume` finishes it once the database is back.

The outage is real: the warehouse is reached through a TCP relay on 127.0.0.1 that the test
closes (existing connections cut, new ones refused) after the first table step, then reopens.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path

import pytest

from privacy.config import load_settings
from privacy.dsr import RequestState
from privacy.dsr import workflow as dsr
from tests.integration import test_dsr_world as world

pytestmark = pytest.mark.services


class Relay:
    """Forward 127.0.0.1:<port> to PostgreSQL; ``down()`` cuts every connection."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> None:
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self.port))
        self.port = srv.getsockname()[1]
        srv.listen(16)
        self._server = srv
        threading.Thread(target=self._accept, args=(srv,), daemon=True).start()

    def _accept(self, srv: socket.socket) -> None:
        while True:
            try:
                client, _ = srv.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def down(self) -> None:
        if self._server:
            # shutdown wakes the thread blocked in accept(); close alone may not free the port
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None
        with self._lock:
            for s in self._conns:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
            self._conns.clear()


def test_database_down_mid_request_pauses_then_resume_finishes(
    tmp_path: Path, pg_url: str, mysql_url: str, state_home: Path
) -> None:
    world.build(tmp_path, pg_url, mysql_url)
    relay = Relay(("127.0.0.1", 5432))
    relay.up()
    toml = tmp_path / "privacy.toml"
    relayed = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{relay.port}")
    toml.write_text(toml.read_text().replace(pg_url, relayed))
    settings = load_settings(tmp_path)

    steps_seen: list[str] = []

    def progress(ids: object, step: object, total: int) -> None:
        steps_seen.append(step.target)  # type: ignore[attr-defined]
        if len(steps_seen) == 1:
            relay.down()  # the warehouse goes away after the first table is done

    req = dsr.erase(settings, "email:alice@example.com", progress=progress)
    assert req.state is RequestState.PAUSED
    reason = req.state_reason or ""
    assert "unavailable" in reason or "connect" in reason, reason
    assert "alice" not in (req.state_reason or "")
    view, steps = dsr.show(settings, req.id)
    assert view.state == "paused"
    assert steps[0].status.value == "done"
    assert steps[1].status.value == "failed" and steps[1].error
    assert all(s.status.value == "pending" for s in steps[2:])

    # still down: resume pauses again, nothing lost
    again = dsr.resume(settings, req.id)
    assert again.state is RequestState.PAUSED

    relay.up()
    done = dsr.resume(settings, req.id)
    assert done.state is RequestState.DONE, done.state_reason
    assert world.snapshot(pg_url, mysql_url, tmp_path / "lake") == (
        world.expected_after_erasing_alice()
    )
    from privacy import auditing

    events = [r.action for r in auditing.open_log(settings, readonly=True).records()]
    assert events.count("dsr.paused") == 2 and events.count("dsr.resumed") == 2
    assert "dsr.step.failed" in events and events[-1] == "dsr.completed"
    relay.down()


def test_erase_yes_with_the_database_down_records_the_request_paused(
    tmp_path: Path, pg_url: str, mysql_url: str, state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request arrived and its deadline runs even when the warehouse is down: `erase --yes`
    records it (paused, with the reason) instead of failing with nothing to resume."""
    from typer.testing import CliRunner

    from cli.app import app

    world.build(tmp_path, pg_url, mysql_url)
    relay = Relay(("127.0.0.1", 5432))
    relay.up()
    toml = tmp_path / "privacy.toml"
    toml.write_text(
        toml.read_text().replace(
            pg_url, pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{relay.port}")
        )
    )
    relay.down()
    monkeypatch.setenv("PRIVACY_CONFIG", str(toml))
    settings = load_settings(tmp_path)
    runner = CliRunner()
    dry = runner.invoke(app, ["erase", "--subject", "email:alice@example.com", "--dry-run"])
    assert dry.exit_code != 0 and dsr.list_requests(settings) == []  # a dry run records nothing
    res = runner.invoke(app, ["erase", "--subject", "email:alice@example.com", "--yes"])
    assert res.exit_code == 1, res.output
    assert "cannot plan yet" in res.output and "alice" not in res.output
    (listed,) = dsr.list_requests(settings)
    assert listed.state == "paused"
    relay.up()
    done = dsr.resume(settings, listed.request.id)
    assert done.state is RequestState.DONE, done.state_reason
    assert world.snapshot(pg_url, mysql_url, tmp_path / "lake") == (
        world.expected_after_erasing_alice()
    )
    relay.down()
