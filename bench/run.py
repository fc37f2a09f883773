"""Site benchmark: server time and queries of the home page, a project page, the news, a search, the sign-in
page and /healthz, with the anonymous page cache and without it (CMS_PAGE_CACHE_SECONDS=0).

Runs in-process against a throw-away seeded SQLite database (or DATABASE_URL when set), through Django's full
middleware stack. Usage: `make bench` (or `.venv/bin/python bench/run.py --requests 500`).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed", stdout=open(os.devnull, "w"))  # noqa: SIM115  (the demo site and events too)
    print(f"migrate + seed: {time.perf_counter() - started:.1f} s ({connection.vendor})")

    # Keep one connection for the whole run (as CONN_MAX_AGE does in production), so queries can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    from django.conf import settings

    paths = ["/kk/", "/ru/birgemiz/taza-alem/", "/en/news/", "/kk/search/?q=волонтер", "/en/accounts/login/"]
    print(f"{'path':<30}{'cache':>7}{'median ms':>10}{'p95 ms':>9}{'req/s':>8}{'queries':>9}")
    for seconds, label in ((300, "on"), (0, "off")):
        settings.CMS_PAGE_CACHE_SECONDS = seconds
        for path in [*paths, "/healthz"] if seconds else paths[:3]:
            client.get(path)  # warm the caches and the template loader
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            query_count = len(queries)  # now: the next request resets the connection's query log
            timings = []
            for _ in range(args.requests):
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            median = statistics.median(timings)
            print(f"{path:<30}{label:>7}{median:>10.2f}{p95:>9.2f}{1000 / median:>8.0f}{query_count:>9}")


if __name__ == "__main__":
    main()
