import io
import struct
import zlib

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.models import HomePage, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

Image = get_image_model()


@pytest.fixture
def admin_client_en(db):
    from volunteers.models import User

    admin = User.objects.create_superuser(email="root@example.kz", password="x-long-password-1")
    TOTP.activate(admin, generate_totp_secret())
    client = Client()
    client.force_login(admin)
    client.cookies["lang"] = "en"
    return client


def _png(width: int = 4, height: int = 4, trailing: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue() + trailing


def _png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes whose header claims width × height pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def _upload(client, name: str, content: bytes, content_type: str = "image/png"):
    form = client.get("/admin/images/add/")
    assert form.status_code == 200
    data = querydict_from_html(form.content.decode(), form_id="w-editor-form")
    data["title"] = "Upload"
    data["file"] = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post("/admin/images/add/", data)


def test_a_real_image_is_accepted(admin_client_en):
    response = _upload(admin_client_en, "photo.png", _png())
    assert response.status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("notes.png", b"These are notes, not a picture.\n" * 20, "image/png", "Upload a valid image"),
        ("letter.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf", "Upload a valid image"),
        ("cut-short.png", _png_declaring(100, 100), "image/png", "Upload a valid image"),
        ("photo.gif", _png(), "image/gif", "The extension does not match the file format"),
        ("big.png", _png(trailing=b"\0" * (10 * 1024 * 1024 + 1)), "image/png", "This file is too big"),
        ("wide.png", _png_declaring(8000, 8000), "image/png", "This file has too many pixels"),
        ("bomb.png", _png_declaring(100_000, 100_000), "image/png", "This file has too many pixels"),
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
            "Not a supported image format",
        ),
    ],
    ids=[
        "not-an-image",
        "pdf",
        "cut-short",
        "wrong-extension",
        "too-large",
        "too-many-pixels",
        "decompression-bomb",
        "svg",
    ],
)
def test_a_bad_upload_gets_a_form_error(admin_client_en, name, content, content_type, message):
    response = _upload(admin_client_en, name, content, content_type)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


def test_the_upload_limits_are_set_explicitly(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


# --- News tags ---------------------------------------------------------------------------------------


@pytest.fixture
def news_index(seeded):
    home = HomePage.objects.get(locale__language_code="kk")
    index = home.add_child(instance=NewsIndexPage(title="Жаңалықтар", slug="news"))
    index.save_revision().publish()
    return index


@pytest.mark.parametrize("tag", ["<b>x</b>", '"><script>alert(1)</script>', "a&b"])
def test_a_news_tag_with_markup_is_refused(news_index, tag):
    page = NewsPage(title="Жаңалық", summary="Қысқаша", body=[("paragraph", RichText("<p>Мәтін</p>"))])
    page.tags.add(tag)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "tags" in error.value.message_dict
    assert tag in error.value.message_dict["tags"][0]


def test_a_news_tag_in_any_alphabet_is_accepted(news_index):
    page = NewsPage(title="Жаңалық", summary="Қысқаша", body=[("paragraph", RichText("<p>Мәтін</p>"))])
    page.tags.add("Таза әлем", "волонтёры", "day-2025")
    page.clean()


def test_the_admin_shows_the_tag_message_next_to_the_field(admin_client_en, news_index):
    url = f"/admin/pages/add/cms/newspage/{news_index.pk}/"
    data = querydict_from_html(admin_client_en.get(url).content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data(
            {
                "title": "Жаңалық",
                "slug": "news-item",
                "summary": "Қысқаша",
                "body": streamfield([("paragraph", rich_text("<p>Мәтін</p>"))]),
                "tags": "<b>x</b>",
            }
        )
    )
    data["action-publish"] = "1"
    response = admin_client_en.post(url, data)
    assert response.status_code == 200
    assert "cannot be a tag" in response.content.decode()
    assert not NewsPage.objects.exists()


# --- Unknown addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_an_unknown_page_is_a_404_in_the_visitors_language(client, seeded, language):
    response = client.get(f"/{language}/no-such-page/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert gettext("Page not found") in html
        assert (
            gettext("There is no page at this address. It may have moved, or the link may be mistyped.")
            in html
        )
    if language != "en":
        assert "Page not found" not in html
