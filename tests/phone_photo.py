"""Pictures that behave like a phone camera's: made here, never downloaded.

`phone_photo` gives a 4000×3000 JPEG of about 4 MB: soft shapes, light falloff,
textures at several scales and sensor grain, so it compresses (and resizes) like a
real photo rather than like flat clip art or pure noise. Used by tests/test_photos.py
and bench/photos.py.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter


def _texture(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Noise at several scales, like wood, cloth, leaves and grain together."""
    width, height = size
    out = Image.new("L", size, 128)
    for scale, weight in ((64, 0.5), (16, 0.35), (4, 0.25), (1, 0.12)):
        small = Image.effect_noise((max(1, width // scale), max(1, height // scale)), 60)
        layer = small.resize(size, Image.Resampling.BICUBIC)
        out = Image.blend(out, layer, weight)
    return out


def phone_photo(seed: int = 0, size: tuple[int, int] = (4000, 3000), quality: int = 93) -> bytes:
    rng = random.Random(seed)
    width, height = size
    base = tuple(rng.randint(60, 200) for _ in range(3))
    im = Image.new("RGB", size, base)
    d = ImageDraw.Draw(im)
    for _ in range(40):
        x, y = rng.randint(-200, width), rng.randint(-200, height)
        r = rng.randint(80, 900)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        if rng.random() < 0.5:
            d.ellipse([x, y, x + r, y + int(r * rng.uniform(0.4, 1.0))], fill=colour)
        else:
            d.rectangle([x, y, x + r, y + r // 2], fill=colour)
    im = im.filter(ImageFilter.GaussianBlur(6))
    texture = _texture(size, rng)
    im = ImageChops.overlay(im, Image.merge("RGB", [texture] * 3))
    grain = Image.effect_noise(size, 18).convert("RGB")
    im = Image.blend(im, ImageChops.add(im, grain, scale=2.0, offset=-64), 0.2)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=quality)
    return out.getvalue()
