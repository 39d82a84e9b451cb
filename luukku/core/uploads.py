"""Checks for uploaded files: size and real type, with messages people understand."""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Magic numbers: the first bytes tell the real type, whatever the name or browser claims.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/pdf": (b"%PDF-",),
    # Office Open XML files (docx, xlsx, pptx) are ZIP archives.
    "application/zip": (b"PK\x03\x04",),
}
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
DOCUMENT_TYPES = (*IMAGE_TYPES, "application/pdf", "application/zip", "text/plain")


def sniff_type(head: bytes) -> str | None:
    for content_type, signatures in SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return content_type
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "text/plain"
    return None


def validate_upload(
    upload: UploadedFile[bytes], *, allowed_types: Iterable[str], max_bytes: int | None = None
) -> str:
    """Raise ValidationError unless the file is small enough and really of an allowed type.

    Returns the detected content type.
    """
    limit = max_bytes or settings.MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    detected = sniff_type(head)
    if detected is None or detected not in set(allowed_types):
        raise ValidationError(
            _("This type of file is not accepted."),
            code="wrong_type",
        )
    return detected
