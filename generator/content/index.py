"""Cross-file indexes the pages need: vendors by category, programme, RT and event."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.content.load import Content
from generator.content.model import Event, Payment, Product, Vendor
from generator.content.values import natural_key


@dataclass(frozen=True)
class Stand:
    """One vendor's stall at one event."""

    event_slug: str
    event: Event
    stall: str


@dataclass(frozen=True)
class Filter:
    """One filter of "Semua usaha": the vendors it keeps, and how the site names it."""

    wanted: Callable[[Vendor], bool]
    title: str
    """The title of its page."""
    label: str
    """Its link in the row of filters on the list pages."""
    mark: str
    """The badge on a list card of a vendor it keeps."""
    description: str
    """Its page's description; `{place}` stands for the kelurahan and city."""


# The filters of "Semua usaha", by the name of their page (`saring/halal.md`): plain
# pages, so they work without JavaScript, are found by search ("halal", "diantar") and
# cost a phone nothing until it opens one.
FILTERS: dict[str, Filter] = {
    "halal": Filter(
        wanted=lambda v: bool(v.halal),
        title="Usaha halal",
        label="Halal",
        mark="Halal",
        description="Usaha bersertifikat halal di {place}",
    ),
    "diantar": Filter(
        wanted=lambda v: bool(v.delivery),
        title="Bisa diantar",
        label="Bisa diantar",
        mark="Diantar",
        description="Usaha yang bisa mengantar pesanan di {place}",
    ),
    "qris": Filter(
        wanted=lambda v: Payment.qris in v.payment,
        title="Bayar dengan QRIS",
        label="QRIS",
        mark="QRIS",
        description="Usaha yang menerima pembayaran QRIS di {place}",
    ),
}


@dataclass
class Index:
    content: Content
    today: datetime.date
    vendor_slugs: list[str] = field(default_factory=list)
    """All vendors, by name (case-insensitive)."""
    by_category: dict[str, list[str]] = field(default_factory=dict)
    guest_products: dict[str, list[tuple[str, Product]]] = field(default_factory=dict)
    """Products whose own `category` differs from their vendor's, by that category."""
    by_programme: dict[str, list[str]] = field(default_factory=dict)
    by_rt: dict[int, list[str]] = field(default_factory=dict)
    by_filter: dict[str, list[str]] = field(default_factory=dict)
    """Vendors that are halal, deliver, or take QRIS, by the name of the filter (`FILTERS`)."""
    stands: dict[str, list[Stand]] = field(default_factory=dict)
    upcoming: list[str] = field(default_factory=list)
    """Events from today on, soonest first."""
    past: list[str] = field(default_factory=list)
    """Events before today, latest first."""
    category_names: dict[str, str] = field(default_factory=dict)
    programme_names: dict[str, str] = field(default_factory=dict)

    def vendor(self, slug: str) -> Vendor:
        return self.content.vendors[slug]

    def event(self, slug: str) -> Event:
        return self.content.events[slug]

    def stalls(self, slug: str) -> list:
        return sorted(self.event(slug).stalls, key=lambda s: natural_key(s.stall))

    def featured_event(self) -> str | None:
        """The next bazaar, or the latest one if none is coming."""
        return (self.upcoming or self.past or [None])[0]


def build_index(content: Content, today: datetime.date) -> Index:
    vendors = content.vendors
    index = Index(content, today)
    index.category_names = {c.id: c.name for c in content.catalogue.categories}
    index.programme_names = {p.id: p.name for p in content.catalogue.programmes}
    index.vendor_slugs = sorted(vendors, key=lambda s: (vendors[s].name.casefold(), s))
    by_category, guests = defaultdict(list), defaultdict(list)
    by_programme, by_rt = defaultdict(list), defaultdict(list)
    for slug in index.vendor_slugs:
        vendor = vendors[slug]
        by_category[vendor.category].append(slug)
        if vendor.programme:
            by_programme[vendor.programme].append(slug)
        if vendor.rt is not None:
            by_rt[vendor.rt].append(slug)
        for product in vendor.products:
            if product.category and product.category != vendor.category:
                guests[product.category].append((slug, product))
    index.by_category, index.guest_products = dict(by_category), dict(guests)
    index.by_programme, index.by_rt = dict(by_programme), dict(sorted(by_rt.items()))
    index.by_filter = {
        name: [s for s in index.vendor_slugs if f.wanted(vendors[s])] for name, f in FILTERS.items()
    }

    events = content.events
    ordered = sorted(events, key=lambda s: (events[s].date, s))
    index.upcoming = [s for s in ordered if events[s].date >= today]
    index.past = [s for s in reversed(ordered) if events[s].date < today]
    stands = defaultdict(list)
    for slug in ordered:
        for stall in events[slug].stalls:
            stands[stall.vendor].append(Stand(slug, events[slug], stall.stall))
    index.stands = dict(stands)
    return index
