"""URLs of the volunteers app: book (see config/urls.py for where they are mounted)."""

urlpatterns: list = []
