"""What `check` needs to know of a photo, judged from its size and header alone.

Cheap on purpose: no image is decoded and no process pool started; Pillow itself is
imported only when a catalogue names a photo. `publish` decodes them later.
"""

from __future__ import annotations

import functools
import warnings
from pathlib import Path
from types import ModuleType

from generator.content.load import Content, FileCache, load_content
from generator.messages import Megabytes, Msg, t

MAX_BYTES = 25_000_000
MAX_PIXELS = 50_000_000

# Extension -> the format its content must have (Pillow's names).
FORMATS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".heic": "HEIF",
    ".heif": "HEIF",
}
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic"}
# Phones save some JPEGs as MPO (a JPEG with more pictures after the first): still a JPEG.
SAME = {("MPO", "JPEG")}
NAMES = {"WEBP": "WebP", "HEIF": "HEIC"}  # as people know them; the others as Pillow says


@functools.cache
def pillow() -> ModuleType:
    """`PIL.Image`, set up once: HEIC/HEIF from iPhones through Pillow's own API, and the
    pixel limit. Pillow refuses outright above twice the limit (a decompression bomb) and
    warns above it; `judge` refuses at the limit itself, before anything is decoded."""
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    return Image


def load_with_photos(content_dir: Path, cache: FileCache | None = None) -> Content:
    """The content folder loaded and validated, every photo it names judged as well:
    what `check` reports and what the build starts from. Raises `ContentInvalid`."""
    return load_content(content_dir, cache, judge_photo=judge)


def judge(path: Path, shown: str) -> tuple[Msg, Msg] | None:
    """What is wrong with the photo file at `path` (named `shown` to the volunteer), judged
    from its size and header only; None if it looks like a photo we can publish."""
    wanted = FORMATS.get(path.suffix.lower())
    if wanted is None:
        return t("photo.format", value=shown), t("photo.format.hint")
    try:
        size = path.stat().st_size
    except OSError:
        return t("photo.unreadable", value=shown), t("photo.unreadable.hint")
    if size > MAX_BYTES:
        return (
            t("photo.too_big", value=shown, mb=Megabytes(size / 1e6)),
            t("photo.too_big.hint"),
        )
    image = pillow()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", image.DecompressionBombWarning)
            with image.open(path) as im:  # reads the header; decodes nothing
                found, (width, height) = im.format, im.size
    except image.DecompressionBombError:
        return t("photo.bomb", value=shown), t("photo.pixels.hint")
    except (image.UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return t("photo.unreadable", value=shown), t("photo.unreadable.hint")
    if found != wanted and (found, wanted) not in SAME:
        names = {"found": NAMES.get(found, found), "wanted": NAMES.get(wanted, wanted)}
        hint = (
            t("photo.mismatch.rename", suggestion=str(Path(shown).with_suffix(EXTENSION[found])))
            if found in EXTENSION
            else t("photo.format.hint")
        )
        return t("photo.mismatch", value=shown, **names), hint
    if width * height > MAX_PIXELS:
        megapixels = f"{width * height / 1e6:.0f}"
        return (
            t("photo.pixels", value=shown, width=width, height=height, mp=megapixels),
            t("photo.pixels.hint"),
        )
    return None
