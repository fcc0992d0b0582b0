"""Photos from a phone: published light, upright and without a trace of where they were taken."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GOLDEN_DAY
from phone_photo import phone_photo
from PIL import Image, ImageCms, ImageFilter, ImageOps

from generator.photos import publish
from generator.photos.inspect import load_with_photos
from generator.pipeline import PhotoSettings, generate
from generator.problems import ContentInvalid

SECRET = b"MAKERNOTE-rumah-bu-sari"  # stands for what a maker note may carry (serials, ...)
LATITUDE = (1.0, 15.0, 43.21)  # 1° 15' 43.21" S: Balikpapan, down to the house


def exif_with_secrets(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(0x8825).update(  # GPS
        {1: "S", 2: LATITUDE, 3: "E", 4: (116.0, 50.0, 12.34)}
    )
    exif.get_ifd(0x8769)[0x927C] = SECRET  # MakerNote, inside the Exif IFD
    return exif


def upright_landscape() -> Image.Image:
    """What the camera saw: red on the left, blue on the right, wider than tall."""
    im = Image.new("RGB", (1600, 1200), (220, 30, 30))
    im.paste((30, 30, 220), (800, 0, 1600, 1200))
    return im


def phone_jpeg_with_metadata() -> bytes:
    """As a phone held upright-rotated saves it: pixels stored turned, EXIF orientation 6
    ("rotate 90° clockwise to view"), GPS, a maker note, XMP and a colour profile."""
    stored = upright_landscape().transpose(Image.Transpose.ROTATE_90)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="1,15.72S"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=exif_with_secrets(6), xmp=xmp, icc_profile=icc)
    return out.getvalue()


def webp_chunks(data: bytes) -> list[bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, at = [], 12
    while at < len(data):
        kind, size = data[at : at + 4], int.from_bytes(data[at + 4 : at + 8], "little")
        chunks.append(kind)
        at += 8 + size + (size & 1)
    return chunks


def add_photo(content: Path, name: str, data: bytes, vendor: str = "amplang-uji") -> None:
    """Save `data` as content/vendors/foto/<name> and make `vendor` show it."""
    (content / "vendors" / "foto" / name).write_bytes(data)
    yml = content / "vendors" / f"{vendor}.yml"
    text = yml.read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("photo:")]
    lines.insert(1, f"photo: foto/{name}")
    yml.write_text("\n".join(lines) + "\n", "utf-8")


def build_docs(content: Path, workers: int | None = 1) -> tuple[Path, publish.Report]:
    docs = content.parent / "docs"
    settings = PhotoSettings(cache_dir=content.parent / "cache", workers=workers)
    report = generate(content, docs, GOLDEN_DAY, photo_settings=settings).photos
    return docs, report


def test_published_photos_are_upright_and_carry_no_metadata(content: Path) -> None:
    original = phone_jpeg_with_metadata()
    assert SECRET in original and b"xmpmeta" in original  # the test photo has them
    add_photo(content, "dari-hp.jpg", original)
    docs, _ = build_docs(content)
    published = {p for p in (docs / "foto").iterdir() if p.name.startswith(_key(original))}
    assert {p.suffix for p in published} == {".webp", ".jpg"} and len(published) == 4
    for path in published:
        data = path.read_bytes()
        with Image.open(path) as im:
            assert not im.getexif(), path.name
            assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & im.info.keys()
            # Turned as the camera meant: landscape (a list card's square is its middle),
            # red left, blue right.
            width, height = im.size
            assert width > height or (width, height) == (publish.MINI, publish.MINI)
            rgb = im.convert("RGB")
            left, right = (
                rgb.getpixel((width // 4, height // 2)),
                rgb.getpixel((width * 3 // 4, height // 2)),
            )
            assert left[0] > 180 and left[2] < 80, left
            assert right[2] > 180 and right[0] < 80, right
        for trace in (SECRET, b"Exif", b"xmpmeta", b"PhoneMaker", b"GPS"):
            assert trace not in data, (path.name, trace)
        if path.suffix == ".webp":
            assert set(webp_chunks(data)) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
        else:
            assert (
                b"\xff\xe1" not in data and b"\xff\xe2" not in data
            )  # no APP1 (EXIF/XMP), APP2 (ICC)
    # The original itself is published nowhere.
    assert not [p for p in docs.rglob("*") if p.is_file() and p.read_bytes() == original]


def _key(data: bytes) -> str:
    return publish.cache_key(data)


def test_a_4_mb_phone_photo_becomes_a_light_thumbnail_and_large_image(content: Path) -> None:
    original = phone_photo(seed=1)
    assert 3_500_000 <= len(original) <= 5_000_000
    with Image.open(io.BytesIO(original)) as im:
        assert im.size == (4000, 3000)
    add_photo(content, "besar.jpg", original)
    docs, _ = build_docs(content)
    key = _key(original)
    thumb, large = docs / f"foto/{key}-480.webp", docs / f"foto/{key}-1200.webp"
    assert thumb.stat().st_size <= 30 * 1024
    assert large.stat().st_size <= 150 * 1024
    with Image.open(thumb) as t, Image.open(large) as lg:
        assert t.size == (480, 360) and lg.size == (1200, 900)
    # Still sharp at its size: the picture's fine detail survives (not a blurred smear).
    with Image.open(large) as lg:
        edges = lg.convert("L").filter(ImageFilter.FIND_EDGES)
        assert sum(edges.histogram()[40:]) > 0.02 * 1200 * 900


def test_a_list_cards_square_stays_within_8_kb_even_for_the_busiest_photo(content: Path) -> None:
    """Colour noise, pixel by pixel of the square itself, is the hardest picture to compress
    (at the thumbnails' quality its square would be over 8 KB); a list card's square of it
    still keeps within the list's budget per picture."""
    busy = Image.merge("RGB", [Image.effect_noise((112, 112), 150) for _ in range(3)])
    out = io.BytesIO()
    busy.save(out, "PNG")
    add_photo(content, "ramai.png", out.getvalue())
    docs, _ = build_docs(content)
    square = docs / f"foto/{_key(out.getvalue())}-{publish.MINI}.webp"
    with Image.open(square) as im:
        assert im.size == (112, 112) and im.format == "WEBP"
    assert square.stat().st_size <= 8 * 1024
    # The test's picture is that busy: made as the thumbnails are, its square is over 8 KB.
    source = Image.open(io.BytesIO(out.getvalue())).convert("RGB")
    usual = io.BytesIO()
    ImageOps.fit(publish._fit(source, publish.THUMB), (112, 112)).save(
        usual, "WEBP", quality=publish.WEBP_QUALITY
    )
    assert len(usual.getvalue()) > 8 * 1024


def test_heic_png_and_webp_are_accepted(content: Path) -> None:
    import pillow_heif

    upright = upright_landscape().resize((400, 300))
    heic = pillow_heif.from_pillow(upright)
    out = io.BytesIO()
    heic.save(out, quality=80)
    add_photo(content, "iphone.heic", out.getvalue())
    png = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(png, "PNG")  # a transparent screenshot
    add_photo(content, "layar.png", png.getvalue(), vendor="kebun-uji")
    webp = io.BytesIO()
    upright.save(webp, "WEBP")
    add_photo(content, "wa.webp", webp.getvalue(), vendor="kue-tanpa-rt")
    docs, report = build_docs(content)
    assert report.processed == 4  # three new ones and the fixture's own
    with Image.open(docs / f"foto/{_key(out.getvalue())}-480.webp") as im:
        assert im.size == (400, 300)
        assert im.convert("RGB").getpixel((50, 150))[0] > 180  # red stays left
    with Image.open(docs / f"foto/{_key(png.getvalue())}-800.jpg") as im:
        assert im.getpixel((10, 10)) >= (250, 250, 250)  # transparent became white


def test_a_phone_jpeg_with_a_second_picture_inside_is_a_jpeg(content: Path) -> None:
    """Some phones save MPO: a JPEG with more pictures (e.g. depth) after the first."""
    out = io.BytesIO()
    first, second = upright_landscape().resize((400, 300)), Image.new("RGB", (400, 300))
    first.save(out, "MPO", save_all=True, append_images=[second])
    with Image.open(io.BytesIO(out.getvalue())) as im:
        assert im.format == "MPO"
    add_photo(content, "dua-gambar.jpg", out.getvalue())
    docs, report = build_docs(content)
    with Image.open(docs / f"foto/{_key(out.getvalue())}-480.webp") as im:
        assert im.convert("RGB").getpixel((50, 150))[0] > 180  # the first picture


def test_second_build_makes_nothing_and_a_changed_photo_is_the_only_one_made(
    content: Path,
) -> None:
    original = phone_jpeg_with_metadata()
    add_photo(content, "satu.jpg", original, vendor="kebun-uji")
    docs, first = build_docs(content, workers=2)
    assert (first.processed, first.cached) == (2, 0)
    before = {p.name: p.stat().st_mtime_ns for p in (docs / "foto").iterdir()}

    docs, again = build_docs(content, workers=2)
    assert (again.processed, again.cached) == (0, 2)
    assert {p.name: p.stat().st_mtime_ns for p in (docs / "foto").iterdir()} == before

    changed = upright_landscape().resize((800, 600))
    out = io.BytesIO()
    changed.save(out, "JPEG")
    add_photo(content, "satu.jpg", out.getvalue(), vendor="kebun-uji")
    docs, third = build_docs(content, workers=2)
    assert (third.processed, third.cached) == (1, 1)
    now = {p.name: p.stat().st_mtime_ns for p in (docs / "foto").iterdir()}
    # The old version's files are gone from the site, the untouched photo's are untouched.
    old_key = _key(original)
    assert [name for name in before if name.startswith(old_key)]
    assert not [name for name in now if name.startswith(old_key)]
    assert {n: t for n, t in now.items() if n in before} == {
        n: t for n, t in before.items() if not n.startswith(old_key)
    }


def test_the_cache_can_be_deleted_or_damaged(content: Path) -> None:
    docs, _ = build_docs(content)
    shutil.rmtree(content.parent / "cache")
    docs, report = build_docs(content)
    assert report.processed == 1
    assert len(list((docs / "foto").iterdir())) == 4  # thumbnail, large, JPEG, list square
    (entry,) = (content.parent / "cache").iterdir()
    (entry / "thumb.webp").unlink()  # e.g. a disk cleaner went through it
    docs, report = build_docs(content)
    assert report.processed == 1 and (entry / "thumb.webp").is_file()


def _meta(entry: Path, **sizes: object) -> None:
    meta = json.loads((entry / "meta.json").read_text("utf-8"))
    (entry / "meta.json").write_text(json.dumps(meta | sizes), "utf-8")


def _script_in_sizes(entry: Path) -> None:
    _meta(entry, large=['1" onerror="alert(1)', 1])


def _sizes_not_pixels(entry: Path) -> None:
    _meta(entry, thumb=[True, 10**9])


def _linked_secret(entry: Path) -> None:
    (entry / "thumb.webp").unlink()
    (entry / "thumb.webp").symlink_to(entry.parent.parent / "rahasia.txt")


def _square_not_square(entry: Path) -> None:
    Image.new("RGB", (4000, 30), "red").save(entry / "mini.webp", "WEBP")


def _not_an_image(entry: Path) -> None:
    (entry / "image.jpg").write_text("<script>alert(1)</script>", "utf-8")


@pytest.mark.parametrize(
    "tamper",
    [_script_in_sizes, _sizes_not_pixels, _linked_secret, _square_not_square, _not_an_image],
)
def test_a_cache_entry_that_came_with_a_pull_request_is_made_again(
    content: Path, tamper: Callable[[Path], None]
) -> None:
    """`.cache/photos/` can be committed: its sizes go into the pages' HTML, its files into
    the site. An entry that is not exactly what the generator makes is made again."""
    (content.parent / "rahasia.txt").write_text("kunci rahasia", "utf-8")
    build_docs(content)
    (entry,) = (content.parent / "cache").iterdir()
    made = {name: (entry / name).read_bytes() for name in publish.CACHED}
    tamper(entry)
    shutil.rmtree(content.parent / "docs")  # as on a fresh checkout
    docs, report = build_docs(content)
    assert report.processed == 1
    pages = "".join(p.read_text("utf-8") for p in docs.rglob("*.md"))
    assert "<img" in pages and "onerror" not in pages and "alert" not in pages
    sizes = re.findall(r'<img [^>]*?width="([^"]*)" height="([^"]*)"', pages)
    assert sizes and all(w.isdigit() and h.isdigit() for w, h in sizes), sizes
    published = {p.name.split("-", 1)[1]: p.read_bytes() for p in (docs / "foto").iterdir()}
    assert published == {
        "480.webp": made["thumb.webp"],
        "1200.webp": made["large.webp"],
        "800.jpg": made["image.jpg"],
        "112.webp": made["mini.webp"],
    }


def test_a_photo_cut_short_is_a_located_problem_not_a_crash(content: Path) -> None:
    whole = phone_jpeg_with_metadata()
    add_photo(content, "terpotong.jpg", whole[: len(whole) // 2])
    load_with_photos(Path("content"))  # the header is fine: only decoding finds it
    with pytest.raises(ContentInvalid) as caught:
        build_docs(content)
    assert [p.render("id") for p in caught.value.problems] == [
        "content/vendors/amplang-uji.yml:2:8: photo: `foto/terpotong.jpg` rusak: isinya "
        "terpotong atau tidak utuh — salin lagi foto aslinya dari ponsel (salinan tadi "
        "mungkin tidak selesai)"
    ]
    assert not (content.parent / "docs").exists()  # nothing was written


def test_a_file_over_25_mb_is_refused_before_it_is_read(content: Path) -> None:
    big = content / "vendors" / "foto" / "besar.jpg"
    add_photo(content, "besar.jpg", phone_jpeg_with_metadata())
    os.truncate(big, 26_200_000)  # sparse: no 26 MB written to disk
    with pytest.raises(ContentInvalid) as caught:
        load_with_photos(Path("content"))
    (problem,) = caught.value.problems
    assert problem.render("id") == (
        "content/vendors/amplang-uji.yml:2:8: photo: `foto/besar.jpg` berukuran 26,2 MB, "
        "paling besar 25 MB — perkecil fotonya, misalnya kirim lewat WhatsApp lalu unduh, "
        "atau pilih ukuran lebih kecil di kamera"
    )
    assert problem.render("en").startswith(
        "content/vendors/amplang-uji.yml:2:8: photo: `foto/besar.jpg` is 26.2 MB, at most 25 MB"
    )


def test_every_kind_of_bad_photo_has_its_own_message() -> None:
    """Traversal, absolute path, symlink out, bomb, too many pixels, unreadable, wrong
    extension, unsupported format, damaged, too big: each its own sentence."""
    cases = Path(__file__).parent / "cases" / "invalid"
    first_lines = {
        case.name: (case / "expected.en.txt").read_text("utf-8").splitlines()[0]
        for case in cases.iterdir()
        if "photo" in case.name
    }
    # The sentence without the file name in it: "`x.jpg` is an absolute path" -> "is an …".
    messages = {line.split("`", 2)[2].split(" — ")[0] for line in first_lines.values()}
    assert len(first_lines) == 8 and len(messages) == 8, first_lines


def test_a_16_bit_png_keeps_its_greys(content: Path) -> None:
    """A 16-bit greyscale PNG (a scanner's) is not published white: its 0-65535 range is
    scaled down, not clipped at 255."""
    ramp = Image.new("I;16", (512, 64))
    ramp.putdata([x * 128 for _ in range(64) for x in range(512)])
    data = io.BytesIO()
    ramp.save(data, "PNG")
    add_photo(content, "pindaian.png", data.getvalue())
    docs, _ = build_docs(content)
    large = docs / "foto" / f"{_key(data.getvalue())}-1200.webp"
    with Image.open(large) as im:
        grey = im.convert("L")
        left, middle = grey.getpixel((5, 32)), grey.getpixel((grey.width // 2, 32))
    assert left < 20 and 100 < middle < 156, (left, middle)


def small_jpeg(shade: int) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (64, 48), (shade, 100, 50)).save(data, "JPEG")
    return data.getvalue()


def test_a_photo_that_kills_its_worker_is_named(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that dies (out of memory, say) breaks the whole pool; the photos not yet
    made are then made one process each, so the one that kills its process is reported
    with its file and line, and the others are published."""
    from concurrent.futures.process import BrokenProcessPool

    def dying_pool(jobs, workers, limit):
        for job in jobs:
            if job[0].endswith("berat.jpg"):
                raise BrokenProcessPool("a worker died")
            yield publish._make_entry(*job)

    monkeypatch.setattr(publish, "_run_parallel", dying_pool)
    add_photo(content, "berat.jpg", small_jpeg(10), vendor="amplang-uji")
    add_photo(content, "ringan.jpg", small_jpeg(200), vendor="kebun-uji")
    with pytest.raises(ContentInvalid) as caught:
        build_docs(content, workers=2)
    assert [p.render("id") for p in caught.value.problems] == [
        "content/vendors/amplang-uji.yml:2:8: photo: `foto/berat.jpg` terlalu berat untuk "
        "diolah: prosesnya berhenti (mungkin kehabisan memori) — perkecil fotonya, misalnya "
        "kirim lewat WhatsApp lalu unduh, atau simpan ulang dengan ukuran lebih kecil"
    ]
    assert (content.parent / "cache" / _key(small_jpeg(200))).is_dir()  # the other was made


def slow_in_the_worker() -> None:
    """Worker setup for the test below: in the worker process, `lambat.jpg` takes minutes
    to decode (as a huge or pathological photo can)."""
    decode = publish._upright_srgb

    def slow(source: Path) -> Image.Image:
        if source.name == "lambat.jpg":
            time.sleep(600)
        return decode(source)

    publish._upright_srgb = slow


@pytest.mark.parametrize("workers", [1, 2])
def test_a_photo_that_takes_too_long_is_named_and_its_worker_stopped(
    content: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(publish, "_WORKER_SETUP", slow_in_the_worker, raising=False)
    add_photo(content, "lambat.jpg", small_jpeg(10), vendor="amplang-uji")
    add_photo(content, "cepat.jpg", small_jpeg(200), vendor="kebun-uji")
    settings = PhotoSettings(content.parent / "cache", workers=workers, time_limit=1)
    started = time.monotonic()
    with pytest.raises(ContentInvalid) as caught:
        generate(content, content.parent / "docs", GOLDEN_DAY, photo_settings=settings)
    assert time.monotonic() - started < 30  # not the 600 s the photo would take
    assert [p.render("id") for p in caught.value.problems] == [
        "content/vendors/amplang-uji.yml:2:8: photo: `foto/lambat.jpg` terlalu lama diolah: "
        "belum selesai setelah 1 detik — perkecil fotonya atau simpan ulang sebagai JPEG "
        "(`.jpg`), misalnya kirim lewat WhatsApp lalu unduh"
    ]
    assert (
        caught.value.problems[0]
        .render("en")
        .startswith(
            "content/vendors/amplang-uji.yml:2:8: photo: `foto/lambat.jpg` takes too long to "
            "process: not done after 1 seconds — make the photo smaller"
        )
    )
    assert (content.parent / "cache" / _key(small_jpeg(200))).is_dir()  # the other was made
    assert not multiprocessing.active_children()  # the stuck worker is gone


def test_an_unwritable_photo_cache_is_one_clear_line(content: Path) -> None:
    from generator.problems import BuildFailed

    add_photo(content, "dari-hp.jpg", small_jpeg(120))
    (content.parent / "cache").write_text("bukan folder", "utf-8")  # mkdir fails in it
    with pytest.raises(BuildFailed) as caught:
        build_docs(content)
    assert "cache" in str(caught.value)
