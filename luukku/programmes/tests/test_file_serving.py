"""Covers and page files: served with the type their bytes prove, never a page that runs script."""

import io
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.images import image_bytes
from luukku.programmes.models import PageFile, Programme
from luukku.programmes.tests.factories import PDF_BYTES, make_page, make_section

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
# First bytes of a PNG, then a page: what the outside probe uploaded as a cover.
PNG_HEADED_HTML = b"\x89PNG\r\n\x1a\n" + SCRIPT


def _settings_data(programme: Programme, cover: SimpleUploadedFile) -> dict[str, object]:
    return {
        "name": programme.name,
        "description": "",
        "starts_on": programme.starts_on.isoformat(),
        "ends_on": programme.ends_on.isoformat(),
        "plan_unit": "week",
        "time_zone": "Europe/Helsinki",
        "cover_image": cover,
    }


def _upload_cover(client: Client, programme: Programme, name: str, content: bytes) -> Any:
    cover = SimpleUploadedFile(name, content, content_type="image/png")
    url = reverse("programmes:settings", args=[programme.pk])
    return client.post(url, _settings_data(programme, cover))


@pytest.mark.parametrize("name", ["cover.html", "cover.svg", "cover.png"])
def test_cover_that_only_starts_like_a_png_is_refused(
    programme: Programme, coach: User, participant: User, signed_in: SignIn, name: str
) -> None:
    response = _upload_cover(signed_in(coach), programme, name, PNG_HEADED_HTML)
    assert response.status_code == 400
    programme.refresh_from_db()
    assert not programme.cover_image
    served = signed_in(participant).get(reverse("programmes:cover", args=[programme.pk]))
    assert served.status_code == 404


def test_svg_cover_is_refused(programme: Programme, coach: User, signed_in: SignIn) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = _upload_cover(signed_in(coach), programme, "cover.svg", svg)
    assert response.status_code == 400
    programme.refresh_from_db()
    assert not programme.cover_image


def test_real_image_named_html_is_stored_and_served_as_the_image_it_is(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    tail = b"<script>alert(1)</script>"  # a polyglot tail after the image data
    response = _upload_cover(signed_in(coach), programme, "x.html", image_bytes("PNG") + tail)
    assert response.status_code == 302
    programme.refresh_from_db()
    stored = str(programme.cover_image.name)
    assert stored.endswith(".png")
    assert "html" not in stored
    served = signed_in(participant).get(reverse("programmes:cover", args=[programme.pk]))
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"].startswith("inline")
    body = b"".join(served.streaming_content)  # type: ignore[attr-defined]  # a FileResponse streams; the stubs type the test response as plain
    assert b"<script>" not in body  # re-encoded: nothing after the image survives
    assert Image.open(io.BytesIO(body)).format == "PNG"


def test_cover_image_loses_its_exif_location(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    photo = image_bytes("JPEG", exif=exif.tobytes())
    assert b"SecretCam" in photo
    assert _upload_cover(signed_in(coach), programme, "me.jpg", photo).status_code == 302
    served = signed_in(participant).get(reverse("programmes:cover", args=[programme.pk]))
    assert served["Content-Type"] == "image/jpeg"
    assert b"SecretCam" not in b"".join(served.streaming_content)  # type: ignore[attr-defined]  # a FileResponse streams; the stubs type the test response as plain


def test_cover_stored_before_the_fix_is_served_as_a_download_not_a_page(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    programme.cover_image.save("old.html", ContentFile(PNG_HEADED_HTML), save=True)
    served = signed_in(participant).get(reverse("programmes:cover", args=[programme.pk]))
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"].startswith("attachment")
    assert ".html" not in served["Content-Disposition"]
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]


def _attach(client: Client, programme: Programme, name: str, content: bytes) -> PageFile:
    section = make_section(programme)
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    data = {"title": "Notes", "body": "", "video_url": "", "file": upload}
    response = client.post(reverse("programmes:page_create", args=[programme.pk, section.pk]), data)
    assert response.status_code == 302, response.content
    return PageFile.objects.get()


@pytest.mark.parametrize(
    ("name", "content", "served_type", "download_name"),
    [
        ("report.pdf.exe", PDF_BYTES, "application/pdf", "report_pdf.pdf"),
        ("page.html", b"hello <b>there</b>", "text/plain; charset=utf-8", "page.txt"),
        ("picture.svg", image_bytes("GIF"), "image/png", "picture.png"),
        ("list.csv", b"name,email\n", "text/csv; charset=utf-8", "list.csv"),
    ],
)
def test_page_file_is_downloaded_with_its_verified_type_and_a_safe_name(
    programme: Programme,
    coach: User,
    participant: User,
    signed_in: SignIn,
    name: str,
    content: bytes,
    served_type: str,
    download_name: str,
) -> None:
    page_file = _attach(signed_in(coach), programme, name, content)
    assert not str(page_file.file.name).endswith((".exe", ".html", ".svg"))
    url = reverse("programmes:file", args=[programme.pk, page_file.pk])
    served = signed_in(participant).get(url)
    assert served["Content-Type"] == served_type
    assert served["Content-Disposition"] == f'attachment; filename="{download_name}"'
    assert served["X-Content-Type-Options"] == "nosniff"


def test_page_file_whose_stored_bytes_do_not_match_its_type_is_an_opaque_download(
    programme: Programme, participant: User, signed_in: SignIn
) -> None:
    page = make_page(make_section(programme))
    page_file = PageFile(page=page, original_name="notes.html", content_type="application/pdf")
    page_file.size = len(SCRIPT)
    page_file.file.save("legacy.html", ContentFile(SCRIPT), save=True)
    served = signed_in(participant).get(
        reverse("programmes:file", args=[programme.pk, page_file.pk])
    )
    assert served["Content-Type"] == "application/octet-stream"
    assert served["Content-Disposition"] == 'attachment; filename="notes.bin"'
