"""Serving stored uploads: the type comes from the bytes, never from a name.

Every file response goes through `file_response`, which checks the stored bytes again
(files stored before uploads were re-encoded, or changed on disk, are caught too), sends the
verified type with `nosniff`, a sandboxing CSP and a sanitised download name, and shows a
file inline only when it is a verified image. Anything it cannot verify is an
`application/octet-stream` attachment.
"""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from PIL import Image, UnidentifiedImageError

from luukku.core.uploads import PILLOW_FORMATS, SERVED_EXTENSIONS, safe_base_name, sniff_type

UNVERIFIED = "application/octet-stream"
# A served file is never a document that runs anything, even if opened in its own tab.
FILE_CSP = "default-src 'none'; img-src 'self'; sandbox"
ZIP_FAMILY = {
    content_type
    for content_type, extension in SERVED_EXTENSIONS.items()
    if extension in (".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
}
TEXT_FAMILY = {"text/plain", "text/csv", "text/markdown"}


def _image_type(field_file: FieldFile) -> str | None:
    try:
        with field_file.open("rb"), Image.open(field_file) as image:
            return PILLOW_FORMATS.get(image.format or "")
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return None


def verified_type(field_file: FieldFile, claimed: str | None) -> str:
    """The stored file's type if its bytes confirm `claimed` (or, with None, an image type)."""
    if claimed is None or claimed in PILLOW_FORMATS.values():
        found = _image_type(field_file)
        return found if found and claimed in (None, found) else UNVERIFIED
    with field_file.open("rb") as handle:
        head = handle.read(2048)
    sniffed = sniff_type(head)
    if claimed == "application/pdf" and sniffed == claimed:
        return claimed
    if claimed in ZIP_FAMILY and sniffed == "application/zip":
        return claimed
    if claimed in TEXT_FAMILY and sniffed == "text/plain":
        return claimed
    return UNVERIFIED


def file_response(
    field_file: FieldFile,
    *,
    claimed_type: str | None,
    download_name: str,
    inline_image: bool = False,
    cache_control: str = "private, no-store",
) -> FileResponse:
    """Stream a stored upload safely (see the module docstring)."""
    content_type = verified_type(field_file, claimed_type)
    inline = inline_image and content_type in PILLOW_FORMATS.values()
    extension = SERVED_EXTENSIONS.get(content_type, ".bin")
    header_type = f"{content_type}; charset=utf-8" if content_type in TEXT_FAMILY else content_type
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=not inline,
        filename=f"{safe_base_name(download_name)}{extension}",
        content_type=header_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = cache_control
    return response
