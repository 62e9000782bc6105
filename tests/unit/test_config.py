"""load_settings: packaged defaults < user file < SITREPS_* environment < overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.config import Settings, load_settings
from sitreps.errors import ConfigError


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sitreps.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_settings_defaults_match_the_dataclass():
    assert load_settings(environ={}) == Settings()


@pytest.mark.parametrize(
    "key, file_value, env_value, override, expected",
    [
        # (file, env, override): the right-most one given wins.
        ("fuse_date_window_days", "3", None, None, 3),
        ("fuse_date_window_days", "3", "4", None, 4),
        ("fuse_date_window_days", "3", "4", 5, 5),
        ("fuse_date_window_days", None, "4", 5, 5),
        ("fuse_date_window_days", None, "4", None, 4),
        ("db_path", '"file.duckdb"', None, None, "file.duckdb"),
        ("db_path", '"file.duckdb"', "env.duckdb", None, "env.duckdb"),
        ("db_path", '"file.duckdb"', "env.duckdb", "flag.duckdb", "flag.duckdb"),
        ("min_confidence", "0.4", "0.5", None, 0.5),
        ("progress", '"never"', None, "always", "always"),
    ],
)
def test_load_settings_precedence(tmp_path, key, file_value, env_value, override, expected):
    config_file = _config(tmp_path, f"{key} = {file_value}\n") if file_value is not None else None
    environ = {f"SITREPS_{key.upper()}": env_value} if env_value is not None else {}
    overrides = {key: override} if override is not None else None
    settings = load_settings(config_file, overrides=overrides, environ=environ)
    assert getattr(settings, key) == expected


@pytest.mark.parametrize("key, value", [("fuse_distance_km", "12.5"), ("max_input_mb", "1")])
def test_load_settings_file_changes_only_the_keys_it_names(tmp_path, key, value):
    settings = load_settings(_config(tmp_path, f"{key} = {value}\n"), environ={})
    changed = {k for k, v in settings.as_dict().items() if v != Settings().as_dict()[k]}
    assert changed == {key}


@pytest.mark.parametrize("text, expected", [("max_input_mb = 2.0\n", 2.0), ("progress = \"never\"\n", "never")])
def test_load_settings_sitreps_config_variable_names_the_file(tmp_path, text, expected):
    path = _config(tmp_path, text)
    settings = load_settings(environ={"SITREPS_CONFIG": str(path)})
    assert expected in settings.as_dict().values()


@pytest.mark.parametrize(
    "env_value, expected",
    [("en", ("en",)), ("en,fr", ("en", "fr")), (" fr , en ", ("fr", "en"))],
)
def test_load_settings_environment_strings_become_field_types(env_value, expected):
    assert load_settings(environ={"SITREPS_LANGUAGES": env_value}).languages == expected


@pytest.mark.parametrize(
    "environ",
    [
        {"SITREPS_FUSE_DATE_WINDOW_DAYS": "one"},
        {"SITREPS_FUSE_DATE_WINDOW_DAYS": "1.5"},
        {"SITREPS_MAX_INPUT_MB": "lots"},
        {"SITREPS_MIN_CONFIDENCE": ""},
        {"SITREPS_PROGRESS": "sometimes"},
    ],
)
def test_load_settings_bad_environment_value_raises_config_error(environ):
    with pytest.raises(ConfigError):
        load_settings(environ=environ)


@pytest.mark.parametrize(
    "text",
    ['max_input_mb = "lots"\n', "languages = 5\n", 'progress = "loud"\n', 'fuse_distance_km = [1, 2]\n'],
)
def test_load_settings_bad_file_value_raises_config_error(tmp_path, text):
    with pytest.raises(ConfigError):
        load_settings(_config(tmp_path, text), environ={})


@pytest.mark.parametrize("overrides", [{"fuse_distance_km": "far"}, {"progress": "maybe"}, {"fuse_date_window_days": "x"}])
def test_load_settings_bad_override_raises_config_error(overrides):
    with pytest.raises(ConfigError):
        load_settings(overrides=overrides, environ={})


@pytest.mark.parametrize("text", ["colour = \"red\"\n", "db_pth = \"typo.duckdb\"\n"])
def test_load_settings_unknown_file_key_raises_config_error(tmp_path, text):
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(_config(tmp_path, text), environ={})


@pytest.mark.parametrize("overrides", [{"colour": "red"}, {"fuse_window": 2}])
def test_load_settings_unknown_override_raises_config_error(overrides):
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(overrides=overrides, environ={})


@pytest.mark.parametrize("environ", [{"SITREPS_COLOUR": "red"}, {"OTHER_DB_PATH": "x.duckdb"}])
def test_load_settings_unrelated_environment_variables_are_ignored(environ):
    assert load_settings(environ=environ) == Settings()


@pytest.mark.parametrize("overrides", [{"db_path": None}, {"fuse_date_window_days": None}])
def test_load_settings_none_override_keeps_the_value(overrides):
    assert load_settings(overrides=overrides, environ={}) == Settings()


@pytest.mark.parametrize("text", ["max_input_mb = \n", "[[[\n", "max_input_mb = 1\nmax_input_mb = 2\n"])
def test_load_settings_invalid_toml_raises_config_error(tmp_path, text):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(_config(tmp_path, text), environ={})


@pytest.mark.parametrize("name", ["missing.toml", "nested/missing.toml"])
def test_load_settings_missing_file_raises_config_error(tmp_path, name):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / name, environ={})


@pytest.mark.parametrize(
    "changes, field, expected",
    [({"fuse_date_window_days": "0"}, "fuse_date_window_days", 0), ({"languages": "fr"}, "languages", ("fr",))],
)
def test_settings_replace_coerces_values(changes, field, expected):
    assert getattr(Settings().replace(**changes), field) == expected


@pytest.mark.parametrize(
    "changes",
    [{"progress": "loud"}, {"max_input_mb": "big"}, {"ingest_batch_documents": 0}, {"store_wait_seconds": -1}],
)
def test_settings_replace_rejects_bad_values(changes):
    with pytest.raises(ConfigError):
        Settings().replace(**changes)


@pytest.mark.parametrize("megabytes, expected", [(1, 1048576), (0.5, 524288)])
def test_settings_max_input_bytes(megabytes, expected):
    assert Settings().replace(max_input_mb=megabytes).max_input_bytes == expected


@pytest.mark.parametrize("folder", ["/tmp/sitreps-gaz", "~/gaz"])
def test_settings_user_gazetteer_dir_uses_the_setting(folder):
    assert Settings(gazetteer_dir=folder).user_gazetteer_dir() == Path(folder).expanduser()


@pytest.mark.parametrize("text", ["fuse_date_window_days = 1.7\n"])
def test_load_settings_fractional_int_in_file_raises_config_error(tmp_path, text):
    with pytest.raises(ConfigError):
        load_settings(_config(tmp_path, text), environ={})


@pytest.mark.parametrize(
    "environ",
    [{"SITREPS_MAX_DOCUMENT_CHARS": "0"}, {"SITREPS_MAX_DOCUMENT_SECONDS": "-1"}, {"SITREPS_MAX_DOCUMENT_CHARS": "many"}],
)
def test_load_settings_rejects_bad_document_limits(environ):
    with pytest.raises(ConfigError, match="max_document"):
        load_settings(environ=environ)


def test_settings_error_log_uses_log_dir(tmp_path):
    assert Settings(log_dir=str(tmp_path)).error_log() == tmp_path / "errors.log"


def test_settings_error_log_defaults_to_the_user_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert Settings().error_log() == tmp_path / "state" / "sitreps" / "errors.log"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert Settings().error_log() == Path.home() / ".local" / "state" / "sitreps" / "errors.log"
