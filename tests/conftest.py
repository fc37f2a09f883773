import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

# pytest-playwright keeps an event loop running in the test thread; Django's ORM refuses to run there
# unless told that this synchronous use is fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _require_binary(path: str, package: str) -> None:
    """In CI a missing system package is a failure, not a skip: a skip would hide an untested flow."""
    if shutil.which(path) is None:
        message = f"{path} is missing: install the Debian package {package} (make system-deps does)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _seed_site():
    from cms.services import home_pages_ensure
    from events.services.days import days_of_action_ensure
    from volunteers.clubs.crafts import crafts_ensure
    from volunteers.reporting.wages import wages_ensure
    from volunteers.services.reference import (
        consent_text_ensure,
        directions_load,
        front_offices_ensure,
        regions_load,
        stages_default_ensure,
    )

    regions_load()
    directions_load()
    front_offices_ensure()
    consent_text_ensure()
    days_of_action_ensure()
    stages_default_ensure()
    crafts_ensure()
    wages_ensure()
    return home_pages_ensure()


@pytest.fixture(autouse=True)
def _language_reset():
    """A request through the test client leaves its language active in the thread; the next test starts in the
    site's default again."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


def _home_page():
    from django.conf import settings

    from cms.models import HomePage

    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _seeded_base(django_db_setup, django_db_blocker):
    """The reference data and home pages are part of the test database's base state: seeded, committed, once
    when the database is made, and again after a transactional test has flushed it (one query per test to
    see). Each test then finds them without building them (0.2 s a test on SQLite, more on PostgreSQL), and
    its own changes are still rolled back."""
    _base_ensure(django_db_blocker)


def _base_ensure(django_db_blocker) -> None:
    from volunteers.models import Region

    with django_db_blocker.unblock():
        if not Region.objects.exists():
            _seed_site()


@pytest.fixture
def seeded(db):
    """The reference data and home pages, as `manage.py seed` makes them (without demo accounts): already in
    the base state (see `_seeded_base`); this checks them, cheaply, and returns the home page."""
    return _home_page()


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """A transaction (a savepoint inside another) for the tests of a module or a class, rolled back after
    them. Entered and left by hand, so that the database stays blocked between the tests that don't ask for
    it; build in it under `django_db_blocker.unblock()`."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import transaction
    from django.utils import translation

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        # What the build left in the process's caches may name rows that are gone now.
        cache.clear()
        ContentType.objects.clear_cache()
        translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction open for a whole test module and rolled back when it ends: what the module's tests
    share (the seeded site, a demo) is built once on top of it, under `module_db.unblock()`, and each test
    still runs in its own savepoint (`db`), so a test's changes are gone before the next test and the module's
    before the next module. Not for a module with transactional tests: their flush would empty the build."""
    _base_ensure(django_db_blocker)
    with rolled_back(django_db_blocker):
        yield django_db_blocker


@pytest.fixture(scope="module")
def module_seeded(module_db):
    """`seeded` for a module's build (see `module_db`); a test asks for `db` as well."""
    with module_db.unblock():
        return _home_page()


@pytest.fixture
def user_factory(db):
    from allauth.account.models import EmailAddress

    from volunteers.models import User

    def make(email="volunteer@example.kz", password="correct-horse-battery", verified=True, **extra):
        user = User.objects.create_user(email=email, password=password, **extra)
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        user.raw_password = password
        return user

    return make


@pytest.fixture(scope="session")
def redis_url():
    """A real redis-server of our own on a free loopback port, for the broker and Celery tests."""
    _require_binary("redis-server", "redis-server")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("redis-server did not start")
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


# --- Browser (pytest-playwright with Debian's chromium; never a downloaded browser) ------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    _require_binary(CHROMIUM, "chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Without a locale the browser asks for en-US; a Kazakh visitor is the default case.
    return {**browser_context_args, "locale": "kk-KZ"}


@pytest.fixture
def site(transactional_db, live_server):
    """A live server with the seeded site, for browser tests (transactional tests start from empty tables)."""
    _seed_site()
    return live_server


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and TOTP replay guards count in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
