"""URLs of the volunteers app: the volunteer book, its documents and their public verification (mounted at the
language root in config/urls.py)."""

from django.urls import path

from volunteers.views import book

urlpatterns = [
    path("accounts/book/", book.volunteer_book, name="volunteer_book"),
    path("accounts/book/documents/", book.book_document_create, name="volunteer_book_document_issue"),
    path("accounts/book/documents/<str:code>.pdf", book.book_document, name="volunteer_book_document"),
    path("book/<str:code>/", book.book_document_verify, name="book_document_verify"),
]
