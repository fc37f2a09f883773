# The config package is called `config`, not `platform`: a top-level `platform` package would shadow the
# standard library's `platform` module, which uuid, pytest and celery import before Django starts.
from .celery import app as celery_app

__all__ = ["celery_app"]
