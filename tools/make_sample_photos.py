"""Draw the sample catalogue's photos with Pillow: simple still lifes, no people.

    .venv/bin/python tools/make_sample_photos.py   # writes content/vendors/foto/*.jpg

Deterministic (seeded): running it again gives the same pictures. Each is a 1200×900
JPEG with a wooden table, soft light and a little sensor noise, so it compresses
like a real phone photo rather than like flat clip art.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

W, H = 1200, 900
OUT = Path(__file__).resolve().parent.parent / "content" / "vendors" / "foto"
Draw = ImageDraw.ImageDraw


def table(rng: random.Random, base: tuple[int, int, int]) -> Image.Image:
    """A wooden table top: planks with grain."""
    im = Image.new("RGB", (W, H), base)
    d = ImageDraw.Draw(im)
    plank = 150
    for i, y in enumerate(range(0, H, plank)):
        shade = rng.randint(-18, 18)
        colour = tuple(max(0, min(255, c + shade)) for c in base)
        d.rectangle([0, y, W, y + plank - 3], fill=colour)
        for _ in range(40):  # grain lines
            gy = y + rng.randint(4, plank - 8)
            dark = tuple(max(0, c - rng.randint(10, 30)) for c in colour)
            points = [(x, gy + 3 * math.sin(x / rng.randint(40, 90) + i)) for x in range(0, W, 20)]
            d.line(points, fill=dark, width=rng.randint(1, 2))
    return im


def finish(im: Image.Image, rng: random.Random) -> Image.Image:
    """Soft focus, light from the top left, and sensor noise."""
    im = im.filter(ImageFilter.GaussianBlur(1.2))
    light = (
        Image.radial_gradient("L")
        .resize((W * 2, H * 2))
        .crop((W // 3, H // 3, W // 3 + W, H // 3 + H))
    )
    light = light.point(lambda v: 255 - v // 3)
    im = ImageChops.multiply(im, Image.merge("RGB", [light] * 3))
    noise = Image.effect_noise((W, H), 10).convert("RGB")
    return Image.blend(im, ImageChops.add(im, noise, scale=2.0, offset=-64), 0.25)


def plate(d: Draw, cx: int, cy: int, r: int) -> None:
    d.ellipse([cx - r, cy - int(r * 0.62), cx + r, cy + int(r * 0.62)], fill=(236, 236, 230))
    d.ellipse(
        [cx - r + 40, cy - int(r * 0.62) + 25, cx + r - 40, cy + int(r * 0.62) - 25],
        fill=(248, 248, 244),
    )


def amplang(d: Draw, rng: random.Random) -> None:
    plate(d, 600, 470, 380)
    for _ in range(70):
        x, y = rng.randint(330, 870), rng.randint(330, 610)
        w, h = rng.randint(40, 70), rng.randint(22, 34)
        tone = rng.randint(-20, 15)
        d.rounded_rectangle(
            [x, y, x + w, y + h], radius=12, fill=(226 + tone, 190 + tone, 120 + tone)
        )


def toples(d: Draw, rng: random.Random) -> None:
    d.rounded_rectangle([420, 260, 780, 760], radius=40, fill=(215, 225, 228))
    d.rectangle([440, 200, 760, 270], fill=(200, 40, 40))
    for _ in range(90):
        x, y = rng.randint(450, 720), rng.randint(300, 720)
        tone = rng.randint(-20, 15)
        d.ellipse([x, y, x + 50, y + 26], fill=(226 + tone, 190 + tone, 120 + tone))
    d.rectangle([470, 430, 730, 530], fill=(250, 245, 230))
    d.rectangle([490, 455, 710, 470], fill=(180, 40, 40))
    d.rectangle([490, 490, 650, 500], fill=(120, 120, 120))


def cendol(d: Draw, rng: random.Random) -> None:
    d.polygon([(470, 180), (730, 180), (690, 780), (510, 780)], fill=(225, 235, 238))
    d.polygon([(485, 420), (715, 420), (690, 770), (510, 770)], fill=(120, 80, 40))  # gula merah
    d.polygon([(478, 300), (722, 300), (715, 420), (485, 420)], fill=(245, 240, 225))  # santan
    for _ in range(60):
        x, y = rng.randint(520, 670), rng.randint(450, 740)
        d.ellipse([x, y, x + 36, y + 14], fill=(70, 170 + rng.randint(-20, 20), 60))
    d.line([(640, 120), (600, 600)], fill=(230, 60, 60), width=14)


def kopi(d: Draw, rng: random.Random) -> None:
    plate(d, 600, 560, 300)
    d.rounded_rectangle([460, 330, 740, 620], radius=50, fill=(250, 250, 246))
    d.ellipse([460, 300, 740, 380], fill=(240, 240, 236))
    d.ellipse([480, 310, 720, 370], fill=(80, 50, 30))
    d.arc([700, 390, 830, 530], -80, 80, fill=(250, 250, 246), width=26)
    d.ellipse([560, 325, 640, 352], fill=(190, 150, 110))


def anggrek(d: Draw, rng: random.Random) -> None:
    d.polygon([(460, 560), (740, 560), (700, 840), (500, 840)], fill=(180, 90, 50))
    for angle in (-40, -10, 25, 50):
        x = 600 + int(160 * math.sin(math.radians(angle)))
        d.ellipse([x - 150, 540, x + 150, 600], fill=(40, 120, 50))
    d.line([(600, 560), (610, 330), (700, 180)], fill=(60, 110, 50), width=8)
    for i, (fx, fy) in enumerate([(700, 180), (650, 250), (610, 320), (740, 240), (560, 260)]):
        colour = (200, 80 + i * 12, 200) if i % 2 else (235, 235, 245)
        for a in range(0, 360, 72):
            px, py = fx + 40 * math.cos(math.radians(a)), fy + 40 * math.sin(math.radians(a))
            d.ellipse([px - 32, py - 24, px + 32, py + 24], fill=colour)
        d.ellipse([fx - 14, fy - 14, fx + 14, fy + 14], fill=(240, 200, 60))


def bunga(d: Draw, rng: random.Random) -> None:
    for pot_x in (330, 600, 870):
        d.polygon(
            [(pot_x - 120, 580), (pot_x + 120, 580), (pot_x + 90, 820), (pot_x - 90, 820)],
            fill=(170, 85, 45),
        )
        hue = rng.choice([(230, 60, 90), (250, 200, 40), (240, 120, 40), (200, 60, 160)])
        for _ in range(7):
            fx, fy = pot_x + rng.randint(-90, 90), rng.randint(260, 520)
            d.line([(pot_x, 580), (fx, fy)], fill=(60, 120, 50), width=6)
            for a in range(0, 360, 45):
                px, py = fx + 26 * math.cos(math.radians(a)), fy + 26 * math.sin(math.radians(a))
                d.ellipse([px - 18, py - 18, px + 18, py + 18], fill=hue)
            d.ellipse([fx - 12, fy - 12, fx + 12, fy + 12], fill=(250, 220, 90))


def anyaman(d: Draw, rng: random.Random) -> None:
    d.ellipse([300, 220, 900, 380], fill=(150, 100, 50))
    d.polygon([(300, 300), (900, 300), (820, 780), (380, 780)], fill=(196, 150, 90))
    for y in range(320, 780, 30):
        d.line([(300 + (y - 300) // 6, y), (900 - (y - 300) // 6, y)], fill=(150, 105, 55), width=6)
    for x in range(340, 880, 40):
        d.line([(x, 300), (600 + (x - 600) * 0.73, 780)], fill=(170, 120, 65), width=5)
    d.ellipse([330, 240, 870, 360], fill=(120, 80, 40))


def sayur(d: Draw, rng: random.Random) -> None:
    plate(d, 600, 480, 420)
    for _ in range(22):  # kangkung leaves
        x, y = rng.randint(320, 880), rng.randint(300, 640)
        a = rng.uniform(0, math.pi)
        dx, dy = 90 * math.cos(a), 40 * math.sin(a)
        d.ellipse(
            [x - abs(dx), y - abs(dy) - 20, x + abs(dx), y + abs(dy) + 20],
            fill=(50, 140 + rng.randint(-30, 30), 50),
        )
    for x in range(380, 820, 110):  # tomatoes
        d.ellipse([x, 560, x + 90, 650], fill=(210, 40, 30))
        d.line([(x + 45, 560), (x + 45, 545)], fill=(40, 110, 40), width=6)


def cabai(d: Draw, rng: random.Random) -> None:
    plate(d, 600, 470, 400)
    for _ in range(26):
        x, y = rng.randint(340, 780), rng.randint(330, 590)
        length, bend = rng.randint(120, 190), rng.uniform(-0.5, 0.5)
        red = (210 + rng.randint(-25, 25), 30, 25) if rng.random() < 0.75 else (60, 140, 40)
        points = [
            (x + t * length, y + 30 * math.sin(t * 3 + bend)) for t in [i / 10 for i in range(11)]
        ]
        d.line(points, fill=red, width=18, joint="curve")
        d.line([points[0], (points[0][0] - 18, points[0][1] - 10)], fill=(60, 120, 40), width=7)


def buah(d: Draw, rng: random.Random) -> None:
    d.ellipse([250, 380, 950, 820], fill=(150, 105, 55))  # tampah
    d.ellipse([280, 400, 920, 800], fill=(190, 140, 80))
    for _ in range(9):  # mangoes
        x, y = rng.randint(320, 760), rng.randint(420, 640)
        d.ellipse([x, y, x + 140, y + 100], fill=(240, 180 + rng.randint(-20, 20), 40))
        d.ellipse([x + 20, y + 15, x + 60, y + 40], fill=(250, 215, 120))
    for x, y in ((400, 430), (700, 450)):  # rambutan bunch
        for _ in range(8):
            bx, by = x + rng.randint(-50, 50), y + rng.randint(-30, 30)
            d.ellipse([bx, by, bx + 55, by + 55], fill=(200, 40, 40))


def bingka(d: Draw, rng: random.Random) -> None:
    plate(d, 600, 480, 420)
    cx, cy, r = 600, 470, 250
    petals = [
        (
            cx + (r + 30 * math.cos(a * 8)) * math.cos(a),
            cy + (r + 30 * math.cos(a * 8)) * 0.6 * math.sin(a),
        )
        for a in [i * math.pi / 90 for i in range(180)]
    ]
    d.polygon(petals, fill=(180, 110, 40))
    inner = [(x * 0.9 + cx * 0.1, y * 0.9 + cy * 0.1) for x, y in petals]
    d.polygon(inner, fill=(235, 190, 90))
    for a in range(0, 360, 45):
        x, y = cx + 150 * math.cos(math.radians(a)), cy + 90 * math.sin(math.radians(a))
        d.line([(cx, cy), (x, y)], fill=(200, 140, 60), width=4)


def sasirangan(d: Draw, rng: random.Random) -> None:
    d.rectangle([180, 120, 1020, 800], fill=(40, 60, 140))
    for y in range(140, 800, 70):  # the jumputan waves
        colour = rng.choice([(230, 190, 60), (200, 60, 60), (240, 240, 230)])
        points = [(x, y + 18 * math.sin(x / 35)) for x in range(180, 1021, 10)]
        d.line(points, fill=colour, width=10)
    for _ in range(30):
        x, y = rng.randint(220, 960), rng.randint(150, 760)
        d.ellipse([x, y, x + 30, y + 30], outline=(240, 240, 230), width=4)


PHOTOS: dict[str, tuple[Callable[[Draw, random.Random], None], tuple[int, int, int]]] = {
    "amplang-piring": (amplang, (150, 100, 60)),
    "amplang-toples": (toples, (160, 110, 70)),
    "es-cendol": (cendol, (130, 90, 55)),
    "kopi-susu": (kopi, (120, 80, 50)),
    "anggrek-bulan": (anggrek, (170, 130, 90)),
    "taman-bunga": (bunga, (175, 140, 100)),
    "keranjang-rotan": (anyaman, (140, 100, 65)),
    "sayur-segar": (sayur, (160, 120, 80)),
    "cabai-rawit": (cabai, (150, 110, 70)),
    "buah-pekarangan": (buah, (165, 125, 85)),
    "bingka-kentang": (bingka, (145, 100, 60)),
    "kain-sasirangan": (sasirangan, (185, 150, 110)),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for n, (name, (draw, wood)) in enumerate(sorted(PHOTOS.items())):
        rng = random.Random(n)
        im = table(rng, wood)
        draw(ImageDraw.Draw(im), rng)
        finish(im, rng).save(OUT / f"{name}.jpg", "JPEG", quality=82, optimize=True)
        print(OUT / f"{name}.jpg", (OUT / f"{name}.jpg").stat().st_size)


if __name__ == "__main__":
    main()
