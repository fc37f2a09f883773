"""URLs of the volunteers app: recognition (see config/urls.py for where they are mounted)."""

urlpatterns: list = []
