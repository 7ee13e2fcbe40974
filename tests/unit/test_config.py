"""Configuration: SECRET_KEY is required outside development and tests."""
import pytest

from craftreview.config import ConfigError, load_config


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        load_config({"ENV_NAME": "production"})


def test_production_with_secret_key_loads(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s3cret-from-env")
    assert load_config({"ENV_NAME": "production"})["SECRET_KEY"] == "s3cret-from-env"


def test_development_gets_a_dev_only_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert load_config({"ENV_NAME": "development"})["SECRET_KEY"] == "dev-only-not-secret"


def test_database_defaults_to_sqlite_under_instance(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'craftreview.db'}"
