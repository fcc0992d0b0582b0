"""The HTML of photos on a page: `<img>` with srcset, sizes, width and height.

Pure, like `render`: published photos in, trusted `Markup` out. Every text from YAML
(names for `alt`) is escaped for HTML attributes here; file names are our own hashes.
Raw HTML blocks pass through Markdown untouched, so the URLs are final: relative to
where the page is served (`usaha/x.md` is served at `usaha/x/`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.content.model import Vendor
from generator.photos.publish import Published

# Category ids with an icon of their own under generator/static/kategori/; any other
# category (another kelurahan may define its own) gets `umum.svg`.
ICONS = frozenset({"makanan", "minuman", "kerajinan", "fesyen", "jasa", "buah", "bunga", "sayuran"})
ICON = 96  # CSS pixels of the placeholder icon
CARD = 56  # CSS pixels of a list card's square picture (`publish.MINI` is twice that)

# The large photo spans the content column: the whole phone screen less its margins,
# at most Material's ~38rem column on a wider screen.
LARGE_SIZES = "(min-width: 45em) 38rem, calc(100vw - 2rem)"


def served_at(page: str) -> str:
    """The folder a page's URL ends in: `usaha/x.md` -> `usaha/x`, `usaha/index.md` -> `usaha`."""
    folder, name = posixpath.split(page)
    return folder if name == "index.md" else page.removesuffix(".md")


@dataclass(frozen=True)
class Pictures:
    """The photos one page shows of one vendor."""

    page: str
    slug: str
    vendor: Vendor
    photos: dict[tuple[str, str], Published]

    def _url(self, target: str) -> str:
        return posixpath.relpath(target, served_at(self.page) or ".")

    def _published(self, value: str | None) -> Published | None:
        return self.photos.get((self.slug, value)) if value else None

    def hero(self) -> Markup:
        """The vendor's photo at the top of its page (the first product photo if the vendor
        has none), or the category's icon. Above the fold: not lazy, fetched first."""
        photo = self.main()
        if photo is None:
            return self.placeholder()
        width, height = photo.large
        large, thumb = self._url(photo.large_path), self._url(photo.thumb_path)
        # Width descriptors are the files' real widths: a small source is never enlarged.
        # A browser without srcset gets the light one.
        srcset = (
            f' srcset="{thumb} {photo.thumb[0]}w, {large} {width}w" sizes="{LARGE_SIZES}"'
            if width > photo.thumb[0]
            else ""
        )
        return Markup(
            '<figure class="foto-usaha">'
            f'<a href="{large}"><img src="{thumb}"{srcset} width="{width}" height="{height}"'
            f' alt="{escape(self.vendor.name)}" decoding="async" fetchpriority="high"></a>'
            "</figure>"
        )

    def _icon(self) -> str:
        category = self.vendor.category
        return self._url(f"assets/kategori/{category if category in ICONS else 'umum'}.svg")

    def placeholder(self) -> Markup:
        return Markup(
            f'<p class="foto-kosong"><img src="{self._icon()}" width="{ICON}"'
            f' height="{ICON}" alt=""></p>'
        )

    def card(self) -> Markup:
        """A list card's square: the main photo's middle, or the category's icon. Its size
        is given (nothing moves when it arrives) and it loads only as the list is scrolled
        to it. No alt text: the vendor's name is the card's link, right beside it."""
        photo = self.main()
        src = self._url(photo.mini_path) if photo else self._icon()
        return Markup(
            f'<img class="kartu-foto" src="{src}" width="{CARD}" height="{CARD}" alt=""'
            ' loading="lazy" decoding="async">'
        )

    def gallery(self) -> Markup:
        """Product photos as thumbnails; a tap opens the large one (plain links: no script)."""
        items = []
        for product in self.vendor.products:
            photo = self._published(product.photo)
            if photo is None:
                continue
            width, height = photo.thumb
            name = escape(product.name)
            items.append(
                f'<a href="{self._url(photo.large_path)}">'
                f'<img src="{self._url(photo.thumb_path)}" width="{width}" height="{height}"'
                f' alt="{name}" loading="lazy" decoding="async"><span>{name}</span></a>'
            )
        if not items:
            return Markup("")
        return Markup('<div class="galeri">\n' + "\n".join(items) + "\n</div>")

    def main(self) -> Published | None:
        """The vendor's own photo, else its first product's."""
        candidates = [self.vendor.photo] + [p.photo for p in self.vendor.products]
        return next((p for p in map(self._published, candidates) if p), None)
