"""Page content: sanitised rich text, safe video links, and files served as downloads."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.core.testing.storage import assert_nothing_stored
from luukku.programmes.models import Page, PageFile, Programme
from luukku.programmes.tests.factories import PDF_BYTES, make_page, make_page_file, make_section

pytestmark = pytest.mark.django_db


def _page_data(**extra: object) -> dict[str, object]:
    return {"title": "Reading", "body": "", "video_url": "", **extra}


def test_script_is_stripped_from_page_text(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    body = '<p>Hello<script>alert("x")</script></p><a href="javascript:alert(1)">x</a>'
    response = signed_in(coach).post(
        reverse("programmes:page_create", args=[programme.pk, section.pk]), _page_data(body=body)
    )
    assert response.status_code == 302
    page = Page.objects.get()
    assert "<script" not in page.body_html
    assert "javascript:" not in page.body_html
    assert "Hello" in page.body_html
    content = signed_in(participant).get(reverse("programmes:page", args=[programme.pk, page.pk]))
    assert "alert(" not in content.content.decode()


def test_plain_text_becomes_paragraphs(programme: Programme) -> None:
    page = make_page(make_section(programme), body="First line\n\nSecond <b")
    assert page.body_html == "<p>First line</p>\n\n<p>Second &lt;b</p>"


def test_non_http_video_link_is_refused(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    response = signed_in(coach).post(
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        _page_data(video_url="javascript:alert(1)"),
    )
    assert response.status_code == 400
    assert not Page.objects.exists()


def test_youtube_video_is_shown_as_a_link(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    signed_in(coach).post(
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        _page_data(video_url="https://www.youtube.com/watch?v=abc"),
    )
    page = Page.objects.get()
    content = signed_in(participant).get(reverse("programmes:page", args=[programme.pk, page.pk]))
    html = content.content.decode()
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "YouTube" in html
    assert "<iframe" not in html


def test_uploaded_file_is_downloaded_as_an_attachment(
    programme: Programme, coach: User, participant: User, signed_in: SignIn
) -> None:
    section = make_section(programme)
    upload = SimpleUploadedFile("Week 1 notes.pdf", PDF_BYTES, content_type="application/pdf")
    response = signed_in(coach).post(
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        _page_data(file=upload),
    )
    assert response.status_code == 302
    page_file = PageFile.objects.get()
    assert page_file.content_type == "application/pdf"
    assert "Week 1 notes" not in str(page_file.file.name)  # stored under a random name
    client = signed_in(participant)
    download = client.get(reverse("programmes:file", args=[programme.pk, page_file.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download.getvalue() == PDF_BYTES


def test_too_large_upload_is_refused_and_not_stored(
    programme: Programme, coach: User, signed_in: SignIn, settings: Settings
) -> None:
    settings.MAX_UPLOAD_BYTES = 100
    section = make_section(programme)
    upload = SimpleUploadedFile("big.pdf", PDF_BYTES + b"x" * 200)
    response = signed_in(coach).post(
        reverse("programmes:page_create", args=[programme.pk, section.pk]),
        _page_data(file=upload),
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert not PageFile.objects.exists()
    assert not Page.objects.exists()


def test_wrong_file_type_is_refused_and_not_stored(
    programme: Programme, coach: User, signed_in: SignIn, settings: Settings
) -> None:
    page = make_page(make_section(programme))
    upload = SimpleUploadedFile("tool.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00")
    response = signed_in(coach).post(
        reverse("programmes:page_edit", args=[programme.pk, page.pk]),
        _page_data(file=upload),
    )
    assert response.status_code == 400
    assert "not accepted" in response.content.decode()
    assert not PageFile.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_wrong_cover_image_type_is_refused(
    programme: Programme, coach: User, signed_in: SignIn
) -> None:
    with assert_nothing_stored(Programme):
        response = signed_in(coach).post(
            reverse("programmes:settings", args=[programme.pk]),
            {
                "name": programme.name,
                "description": "",
                "starts_on": programme.starts_on.isoformat(),
                "ends_on": programme.ends_on.isoformat(),
                "plan_unit": "week",
                "time_zone": "Europe/Helsinki",
                "cover_image": SimpleUploadedFile("cover.png", PDF_BYTES),
            },
        )
    assert response.status_code == 400


def test_coach_removing_a_file_deletes_it(
    programme: Programme,
    coach: User,
    signed_in: SignIn,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    page_file = make_page_file(make_page(make_section(programme)))
    path = page_file.file.path
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(coach).post(
            reverse("programmes:file_delete", args=[programme.pk, page_file.pk])
        )
    assert response.status_code == 302
    assert not PageFile.objects.exists()
    assert not Path(path).exists()
