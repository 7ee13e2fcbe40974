"""Configuration: SECRET_KEY is required outside development and tests."""
import pytest

from craftreview.config import ConfigError, load_config


def test_production_without_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        load_config({"ENV_NAME": "production"})


def test_production_with_secret_key_loads(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "s3cret-from-env")
    monkeypatch.setenv("CRAFTREVIEW_PUBLIC_URL", "https://craftreview.example")
    assert load_config({"ENV_NAME": "production"})["SECRET_KEY"] == "s3cret-from-env"


def test_production_without_its_public_address_refuses_to_start(monkeypatch):
    """Mailed links are built on PUBLIC_URL, never on a request's Host header: production must say what it is."""
    monkeypatch.setenv("SECRET_KEY", "s3cret-from-env")
    monkeypatch.delenv("CRAFTREVIEW_PUBLIC_URL", raising=False)
    with pytest.raises(ConfigError, match="CRAFTREVIEW_PUBLIC_URL"):
        load_config({"ENV_NAME": "production"})
    monkeypatch.setenv("CRAFTREVIEW_PUBLIC_URL", "https://craftreview.example/shop")
    assert load_config({"ENV_NAME": "production"})["PUBLIC_URL"] == "https://craftreview.example/shop"


@pytest.mark.parametrize("bad", ["craftreview.example", "ftp://craftreview.example", "https://", "https://x.example/?a=1"])
def test_a_public_address_that_is_not_an_http_url_is_refused(monkeypatch, bad):
    monkeypatch.setenv("CRAFTREVIEW_PUBLIC_URL", bad)
    with pytest.raises(ConfigError, match="http"):
        load_config({"ENV_NAME": "development"})


def test_development_links_default_to_the_development_server(monkeypatch):
    monkeypatch.delenv("CRAFTREVIEW_PUBLIC_URL", raising=False)
    assert load_config({"ENV_NAME": "development"})["PUBLIC_URL"] == "http://127.0.0.1:5000"


def test_development_gets_a_dev_only_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert load_config({"ENV_NAME": "development"})["SECRET_KEY"] == "dev-only-not-secret"


def test_database_defaults_to_sqlite_under_instance(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = load_config({"INSTANCE_PATH": str(tmp_path)})
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'craftreview.db'}"
