"""URLs of the volunteers app: path (see config/urls.py for where they are mounted)."""

urlpatterns: list = []
