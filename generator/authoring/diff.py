"""What a pull request changes in the catalogue, as a short Markdown summary for reviewers.

Pure: two validated catalogues in, Markdown out. `cli.diff` loads the old one from git.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.content.formats import rupiah
from generator.content.load import Content
from generator.content.model import Event, Product, Vendor
from generator.content.values import numbered
from generator.messages import Count, Msg, Whole, t

# Listed one by one up to this many; a pull request that changes more is plainly not content.
MAX_OUTSIDE = 50


def summarise(old: Content | None, new: Content, outside: Sequence[str] = ()) -> str:
    """`outside`: changed paths outside the content folder, listed first, in bold."""
    before_v = old.vendors if old else {}
    before_e = old.events if old else {}
    lines = [f"## {t('diff.title')}", "", *outside_section(outside)]
    sections = [
        (
            t("diff.vendors_added"),
            [_vendor_line(s, new.vendors[s]) for s in sorted(new.vendors.keys() - before_v.keys())],
        ),
        (
            t("diff.vendors_removed"),
            [
                f"{_vendor_line(s, before_v[s])} {t('diff.qr', slug=s)}"
                for s in sorted(before_v.keys() - new.vendors.keys())
            ],
        ),
        (
            t("diff.vendors_changed"),
            [
                line
                for s in sorted(new.vendors.keys() & before_v.keys())
                for line in _vendor_changes(s, before_v[s], new.vendors[s])
            ],
        ),
        (
            t("diff.events_added"),
            [_event_line(s, new.events[s]) for s in sorted(new.events.keys() - before_e.keys())],
        ),
        (
            t("diff.events_removed"),
            [_event_line(s, before_e[s]) for s in sorted(before_e.keys() - new.events.keys())],
        ),
        (
            t("diff.events_changed"),
            [
                line
                for s in sorted(new.events.keys() & before_e.keys())
                for line in _event_changes(s, before_e[s], new.events[s])
            ],
        ),
    ]
    if old and old.catalogue != new.catalogue:
        sections.append(
            (
                t("diff.catalogue_changed"),
                [f"- {t('diff.fields', fields=_changed_fields(old.catalogue, new.catalogue))}"],
            )
        )
    shown = [(title, items) for title, items in sections if items]
    if not shown:
        return "\n".join(lines + [str(t("diff.nothing")), ""])
    for title, items in shown:
        lines += [f"### {title}", "", *items, ""]
    return "\n".join(lines)


def outside_section(paths: Sequence[str]) -> list[str]:
    """The files a reviewer must read as code, before anything about the catalogue."""
    if not paths:
        return []
    lines = [f"**⚠️ {t('diff.outside', count=Count(len(paths)))}**", ""]
    lines += [f"- **{_code(path)}**" for path in paths[:MAX_OUTSIDE]]
    if len(paths) > MAX_OUTSIDE:
        lines.append(f"- {t('diff.outside_more', count=Count(len(paths) - MAX_OUTSIDE))}")
    return [*lines, ""]


def _code(text: str) -> Whole:
    """Text from content as inline code: the summary is rendered as Markdown and HTML on
    GitHub, so nothing from a pull request may become a link, an image or a tag."""
    return Whole("`" + " ".join(text.replace("`", "ˋ").split()) + "`")


def _vendor_line(slug: str, vendor: Vendor) -> str:
    return "- " + str(
        t(
            "diff.vendor",
            name=_code(vendor.name),
            slug=slug,
            category=vendor.category,
            products=len(vendor.products),
        )
    )


def _event_line(slug: str, event: Event) -> str:
    return "- " + str(
        t(
            "diff.event",
            name=_code(event.name),
            slug=slug,
            date=event.date.isoformat(),
            stalls=len(event.stalls),
        )
    )


def _changed_fields(old: object, new: object, skip: tuple[str, ...] = ()) -> str:
    names = [
        name
        for name in type(new).model_fields  # type: ignore[attr-defined]
        if name not in skip and getattr(old, name) != getattr(new, name)
    ]
    return ", ".join(f"`{n}`" for n in names)


def _price(product: Product) -> Whole:
    return Whole(str(rupiah(product.price)) + (f" / {_code(product.unit)}" if product.unit else ""))


def _products(vendor: Vendor) -> dict[str, Product]:
    """Products by name; a second product of the same name is told apart as "name (2)"."""
    names = numbered([p.name for p in vendor.products], form=lambda name, n: f"{name} ({n})")
    return dict(zip(names, vendor.products, strict=True))


def _vendor_changes(slug: str, old: Vendor, new: Vendor) -> list[str]:
    if old == new:
        return []
    details = []
    before, after = _products(old), _products(new)
    for name in sorted(after.keys() - before.keys()):
        details.append(t("diff.product_added", name=_code(name), price=_price(after[name])))
    for name in sorted(before.keys() - after.keys()):
        details.append(t("diff.product_removed", name=_code(name)))
    for name in sorted(before.keys() & after.keys()):
        was, now = before[name], after[name]
        if was.price != now.price:
            details.append(
                t("diff.price", name=_code(name), old=rupiah(was.price), new=rupiah(now.price))
            )
        if was.available != now.available:
            details.append(
                t("diff.available" if now.available else "diff.unavailable", name=_code(name))
            )
        rest = _changed_fields(was, now, skip=("price", "available"))
        if rest:
            details.append(t("diff.product_fields", name=_code(name), fields=rest))
    return _entry(slug, old, new, details, "products")


def _event_changes(slug: str, old: Event, new: Event) -> list[str]:
    if old == new:
        return []
    details = []
    before = {s.stall: s.vendor for s in old.stalls}
    after = {s.stall: s.vendor for s in new.stalls}
    for label in sorted(after.keys() - before.keys()):
        details.append(t("diff.stall_added", stall=label, vendor=after[label]))
    for label in sorted(before.keys() - after.keys()):
        details.append(t("diff.stall_removed", stall=label, vendor=before[label]))
    for label in sorted(before.keys() & after.keys()):
        if before[label] != after[label]:
            details.append(
                t("diff.stall_changed", stall=label, old=before[label], new=after[label])
            )
    return _entry(slug, old, new, details, "stalls")


def _entry(
    slug: str, old: Vendor | Event, new: Vendor | Event, details: list[Msg], listed: str
) -> list[str]:
    """A changed vendor or event: its name, then a line per change in `listed` (products,
    stalls), then the names of its other fields that changed."""
    rest = _changed_fields(old, new, skip=(listed,))
    if rest:
        details.append(t("diff.fields", fields=rest))
    return [f"- {_code(new.name)} (`{slug}`)"] + [f"  - {d}" for d in details]
