import os
import secrets
import subprocess
import sys

import pytest
from django.test import override_settings

from tests.conftest import ROOT

PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "volunteers.example.kz",
}


def _env(**env) -> dict:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_ENV", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return {**clean, **env}


def _run(args, **env):
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=ROOT, env=_env(**env), capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "secret_key",
    ["", "dev-only-insecure-key-never-use-in-production", "short"],
    ids=["missing", "default", "short"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = _run(["manage.py", "check"], **{**PRODUCTION, "SECRET_KEY": secret_key})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("url", ["nonsense", "postgres//missing-colon", "unknown://host/db", "postgres://"])
def test_a_malformed_database_url_refuses_to_start_and_names_the_variable(url):
    result = _run(["manage.py", "check"], DATABASE_URL=url)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


_HEADERS = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/kk/", secure=True, headers={"host": "volunteers.example.kz"})
print(json.dumps({"status": response.status_code, **{k: response.get(k, "") for k in
      ["Strict-Transport-Security", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
       "X-Frame-Options", "Cross-Origin-Opener-Policy"]}}))
"""


def test_production_serves_the_site_with_the_security_headers(tmp_path):
    import json

    env = {
        **PRODUCTION,
        "DJANGO_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    # The two steps of a deployment touch different files (the static root, the database): they run side by
    # side, the seed's migrations being the long one.
    collectstatic = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        result = _run(["manage.py", "seed", "--migrate", "--no-demo-accounts"], **env)
        _stdout, stderr = collectstatic.communicate(timeout=120)
    finally:
        collectstatic.kill()
        collectstatic.wait()
    assert result.returncode == 0, result.stderr
    assert collectstatic.returncode == 0, stderr
    result = _run(["-c", _HEADERS], **env)
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert headers["status"] == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_public_pages_forbid_inline_scripts_and_only_the_admin_relaxes_it(client, seeded):
    public = client.get("/kk/")["Content-Security-Policy"]
    assert "script-src 'self';" in public or public.endswith("script-src 'self'")
    assert "unsafe-inline" not in public
    admin = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_no_page_is_framed(client, seeded):
    assert client.get("/kk/")["X-Frame-Options"] == "DENY"
