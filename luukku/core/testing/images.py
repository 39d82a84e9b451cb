"""Real, decodable image bytes for upload tests (a fake header is refused now)."""

import io

from PIL import Image


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (8, 6), **save: object) -> bytes:
    output = io.BytesIO()
    mode = "RGB" if image_format == "JPEG" else "RGBA"
    Image.new(mode, size, (200, 80, 40)).save(output, format=image_format, **save)
    return output.getvalue()


PNG_BYTES = image_bytes("PNG")
