"""The active policy: a bad file never displaces the one in force; damaged state fails closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.active import activate, active_policy, active_state, state_path
from policies.loader import default_policy
from privacy.config import Settings
from privacy.errors import PolicyError
from tests.support import audit_events as audit

GOOD = (
    "version: 1\nroles: {analyst: {}}\nrules:\n  - category: contact\n    access: {analyst: hash}\n"
)


def test_first_use_activates_the_default_policy(settings: Settings) -> None:
    assert active_state(settings) is None
    p = active_policy(settings)
    assert p.version == default_policy().version
    state = active_state(settings)
    assert state is not None and state.version == p.version
    assert [e["action"] for e in audit(settings)] == ["policy.activated"]


def test_a_rejected_file_leaves_the_previous_policy_in_force(
    settings: Settings, tmp_path: Path
) -> None:
    good = tmp_path / "company.yaml"
    good.write_text(GOOD)
    first = activate(settings, [good], actor="alice")
    # the file is edited into something contradictory
    good.write_text(GOOD.replace("analyst: hash", "auditor: hash"))
    with pytest.raises(PolicyError, match="role 'auditor'") as err:
        activate(settings, [good], actor="alice")
    assert err.value.file == str(good) and err.value.line == 5
    still = active_policy(settings)
    assert still.version == first.version
    assert str(still.resolve("analyst", "contact").effect) == "hash"
    rejected = [e for e in audit(settings) if e["action"] == "policy.rejected"]
    assert len(rejected) == 1
    details = rejected[0]["details"]
    assert isinstance(details, dict)
    assert details["active_version"] == first.version and details["line"] == 5
    assert rejected[0]["outcome"] == "rejected"


def test_files_edited_on_disk_change_nothing_until_activated(
    settings: Settings, tmp_path: Path
) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(GOOD)
    v1 = activate(settings, [f]).version
    f.write_text(GOOD.replace("analyst: hash", "analyst: allow"))
    assert active_policy(settings).version == v1
    v2 = activate(settings, [f]).version
    assert v2 != v1 and active_policy(settings).version == v2


def test_configured_files_are_used_by_default(state_home: Path, tmp_path: Path) -> None:
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "company.yaml").write_text(GOOD)
    (tmp_path / "privacy.toml").write_text('[policy]\nfiles = ["policies/company.yaml"]\n')
    from privacy.config import load_settings

    s = load_settings(tmp_path)
    p = active_policy(s)
    assert p.files == (str(tmp_path / "policies" / "company.yaml"),)
    assert set(p.roles) == {"analyst"}


@pytest.mark.parametrize(
    "damage",
    [
        lambda t: "{not json",
        lambda t: json.dumps({"version": "x"}),
        lambda t: t.replace('"hash"', '"allow"'),  # edited by hand: the version no longer fits
    ],
)
def test_damaged_state_fails_closed(settings: Settings, tmp_path: Path, damage: object) -> None:
    f = tmp_path / "p.yaml"
    f.write_text(GOOD)
    activate(settings, [f])
    path = state_path(settings)
    path.write_text(damage(path.read_text()))  # type: ignore[operator]
    with pytest.raises(PolicyError, match="privacy policy activate"):
        active_policy(settings)


def test_a_rejection_quoting_personal_data_is_still_audited(
    settings: Settings, tmp_path: Path
) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("version: 1\ncategories:\n  contact: [alice.martin@example.com]\n")
    with pytest.raises(PolicyError, match="not an entity name"):
        activate(settings, [f])
    [ev] = audit(settings, "policy.rejected")
    assert ev["details"]["line"] == 3
    assert "example.com" not in str(ev)
