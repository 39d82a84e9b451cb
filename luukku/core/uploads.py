"""Checks for uploaded files: size and real type, decided by decoding, never by the name.

An upload becomes a `VerifiedFile`: images are decoded with Pillow and re-encoded (so no
script, polyglot tail or EXIF location survives), other documents are checked by structure,
and the name it is stored and downloaded under is built from the verified type. Serving is
in `luukku.core.files`.
"""

import io
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

# Magic numbers: the first bytes tell the claimed type; the decoders below confirm it.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/pdf": (b"%PDF-",),
    # Office Open XML and OpenDocument files are ZIP archives.
    "application/zip": (b"PK\x03\x04",),
}
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
DOCUMENT_TYPES = (*IMAGE_TYPES, "application/pdf", "application/zip", "text/plain")
# What a verified image is stored and served as: GIF (animation, odd palettes) becomes PNG.
PILLOW_FORMATS = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
REENCODED = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "PNG", "WEBP": "WEBP"}
SAFE_IMAGE_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}
# Larger images are refused before decoding: a small file can unpack to gigabytes.
MAX_IMAGE_PIXELS = 40_000_000
OFFICE_TYPES = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}
OPEN_DOCUMENT_TYPES = {
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.presentation": ".odp",
}
# Plain text keeps one of these extensions if the person gave it, else becomes .txt.
TEXT_EXTENSIONS = {".txt": "text/plain", ".csv": "text/csv", ".md": "text/markdown"}
# Every type a stored file may be served as, with its one extension.
SERVED_EXTENSIONS = {
    **SAFE_IMAGE_TYPES,
    "application/pdf": ".pdf",
    "application/zip": ".zip",
    **dict(OFFICE_TYPES.values()),
    **OPEN_DOCUMENT_TYPES,
    **{content_type: extension for extension, content_type in TEXT_EXTENSIONS.items()},
    "image/gif": ".gif",
}


@dataclass(frozen=True)
class VerifiedFile:
    """An upload whose type was proven by decoding, ready to store under a generated name."""

    content: bytes
    content_type: str
    download_name: str

    @property
    def extension(self) -> str:
        return SERVED_EXTENSIONS[self.content_type]

    @property
    def size(self) -> int:
        return len(self.content)

    def as_file(self) -> "ContentFile[bytes]":
        return ContentFile(self.content, name=f"upload{self.extension}")


def sniff_type(head: bytes) -> str | None:
    for content_type, signatures in SIGNATURES.items():
        if any(head.startswith(signature) for signature in signatures):
            return content_type
    if head and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at the end of the head.
            try:
                head[:-3].decode("utf-8")
            except UnicodeDecodeError:
                return None
        return "text/plain"
    return None


def _wrong_type() -> ValidationError:
    return ValidationError(_("This type of file is not accepted."), code="wrong_type")


def reencode_image(data: bytes) -> tuple[bytes, str]:
    """Decode an image fully and write it again; returns the new bytes and their type."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            source_format = image.format or ""
            if source_format not in REENCODED:
                raise _wrong_type()
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too_large")
            image.load()
            upright = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise _wrong_type() from error
    target = REENCODED[source_format]
    upright = _with_mode_for(upright, target)
    output = io.BytesIO()
    # No exif=...: EXIF (GPS position, camera serial) is not written back.
    upright.save(output, format=target, **({"quality": 90} if target != "PNG" else {}))
    return output.getvalue(), PILLOW_FORMATS[target]


def _with_mode_for(image: Image.Image, target: str) -> Image.Image:
    if target == "JPEG" and image.mode not in ("RGB", "L"):
        return image.convert("RGB")
    if target == "WEBP" and image.mode not in ("RGB", "RGBA"):
        return image.convert("RGBA")
    if target == "PNG" and image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        return image.convert("RGBA")
    return image


def _zip_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                if declared in OPEN_DOCUMENT_TYPES:
                    return declared
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as error:
        raise _wrong_type() from error
    if "[Content_Types].xml" in names:
        for prefix, (content_type, _extension) in OFFICE_TYPES.items():
            if any(name.startswith(prefix) for name in names):
                return content_type
    return "application/zip"


def _text_type(data: bytes, client_name: str) -> str:
    if b"\x00" in data:
        raise _wrong_type()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _wrong_type() from error
    return TEXT_EXTENSIONS.get(PurePosixPath(client_name).suffix.lower(), "text/plain")


def _verified_content(data: bytes, sniffed: str, client_name: str) -> tuple[bytes, str]:
    if sniffed in IMAGE_TYPES:
        return reencode_image(data)
    if sniffed == "application/pdf":
        # A PDF ends with %%EOF (readers tolerate up to 1 KB of trailing bytes).
        if b"%%EOF" not in data[-1024:]:
            raise _wrong_type()
        return data, sniffed
    if sniffed == "application/zip":
        return data, _zip_type(data)
    return data, _text_type(data, client_name)


def safe_base_name(client_name: str, fallback: str = "file") -> str:
    """The person's file name without path, extensions or characters that can mislead.

    "report.pdf.exe" gives "report_pdf": every dot but the one before the extension we add
    is replaced, so no name can carry a second, executable extension. Control and
    direction-override characters (which make "txt.exe" display as "exe.txt") are dropped.
    """
    name = client_name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    kept = "".join(
        character if character.isalnum() or character in " -_()" else "_"
        for character in unicodedata.normalize("NFC", stem)
        if unicodedata.category(character)[0] != "C"
    )
    return kept.strip(" _")[:100] or fallback


def verify_upload(
    upload: "UploadedFile[bytes]", *, allowed_types: Iterable[str], max_bytes: int | None = None
) -> VerifiedFile:
    """Raise ValidationError unless the file is small enough and decodes as an allowed type."""
    limit = max_bytes or settings.MAX_UPLOAD_BYTES
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    size = max(upload.size or 0, len(data))
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    sniffed = sniff_type(data[:2048])
    if sniffed is None or sniffed not in set(allowed_types):
        raise _wrong_type()
    content, content_type = _verified_content(data, sniffed, upload.name or "")
    base = safe_base_name(upload.name or "")
    return VerifiedFile(
        content=content,
        content_type=content_type,
        download_name=f"{base}{SERVED_EXTENSIONS[content_type]}",
    )


def validate_upload(
    upload: "UploadedFile[bytes]", *, allowed_types: Iterable[str], max_bytes: int | None = None
) -> str:
    """Raise ValidationError unless the file is acceptable; returns the verified type."""
    return verify_upload(upload, allowed_types=allowed_types, max_bytes=max_bytes).content_type
