"""Settings: packaged defaults < user file < SITREPS_* environment < CLI flags.

Only this module reads the environment. Settings are frozen and passed as arguments.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

ENV_PREFIX = "SITREPS_"


@dataclass(frozen=True)
class Settings:
    db_path: str = "sitreps.duckdb"
    max_input_mb: float = 50.0
    languages: tuple[str, ...] = ("en", "fr")
    gazetteer_dir: str = ""
    actors_file: str = ""
    progress: str = "auto"
    min_confidence: float = 0.3
    type_model: bool = True
    fuse_date_window_days: int = 0
    fuse_distance_km: float = 25.0
    max_document_chars: int = 2_000_000
    max_document_seconds: float = 300.0
    log_dir: str = ""
    ingest_batch_documents: int = 16
    store_wait_seconds: float = 30.0

    @property
    def max_input_bytes(self) -> int:
        return int(self.max_input_mb * 1024 * 1024)

    def user_gazetteer_dir(self) -> Path:
        """Where `sitreps gazetteer add` keeps user additions."""
        if self.gazetteer_dir:
            return Path(self.gazetteer_dir).expanduser()
        return user_data_dir() / "gazetteer"

    def error_log(self) -> Path:
        """The file that keeps the tracebacks of documents that hit an internal error."""
        folder = Path(self.log_dir).expanduser() if self.log_dir else user_state_dir()
        return folder / "errors.log"

    def replace(self, **changes: Any) -> "Settings":
        return _coerce_all(dataclasses.replace(self, **changes))

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def user_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitreps"


def user_state_dir() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "sitreps"


def load_settings(
    config_file: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from the packaged defaults, a user file, the environment and overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = dict(_packaged_defaults())
    config_file = config_file or environ.get(ENV_PREFIX + "CONFIG")
    if config_file:
        values.update(_read_toml(Path(config_file)))
    known = {f.name for f in dataclasses.fields(Settings)}
    for key in known:
        env_value = environ.get(ENV_PREFIX + key.upper())
        if env_value is not None:
            values[key] = env_value
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; see `sitreps config show` for valid keys")
    return _coerce_all(Settings(**values))


def _packaged_defaults() -> dict[str, Any]:
    text = importlib_resources.files("sitreps").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def _coerce_all(settings: Settings) -> Settings:
    """Turn strings from the environment or flags into each field's type, or fail clearly."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        default = getattr(Settings, f.name, None)
        try:
            if isinstance(default, bool):
                value = value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
            elif isinstance(default, int) and not isinstance(default, bool):
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError(value)
                value = int(value)
            elif isinstance(default, float):
                value = float(value)
            elif isinstance(default, tuple):
                value = tuple(v.strip() for v in value.split(",") if v.strip()) if isinstance(value, str) else tuple(value)
            else:
                value = str(value)
        except (TypeError, ValueError):
            raise ConfigError(f"setting {f.name}={value!r} is not a valid {type(default).__name__}") from None
        changes[f.name] = value
    if changes["max_document_chars"] < 1 or changes["max_document_seconds"] < 0:
        raise ConfigError("settings max_document_chars must be at least 1 and max_document_seconds at least 0 (0: no limit)")
    if changes["progress"] not in {"auto", "always", "never"}:
        raise ConfigError(f"setting progress={changes['progress']!r} must be auto, always or never")
    if changes["ingest_batch_documents"] < 1:
        raise ConfigError(f"setting ingest_batch_documents={changes['ingest_batch_documents']!r} must be 1 or more")
    if changes["store_wait_seconds"] < 0:
        raise ConfigError(f"setting store_wait_seconds={changes['store_wait_seconds']!r} must be 0 or more")
    return dataclasses.replace(settings, **changes)
