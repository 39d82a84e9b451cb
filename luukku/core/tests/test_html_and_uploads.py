import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from luukku.core import uploads
from luukku.core.html import plain_text_to_html, sanitise_html
from luukku.core.testing.images import image_bytes
from luukku.core.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    safe_base_name,
    validate_upload,
    verify_upload,
)

PNG = image_bytes("PNG")


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        "<iframe src='https://evil.example'></iframe>",
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_script_never_survives_sanitising(dirty: str) -> None:
    clean = sanitise_html(dirty).lower()
    assert "script" not in clean
    assert "javascript:" not in clean
    assert "onerror" not in clean
    assert "onclick" not in clean
    assert "iframe" not in clean


def test_allowed_formatting_and_links_are_kept() -> None:
    clean = sanitise_html('<p><strong>Hei</strong> <a href="https://luukku.fi">linkki</a></p>')
    assert "<strong>Hei</strong>" in clean
    assert 'href="https://luukku.fi"' in clean
    assert "noopener" in clean


def test_plain_text_becomes_escaped_paragraphs() -> None:
    assert plain_text_to_html("a < b\n\nc") == "<p>a &lt; b</p>\n\n<p>c</p>"


def test_uploads_are_checked_by_content_not_by_name() -> None:
    fake_png = SimpleUploadedFile(
        "photo.png", b"MZ\x90\x00 an executable", content_type="image/png"
    )
    with pytest.raises(ValidationError) as error:
        validate_upload(fake_png, allowed_types=IMAGE_TYPES)
    assert error.value.code == "wrong_type"
    real_png = SimpleUploadedFile("anything.bin", PNG, content_type="application/octet-stream")
    assert validate_upload(real_png, allowed_types=IMAGE_TYPES) == "image/png"


def test_too_large_uploads_are_refused_with_the_limit_in_the_message() -> None:
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 2000, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        validate_upload(big, allowed_types=DOCUMENT_TYPES, max_bytes=1000)
    assert error.value.code == "too_large"
    assert "1000" in str(error.value) or "KB" in str(error.value) or "bytes" in str(error.value)


@pytest.mark.parametrize(
    ("client_name", "expected"),
    [
        ("report.pdf.exe", "report_pdf"),
        ("C:\\Users\\me\\cv.docx", "cv"),
        ("../../etc/passwd", "passwd"),
        ("photo\u202egpj.exe", "photogpj"),
        ("Työhakemus 2026.pdf", "Työhakemus 2026"),
        (".htaccess", "htaccess"),
        ("", "file"),
    ],
)
def test_download_names_keep_a_safe_base_only(client_name: str, expected: str) -> None:
    assert safe_base_name(client_name) == expected


def test_an_office_document_is_recognised_inside_its_zip() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("cv.exe", buffer.getvalue())
    verified = verify_upload(upload, allowed_types=DOCUMENT_TYPES)
    assert verified.download_name == "cv.docx"
    assert verified.content_type.endswith("wordprocessingml.document")


def test_an_image_with_too_many_pixels_is_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 100)
    huge = image_bytes("PNG", size=(20, 10))
    with pytest.raises(ValidationError) as error:
        verify_upload(SimpleUploadedFile("big.png", huge), allowed_types=IMAGE_TYPES)
    assert error.value.code == "too_large"


def test_a_pdf_without_its_end_marker_is_refused() -> None:
    with pytest.raises(ValidationError):
        verify_upload(
            SimpleUploadedFile("x.pdf", b"%PDF-1.4\n<html>"), allowed_types=DOCUMENT_TYPES
        )
