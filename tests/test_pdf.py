"""The printed catalogue: what an organiser takes to the copy shop and a resident reads.

The fixture catalogue's PDFs are made once (with the real `print` command); the tests
read them back as a reader would: their text, their page numbers, their QR codes
decoded from a rendered image, their booklet sheets.
"""

from __future__ import annotations

import datetime
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURE, GOLDEN_DAY
from pypdf import PdfReader

from generator.cli import main
from generator.content.index import build_index
from generator.photos.inspect import load_with_photos

pytestmark = pytest.mark.slow

SITE = "https://katalog-uji.example.org/"
A5 = (419.53, 595.28)  # points
A4_LANDSCAPE = (841.89, 595.28)


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cetak")
    result = CliRunner().invoke(main, ["print", "--content", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "8 PDF" in result.output
    return out


@pytest.fixture(scope="session")
def index():
    return build_index(load_with_photos(FIXTURE), GOLDEN_DAY)


def pages_text(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def render(path: Path, page: int, dpi: int = 150) -> Path:
    """One page as PNG, as a reader's eye (or phone camera) would see it."""
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils (make test does)")
    prefix = path.with_name(f"{path.stem}-{page}")
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page)]
        + [str(path), str(prefix)],
        check=True,
    )
    return prefix.with_suffix(".png")


def make_pdf(document, folder: Path) -> bytes:
    """A document's PDF as a build makes it: its parts laid out, kept in `folder`, bound."""
    from generator.output.parts import Parts
    from generator.printed import bind, typeset

    templates = (typeset.TEMPLATE, typeset.BINDING)
    return bind.make(document.source(), Parts(folder / "parts"), templates, booklet=False)[0]


def qr_codes(png: Path) -> set[str]:
    import zxingcpp
    from PIL import Image

    return {code.text for code in zxingcpp.read_barcodes(Image.open(png))}


def test_every_vendor_and_product_is_in_the_catalogue(printed: Path, index) -> None:
    text = " ".join(pages_text(printed / "katalog.pdf"))
    for vendor in index.content.vendors.values():
        assert vendor.name in text
        for product in vendor.products:
            assert product.name in text
    assert "Rp25.000" in text and "bungkus 250 g" in text
    assert "HALAL ID00000000000001" in text and "P-IRT 000000000000001" in text
    assert "WhatsApp 0812-0000-0001" in text and "Bayar: Tunai, QRIS, Transfer bank" in text
    cover = pages_text(printed / "katalog.pdf")[0]
    assert "Kelurahan Contoh Ilir" in cover and "Kecamatan Contoh Tengah, Balikpapan" in cover
    assert "3 usaha dalam 2 kategori" in cover  # the empty category "Bunga" is left out


def test_contents_page_numbers_are_where_the_sections_start(printed: Path) -> None:
    path = printed / "katalog.pdf"
    texts = pages_text(path)
    lines = PdfReader(path).pages[1].extract_text().splitlines()
    toc = dict(m.groups() for m in map(re.compile(r"(.+?)\s*\.{3,}\s*(\d+)").fullmatch, lines) if m)
    assert list(toc) == ["Makanan & Kudapan", "Sayuran", "Program Kampung Bungas", "Indeks produk"]
    reader = PdfReader(path)
    bookmarks = {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    for title, number in toc.items():
        page = int(number)
        assert bookmarks[title] == page, title
        # The running header names the section from its first page on, and not before.
        assert texts[page - 1].endswith(f"{title} Katalog Uji {page}"), title
        assert not texts[page - 2].endswith(f"{title} Katalog Uji {page - 1}"), title
    assert texts[int(toc["Program Kampung Bungas"]) - 1].count("Kalender panen") == 1


def test_index_entries_point_to_the_page_of_the_product(printed: Path, index) -> None:
    texts = pages_text(printed / "katalog.pdf")
    back = PdfReader(printed / "katalog.pdf").pages[-1].extract_text().splitlines()
    entries = [
        m.groups() for m in map(re.compile(r"(.+) — (.+), hlm\. (\d+)").fullmatch, back) if m
    ]
    products = [p.name for v in index.content.vendors.values() for p in v.products]
    assert sorted(e[0] for e in entries) == sorted(products)
    for product, vendor, page in entries:
        assert product in texts[int(page) - 1] and vendor in texts[int(page) - 1]


def test_qr_codes_open_the_right_vendor_page(printed: Path, index) -> None:
    path = printed / "katalog.pdf"
    found: set[str] = set()
    for number, text in enumerate(pages_text(path), start=1):
        codes = qr_codes(render(path, number))
        on_page = {slug for slug, v in index.content.vendors.items() if f" {v.name} " in text}
        if number == 1:
            assert codes == {SITE}  # the cover: the site itself
        elif "Pindai" in text:
            # Every card on the page carries its own vendor's address, and no other.
            assert codes == {f"{SITE}usaha/{slug}/" for slug in on_page}, number
        found |= codes
    assert {f"{SITE}usaha/{slug}/" for slug in index.content.vendors} <= found


def test_event_catalogue_is_in_stall_order_with_labels(printed: Path) -> None:
    texts = pages_text(printed / "acara" / "bazar-uji" / "katalog.pdf")
    assert "Sabtu, 14 Juni 2025" in texts[0] and "08:00–16:00 WITA" in texts[0]
    stall_list = texts[1]
    assert stall_list.index("A2") < stall_list.index("A10") < stall_list.index("B1")
    listed = dict(re.findall(r"(A2|A10|B1) [^.]+?\.{3,} ?(\d+)", stall_list))  # names: any text
    assert set(listed) == {"A2", "A10", "B1"}  # every stall with its page number
    # The event's `denah` on a page of its own, right after the list, with a bookmark;
    # rows numbered as the stall cards number them (the aisle is no row).
    plan = texts[2]
    assert plan.startswith("Denah lapak") and "Baris 1 A2 A10" in plan and "Baris 2 B1" in plan
    reader = PdfReader(printed / "acara" / "bazar-uji" / "katalog.pdf")
    assert [o.title for o in reader.outline if not isinstance(o, list)][:2] == [
        "Daftar lapak",
        "Denah lapak",
    ]
    cards = " ".join(texts[3:-1])
    assert cards.index("Lapak A2") < cards.index("Lapak A10") < cards.index("Lapak B1")
    for label, page in listed.items():
        assert f"Lapak {label}" in texts[int(page) - 1]
    assert "Indeks produk" in texts[-1]


def poppler_text(path: Path, page: int, left: float = 0, width: float = 1000) -> str:
    """The words on a page (or on the part of it from `left`, `width` wide, in points),
    as poppler reads them."""
    crop = ["-x", str(round(left)), "-y", "0", "-W", str(round(width)), "-H", "1000", "-r", "72"]
    found = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), *crop, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return " ".join(found.split())


def test_booklet_sheets_are_a4_landscape_in_saddle_stitch_order(printed: Path) -> None:
    for name in ("katalog", "acara/bazar-uji/katalog"):
        source = printed / f"{name}.pdf"
        booklet = printed / f"{name}-booklet.pdf"
        n = len(PdfReader(source).pages)
        padded = math.ceil(n / 4) * 4
        sheets = PdfReader(booklet).pages
        assert len(sheets) == padded // 2
        for page in PdfReader(source).pages:
            assert (
                round(float(page.mediabox.width), 2),
                round(float(page.mediabox.height), 2),
            ) == A5
        for sheet in sheets:
            box = sheet.mediabox
            assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_LANDSCAPE
        pages = [poppler_text(source, number) for number in range(1, n + 1)]
        assert all(pages) and len(set(pages)) == n  # every page its own, none blank
        # Page numbers (1-based) a folded stack of sheets needs, blanks as None.
        expected = []
        for s in range(padded // 4):
            front = (padded - 2 * s, 2 * s + 1)
            back = (2 * s + 2, padded - 2 * s - 1)
            expected += [front, back]
        for number, sides in enumerate(expected, start=1):
            for slot, page in enumerate(sides):
                half = poppler_text(booklet, number, left=slot * A4_LANDSCAPE[0] / 2, width=A5[0])
                # Each half of the sheet shows that very page of the A5 PDF, or nothing.
                assert half == (pages[page - 1] if page <= n else ""), (name, number, slot)


def test_booklet_order_for_eight_and_for_five_pages() -> None:
    from generator.printed.booklet import sheet_order

    assert sheet_order(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    assert sheet_order(5) == [(None, 0), (1, None), (None, 2), (3, 4)]


def test_stall_cards_four_to_a_sheet_with_working_qr_codes(printed: Path, index) -> None:
    path = printed / "acara" / "bazar-uji" / "kartu-lapak.pdf"
    stalls = index.stalls("bazar-uji")
    reader = PdfReader(path)
    assert len(reader.pages) == math.ceil(len(stalls) / 4)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    text = pages_text(path)[0]
    for stall in stalls:
        assert stall.stall in text and index.vendor(stall.vendor).name in text
    # Where each stands, from the event's `denah` (an aisle is no row; a gap no place).
    spots = {"A2": "Baris 1, ke-1", "A10": "Baris 1, ke-2", "B1": "Baris 2, ke-1"}
    assert dict(re.findall(r"([A-Z][0-9]+) ?(Baris [0-9]+, ke-[0-9]+)", text)) == spots
    assert qr_codes(render(path, 1, dpi=100)) == {f"{SITE}usaha/{s.vendor}/" for s in stalls}


def closed_box(png: Path) -> bool:
    """Whether the page shows a box whose four sides meet: a black line runs down each
    side of the page's text column, and black lines across (but for the rounded corners)
    join their ends."""
    from PIL import Image

    im = Image.open(png).convert("L").point(lambda v: 255 if v < 200 else 0)
    width, height = im.size
    pixels = im.load()

    def run(x: int) -> tuple[int, int]:
        """The longest stretch of black down column x."""
        best, start = (0, -1), None
        for y in range(height + 1):
            if y < height and pixels[x, y]:
                start = y if start is None else start
            elif start is not None:
                best = max(best, (start, y - 1), key=lambda r: r[1] - r[0])
                start = None
        return best

    runs = {x: run(x) for x in range(width)}
    sides = [x for x, (y0, y1) in runs.items() if y1 - y0 > 0.3 * height]
    left = [x for x in sides if x < width / 3]
    right = [x for x in sides if x > 2 * width / 3]
    if not (left and right):
        return False
    (top, bottom), inner = runs[left[0]], (left[-1] + 1, right[0])

    def across(rows: range) -> bool:
        return any(
            sum(pixels[x, row] > 0 for x in range(*inner)) > 0.9 * (inner[1] - inner[0])
            for row in rows
        )

    # The sides stop where the rounded corners begin, up to 2 mm (8 px) from the lines.
    closed = across(range(max(top - 12, 0), top)) and across(range(bottom, bottom + 12))
    return closed and abs(runs[right[-1]][1] - bottom) <= 2


FOOT = 13.5 / 25.4 * 72  # points: the 15 mm bottom margin, where only the page number is


def all_on_paper(reader: PdfReader) -> bool:
    """No text but the page number is drawn in the bottom margin or off the paper (an
    overflowing card would run into the page number and off the page)."""
    for page in reader.pages:
        ys: list[float] = []

        def visit(text, cm, tm, font, size, ys=ys):
            if text.strip() and not text.strip().isdigit():
                ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        if not ys or not all(FOOT <= y <= float(page.mediabox.height) for y in ys):
            return False
    return True


def test_a_card_of_few_products_but_much_text_continues_rather_than_runs_off(
    tmp_path: Path,
) -> None:
    """A card with the longest description the format allows and ten long product notes
    is taller than a page: it continues on the next one, whole, like a long card."""
    from generator.printed import render as print_render

    content = load_with_photos(FIXTURE)
    slug = next(iter(content.vendors))
    vendor = content.vendors[slug]
    products = [
        vendor.products[0].model_copy(
            update={"name": f"Produk {i}", "description": "lorem ipsum " * 16}
        )
        for i in range(10)
    ]
    long = {"description": "kata " * 400, "products": products}  # 2,000: the most allowed
    content.vendors[slug] = vendor.model_copy(update=long)
    pdf = tmp_path / "katalog.pdf"
    document = print_render.catalogue_document(build_index(content, GOLDEN_DAY))
    pdf.write_bytes(make_pdf(document, tmp_path))
    text = " ".join(pages_text(pdf))
    assert all(f"Produk {i} " in text for i in range(10)), text
    assert all_on_paper(PdfReader(pdf))
    for number, page_text in enumerate(pages_text(pdf), start=1):
        if "lorem ipsum" in page_text:  # a piece of the card
            assert closed_box(render(pdf, number, dpi=100)), number


def test_the_index_has_one_group_for_names_that_start_with_no_letter() -> None:
    """ "3 rasa" sorts before A, "🌶 sambal" after Z: both under one "#", first."""
    from generator.printed import render as print_render

    content = load_with_photos(FIXTURE)
    slug = next(iter(content.vendors))
    vendor = content.vendors[slug]
    names = ["3 rasa", "🌶 sambal", "Amplang", '"Kue" tart']
    products = [vendor.products[0].model_copy(update={"name": n}) for n in names]
    content.vendors[slug] = vendor.model_copy(update={"products": products})
    groups = print_render.catalogue_document(build_index(content, GOLDEN_DAY)).part("index")[
        "groups"
    ]
    letters = [g["letter"] for g in groups]
    assert letters[0] == "#" and letters.count("#") == 1 and letters == sorted(letters)
    assert {e["product"] for e in groups[0]["entries"]} == {"3 rasa", "🌶 sambal", '"Kue" tart'}


def test_a_wide_stall_plan_fits_the_page(tmp_path: Path) -> None:
    """Twenty stalls a row: the plan's boxes shrink to the page, nothing runs off it."""
    from PIL import Image

    from generator.printed import render as print_render

    content = load_with_photos(FIXTURE)
    slug = next(e for e, event in content.events.items() if event.denah)
    event = content.events[slug]
    vendor = content.vendors[event.stalls[0].vendor]
    for i in range(1, 21):
        content.vendors[f"lapak-{i}"] = vendor.model_copy(update={"name": f"Usaha {i}"})
    stalls = [type(event.stalls[0])(stall=f"A{i}", vendor=f"lapak-{i}") for i in range(1, 21)]
    row = [s.stall for s in stalls]
    content.events[slug] = event.model_copy(update={"stalls": stalls, "denah": [row]})
    pdf = tmp_path / "acara.pdf"
    pdf.write_bytes(
        make_pdf(print_render.event_document(build_index(content, GOLDEN_DAY), slug), tmp_path)
    )
    texts = pages_text(pdf)
    page = next(n for n, t in enumerate(texts, start=1) if t.startswith("Denah lapak"))
    assert "A1 A2 A3" in texts[page - 1] and "A20" in texts[page - 1]
    image = Image.open(render(pdf, page, dpi=72)).convert("L")
    width, height = image.size
    margin = image.crop((width - round(10 / 25.4 * 72), 0, width, height))
    assert margin.getextrema()[0] > 200


def test_a_vendor_with_very_many_products_still_prints_whole(tmp_path: Path) -> None:
    from generator.printed import render as print_render

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    vendor = yaml.safe_load((content / "vendors" / "amplang-uji.yml").read_text("utf-8"))
    vendor["products"] = [
        {"name": f"Produk nomor {i}", "price": 1000 + i, "unit": "bungkus", "description": "x" * 99}
        for i in range(150)
    ]
    (content / "vendors" / "amplang-uji.yml").write_text(yaml.safe_dump(vendor), "utf-8")
    index = build_index(load_with_photos(content), GOLDEN_DAY)
    pdf = tmp_path / "katalog.pdf"
    pdf.write_bytes(make_pdf(print_render.catalogue_document(index), tmp_path))

    reader = PdfReader(pdf)
    texts = pages_text(pdf)
    assert all(f"Produk nomor {i} " in " ".join(texts) for i in range(150))
    # The card continues over several pages, each naming the vendor in its table header.
    pages = [t for t in texts if "/ bungkus" in t]
    assert len(pages) >= 5
    assert all("Produk — Amplang Uji" in t for t in pages)
    # Each page's piece of the card is a closed box: its border goes all round, also
    # where the card breaks (top and bottom lines, and sides that end at them).
    for number, text in enumerate(texts, start=1):
        if "/ bungkus" in text:
            assert closed_box(render(pdf, number, dpi=100)), number
    assert all_on_paper(reader)


def test_cards_laid_out_a_few_at_a_time_fill_the_pages_as_one_layout_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A category's cards are laid out a chunk at a time (`bind.CHUNK`), each chunk handing
    the cards of its last page to the next: the pages are those of one layout of all the
    cards, none left half empty, also where a card that runs over pages ends a chunk."""
    from generator.printed import bind
    from generator.printed import render as print_render

    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    vendor = yaml.safe_load((content / "vendors" / "amplang-uji.yml").read_text("utf-8"))
    many = [{"name": f"Produk {i}", "price": 1000 + i, "unit": "bungkus"} for i in range(40)]
    for n in range(24):
        vendor |= {"name": f"Usaha {n:02d}", "products": many if n % 5 == 2 else many[:2]}
        (content / "vendors" / f"usaha-{n:02d}.yml").write_text(yaml.safe_dump(vendor), "utf-8")
    document = print_render.catalogue_document(build_index(load_with_photos(content), GOLDEN_DAY))
    assert len(document.part("cards")["cards"]) < bind.CHUNK  # one layout of them all
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(make_pdf(document, tmp_path / "whole"))
    for size in (2, 3, 5):
        monkeypatch.setattr(bind, "CHUNK", size)
        chunked = tmp_path / f"chunked-{size}.pdf"
        chunked.write_bytes(make_pdf(document, tmp_path / f"chunked-{size}"))
        assert pages_text(chunked) == pages_text(whole), size
    assert len(pages_text(whole)) > 20


def test_a_word_longer_than_a_line_stays_on_the_card(tmp_path: Path) -> None:
    """A name or description of one endless word (a pasted link, a long hashtag) breaks
    inside the card rather than running off the page: the right margin stays blank."""
    from PIL import Image

    from generator.printed import render as print_render

    content = load_with_photos(FIXTURE)
    slug = next(iter(content.vendors))
    long = {"name": "Amplang" + "x" * 190, "description": "kata " + "y" * 400}  # as YAML allows
    content.vendors[slug] = content.vendors[slug].model_copy(update=long)
    pdf = tmp_path / "katalog.pdf"
    pdf.write_bytes(
        make_pdf(print_render.catalogue_document(build_index(content, GOLDEN_DAY)), tmp_path)
    )
    texts = pages_text(pdf)
    page = next(n for n, text in enumerate(texts, start=1) if "Amplangxxxx" in text)
    image = Image.open(render(pdf, page, dpi=72)).convert("L")
    width, height = image.size
    margin = image.crop((width - round(10 / 25.4 * 72), 0, width, height))
    assert margin.getextrema()[0] > 200  # nothing darker than the lightest grey
    assert "y" * 40 in "".join(texts).replace("\u200b", "").replace(" ", "")


def test_unchanged_pdfs_are_not_made_again_and_stale_ones_go(content: Path, tmp_path: Path) -> None:
    from generator.output.prints import write_prints

    out = tmp_path / "out"
    out.mkdir()
    (out / "catatan.pdf").write_bytes(b"tulisan tangan")  # not ours: never touched
    first = write_prints(build_index(load_with_photos(content), GOLDEN_DAY), out)
    assert len(first.made) == 8
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    again = write_prints(build_index(load_with_photos(content), GOLDEN_DAY), out)
    assert again.made == [] and again.unchanged == 8
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == stamps

    vendor = content / "vendors" / "kue-tanpa-rt.yml"
    vendor.write_text(
        vendor.read_text("utf-8").replace("Kue Bingka Kentang Khas Banjar", "Kue lapis"), "utf-8"
    )
    (content / "events" / "bazar-depan.yml").unlink()
    after = write_prints(build_index(load_with_photos(content), GOLDEN_DAY), out)
    assert after.made == [
        "katalog.pdf",
        "katalog-booklet.pdf",
        "acara/bazar-uji/katalog.pdf",
        "acara/bazar-uji/katalog-booklet.pdf",
    ]  # the stall cards show no products: unchanged
    assert after.removed == 3 and not (out / "acara" / "bazar-depan").exists()
    assert "Kue lapis" in " ".join(pages_text(out / "katalog.pdf"))
    assert (out / "catatan.pdf").read_bytes() == b"tulisan tangan"

    # A PDF deleted by hand is made again, once.
    (out / "acara" / "bazar-uji" / "kartu-lapak.pdf").unlink()
    index = build_index(load_with_photos(content), GOLDEN_DAY)
    assert write_prints(index, out).made == ["acara/bazar-uji/kartu-lapak.pdf"]
    assert write_prints(index, out).made == []


def test_pdfs_made_from_the_same_are_not_rendered_to_find_out(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering every PDF's HTML to fingerprint it took a second per build: a build made
    from what the last one was made from takes the fingerprints from the manifest. Any
    change still remakes exactly the PDFs that show it."""
    from generator.output.prints import write_prints
    from generator.printed import render as print_render

    def index(day=GOLDEN_DAY):
        return build_index(load_with_photos(content), day)

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new), "utf-8")

    out = tmp_path / "out"
    assert len(write_prints(index(), out).made) == 8
    with monkeypatch.context() as patched:
        for name in ("catalogue_document", "event_document", "cards_document"):
            patched.setattr(print_render, name, lambda *_: pytest.fail("rendered again"))
        again = write_prints(index(), out)
    assert (again.made, again.unchanged) == ([], 8)

    # A price: the whole catalogue and that of the bazaar where the vendor has a stall.
    edit(content / "vendors" / "amplang-uji.yml", "price: 35000", "price: 36000")
    assert write_prints(index(), out).made == [
        "katalog.pdf",
        "katalog-booklet.pdf",
        "acara/bazar-uji/katalog.pdf",
        "acara/bazar-uji/katalog-booklet.pdf",
    ]
    assert "Rp36.000" in " ".join(pages_text(out / "katalog.pdf"))
    # Another bazaar's place: that bazaar's catalogue only (its stall cards do not show it).
    edit(content / "events" / "bazar-depan.yml", "Lapangan RW 1", "Lapangan RW 2")
    assert write_prints(index(), out).made == [
        "acara/bazar-depan/katalog.pdf",
        "acara/bazar-depan/katalog-booklet.pdf",
    ]
    # The day: the whole catalogue's cover says when it was printed; the others do not.
    later = index(GOLDEN_DAY + datetime.timedelta(days=1))
    assert write_prints(later, out).made == ["katalog.pdf", "katalog-booklet.pdf"]
    assert write_prints(later, out).made == []


def test_pdfs_after_an_edit_are_those_a_build_from_scratch_makes(
    content: Path, tmp_path: Path
) -> None:
    """The eve of a bazaar: a price changes, the build remakes what shows it, and what it
    publishes is byte for byte what a build from nothing would publish. Of the parts the
    PDFs are bound from, only the two that show that vendor's card are laid out again."""
    from generator.output.prints import PARTS, write_prints

    def pdfs(out: Path) -> dict[str, bytes]:  # what is published: not the kept parts
        found = (p.relative_to(out) for p in out.rglob("*.pdf"))
        return {p.as_posix(): (out / p).read_bytes() for p in found if p.parts[0] != PARTS}

    def parts(out: Path) -> set[str]:
        return {p.name for p in (out / PARTS).glob("*.pdf")}

    edited = tmp_path / "edited"
    write_prints(build_index(load_with_photos(content), GOLDEN_DAY), edited)
    before = parts(edited)
    vendor = content / "vendors" / "amplang-uji.yml"
    vendor.write_text(vendor.read_text("utf-8").replace("price: 35000", "price: 36000"), "utf-8")
    index = build_index(load_with_photos(content), GOLDEN_DAY)
    assert len(write_prints(index, edited).made) == 4
    # Its category's cards in the catalogue, the stalls in the bazaar's; the parts they
    # replace are gone, the others kept.
    assert len(parts(edited) - before) == 2 and len(before - parts(edited)) == 2
    fresh = tmp_path / "fresh"
    write_prints(index, fresh)
    assert pdfs(edited) == pdfs(fresh) and len(pdfs(fresh)) == 8
    assert "Rp36.000" in " ".join(pages_text(edited / "katalog.pdf"))


def test_a_damaged_kept_part_is_laid_out_again(content: Path, tmp_path: Path) -> None:
    """A kept part cut short (a full disk, a file copied half) is laid out again rather
    than bound, or every later build would fail on it."""
    from generator.output.prints import CATALOGUE, PARTS, write_prints

    index = build_index(load_with_photos(content), GOLDEN_DAY)
    out, fresh = tmp_path / "cetak", tmp_path / "fresh"
    write_prints(index, out)
    for part in (out / PARTS).glob("*.pdf"):
        part.write_bytes(part.read_bytes()[:200])
    (out / CATALOGUE).unlink()  # made again, from its parts
    assert CATALOGUE in write_prints(index, out).made
    write_prints(index, fresh)
    assert (out / CATALOGUE).read_bytes() == (fresh / CATALOGUE).read_bytes()


def test_site_links_the_pdfs_with_print_instructions(sample_site: Path) -> None:
    assert (sample_site / "katalog.pdf").read_bytes().startswith(b"%PDF-")
    home = (sample_site / "index.html").read_text("utf-8")
    assert 'href="katalog.pdf"' in home
    guide = (sample_site / "cetak" / "index.html").read_text("utf-8")
    assert "balik pada sisi pendek" in guide and "lipat" in guide and "Jepret" in guide
    for event in (sample_site / "acara").iterdir():
        if not (event / "index.html").is_file() or event.name == "index.html":
            continue
        page = (event / "index.html").read_text("utf-8")
        for name in ("katalog.pdf", "katalog-booklet.pdf", "kartu-lapak.pdf"):
            assert f'href="{name}"' in page, event.name
            assert (event / name).read_bytes().startswith(b"%PDF-")


def pdf_fonts(path: Path) -> set[str]:
    """The fonts a PDF embeds, without the subset prefix (`ABCDEF+`)."""
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return {line.split()[0].split("+")[-1] for line in listing.stdout.splitlines()[2:]}


def test_emoji_print_in_black_and_symbols_no_font_has_are_left_out(
    content: Path, tmp_path: Path
) -> None:
    """Noto has no colour emoji for a black-and-white printer: emoji print from the shipped
    monochrome Noto Emoji; one it lacks (newer than the font) is left out, not a box."""
    vendor = content / "vendors" / "kebun-uji.yml"
    data = yaml.safe_load(vendor.read_text("utf-8"))
    name = data["name"]
    assert "🌶" in name  # the fixture's vendor writes emoji, as real ones do
    data["name"] = name + " 🫩"  # U+1FAE9 (Unicode 16): in no shipped font
    vendor.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "cetak"
    result = CliRunner().invoke(main, ["print", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(pages_text(out / "katalog.pdf"))
    assert f"{name} " in text or text.count(name) >= 2
    assert data["products"][0]["name"] in text and data["products"][0]["description"] in text
    assert "🫩" not in text
    fonts = pdf_fonts(out / "katalog.pdf")
    assert {"NotoSans-Regular", "NotoEmoji-Regular"} <= fonts
    assert all(f.startswith(("NotoSans-", "NotoEmoji-")) for f in fonts), fonts


def link_targets(reader: PdfReader, number: int) -> list[int]:
    """The pages (1-based) the links on page `number` lead to, from the top down, a line
    once (a line's link may come in pieces, one per run of text)."""
    page = reader.pages[number - 1]
    named = reader.named_destinations
    found = []
    for annot in page.get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        target = annot.get("/Dest") or annot["/A"]["/D"]
        if isinstance(target, str):
            target = named[target]
            page_number = reader.get_destination_page_number(target)
        else:
            page_number = reader.get_page_number(target[0].get_object())
        found.append((-round(float(annot["/Rect"][1])), page_number))
    return [n + 1 for _, n in sorted(set(found))]


def test_contents_and_index_entries_are_links_to_their_pages(printed: Path) -> None:
    """On screen, a contents line or an index entry is tapped to go to its page: each
    leads to the very page it prints."""
    path = printed / "katalog.pdf"
    reader = PdfReader(path)
    lines = reader.pages[1].extract_text().splitlines()
    printed_numbers = [
        int(m[1]) for m in map(re.compile(r".+?\.{3,}\s*(\d+)").fullmatch, lines) if m
    ]
    assert link_targets(reader, 2) == printed_numbers
    back = reader.pages[-1].extract_text().splitlines()
    entries = [int(m[1]) for m in map(re.compile(r".+ — .+, hlm\. (\d+)").fullmatch, back) if m]
    assert entries and link_targets(reader, len(reader.pages)) == entries


def test_a_tap_on_a_printed_page_number_goes_to_that_page(printed: Path) -> None:
    """On a phone, a reader taps the middle of a line's page number (contents, stall list,
    programme, index): exactly one link is there, and it opens that very page."""
    tapped = 0
    for name, pages in (("katalog", [2, 5, 6]), ("acara/bazar-uji/katalog", [2, 5])):
        path = printed / f"{name}.pdf"
        reader = PdfReader(path)
        for number in pages:
            page = reader.pages[number - 1]
            height = float(page.mediabox.height)
            for word, (left, top, right, bottom) in page_numbers(path, number):
                x, y = (left + right) / 2, height - (top + bottom) / 2  # PDF: from the bottom
                hits = [to for rect, to in links(reader, number) if _inside(rect, x, y)]
                assert hits == [int(word)], (name, number, word)
                tapped += 1
    assert tapped >= 15


def _inside(rect: list[float], x: float, y: float) -> bool:
    left, bottom, right, top = rect
    return left <= x <= right and bottom <= y <= top


def links(reader: PdfReader, number: int) -> list[tuple[list[float], int]]:
    """Each link on a page: its box (PDF points) and the page (1-based) it opens."""
    found = []
    for annot in reader.pages[number - 1].get("/Annots", []):
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link":
            target = annot.get("/Dest") or annot["/A"]["/D"]
            opens = reader.get_page_number(target[0].get_object()) + 1
            found.append(([float(v) for v in annot["/Rect"]], opens))
    return found


def page_numbers(path: Path, number: int) -> list[tuple[str, tuple[float, ...]]]:
    """The page numbers a page prints after dotted leaders or "hlm.", with their boxes
    (points from the top left), as poppler finds the words."""
    html = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-bbox-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = []
    for line in re.findall(r"<line [^>]*>(.*?)</line>", html, re.S):
        words = re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line
        )
        if len(words) >= 2 and words[-1][4].isdigit() and words[-2][4].endswith(("...", "hlm.")):
            found.append((words[-1][4], tuple(float(v) for v in words[-1][:4])))
    return found
