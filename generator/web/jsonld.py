"""schema.org JSON-LD for vendor and event pages, so search engines and chat apps read
a vendor's prices and a bazaar's date and place.

Pure: model in, a JSON string out. The string goes into the page's front matter and the
theme override (`generator/output/overrides/main.html`) prints it inside
`<script type="application/ld+json">` as it is: `script_json` makes that safe.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from generator.content.formats import PAYMENT_NAMES, wita
from generator.content.model import Catalogue, Event, Vendor
from generator.content.values import parse_open_hours

SCHEMA = "https://schema.org"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OG_IMAGE = "assets/og-image.png"  # the site's default preview picture (generator/static)

# Inside <script> the HTML parser ends the element at `</script` whatever JSON thinks:
# `<`, `>` and `&` become JSON escapes, which mean the same characters to a JSON reader.
# U+2028/U+2029 are escaped too, for readers that treat JSON as JavaScript.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(data: Any) -> str:
    """JSON that can stand inside an HTML <script> element unchanged."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _address(catalogue: Catalogue, street: str) -> dict[str, Any]:
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "addressLocality": catalogue.city,
        "addressCountry": "ID",
    }


def _geo(where: tuple[float, float] | None) -> dict[str, Any] | None:
    if where is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": where[0], "longitude": where[1]}


def vendor(
    catalogue: Catalogue,
    slug: str,
    v: Vendor,
    category_names: dict[str, str],
    image: str = "",
) -> str:
    """`image`: the vendor's own photo (a site path), else the site's picture."""
    place = [v.address or ""]
    if v.rt:
        place.append(f"RT {v.rt:02d}" + (f"/RW {v.rw:02d}" if v.rw else ""))
    place += [f"Kel. {catalogue.kelurahan}", f"Kec. {catalogue.kecamatan}"]
    page = catalogue.url(f"usaha/{slug}/")
    offers = [
        _drop_empty(
            {
                "@type": "Offer",
                "price": p.price,
                "priceCurrency": "IDR",
                "availability": f"{SCHEMA}/{'InStock' if p.available else 'OutOfStock'}",
                "url": page,
                "itemOffered": _drop_empty(
                    {
                        "@type": "Product",
                        "name": p.name,
                        "description": p.description,
                        "category": category_names[p.category or v.category],
                    }
                ),
            }
        )
        for p in v.products
    ]
    data = {
        "@context": SCHEMA,
        "@type": "LocalBusiness",
        "@id": f"{page}#usaha" if page else None,
        "name": v.name,
        "description": v.description,
        "url": page,
        "image": catalogue.url(image or OG_IMAGE),
        "address": _address(catalogue, ", ".join(p for p in place if p)),
        "geo": _geo(v.lokasi),
        "telephone": f"+{v.whatsapp}" if v.whatsapp else None,
        "founder": {"@type": "Person", "name": v.owner} if v.owner else None,
        "paymentAccepted": ", ".join(PAYMENT_NAMES[p.value] for p in v.payment),
        "openingHoursSpecification": _hours(v.open_hours),
        "sameAs": [
            u
            for u in (
                f"https://www.instagram.com/{v.instagram}/" if v.instagram else None,
                v.website,
            )
            if u
        ],
        "keywords": ", ".join(v.tags),
        "makesOffer": offers,
    }
    return script_json(_drop_empty(data))


def _hours(text: str | None) -> list[dict[str, Any]]:
    ranges = parse_open_hours(text) if text else None
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [DAY_NAMES[d - 1] for d in days],
            "opens": start,
            "closes": end,
        }
        for days, start, end in ranges or []
    ]


def _when(day: datetime.date, hhmm: str | None) -> str:
    """ISO 8601 in Balikpapan's time zone; a date alone when no time is given."""
    return wita(day, hhmm).isoformat() if hhmm else day.isoformat()  # …T08:00:00+08:00


def event(catalogue: Catalogue, slug: str, e: Event) -> str:
    organizer = e.organizer or catalogue.title
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": e.name,
        "description": e.description,
        "url": catalogue.url(f"acara/{slug}/"),
        "image": catalogue.url(OG_IMAGE),
        "startDate": _when(e.date, e.start),
        "endDate": _when(e.date, e.end) if e.end else (None if e.start else e.date.isoformat()),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "location": _drop_empty(
            {
                "@type": "Place",
                "name": e.location,
                "address": _address(
                    catalogue,
                    f"{e.location}, Kel. {catalogue.kelurahan}, Kec. {catalogue.kecamatan}",
                ),
                "geo": _geo(e.lokasi),
            }
        ),
        "organizer": _drop_empty(
            {"@type": "Organization", "name": organizer, "url": catalogue.url("")}
        ),
    }
    return script_json(_drop_empty(data))
