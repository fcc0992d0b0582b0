"""The content format as typed models: one class per kind of file.

These names are public (volunteers and other tools depend on them): change
them only together with the README and the "Format data" page.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from generator import fields
from generator.messages import Msg, t


def invalid(message: Msg, hint: Msg) -> PydanticCustomError:
    """A located problem with our own message and hint (see `validate`)."""
    return PydanticCustomError("content", "{message}", {"message": message, "hint": hint})


def _parsed(parser: Any) -> Any:
    def run(value: Any) -> Any:
        try:
            return parser(value)
        except fields.FieldError as err:
            raise invalid(err.message, err.hint) from None

    return BeforeValidator(run)


def _check_slug(value: str) -> str:
    why = fields.slug_problem(value)
    if why:
        suggestion = fields.suggest_slug(value, "sayuran")
        raise invalid(
            t("slug.invalid", value=value, why=why), t("slug.example", suggestion=suggestion)
        )
    return value


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _bool(value: Any) -> Any:
    # Volunteers write Indonesian; YAML itself already reads true/false/yes/no.
    if isinstance(value, str) and value.strip().lower() in ("ya", "tidak"):
        return value.strip().lower() == "ya"
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_check_slug),
]
# Permit numbers are codes, not amounts: accept them unquoted too.
Code = Annotated[
    str,
    BeforeValidator(lambda v: str(v) if type(v) is int else v),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
]
Price = Annotated[int, _parsed(fields.parse_price)]
Phone = Annotated[str, _parsed(fields.parse_phone)]
Time = Annotated[str, _parsed(fields.parse_time)]
Instagram = Annotated[str, _parsed(fields.parse_instagram)]
Website = Annotated[str, _parsed(fields.parse_website)]


def _not_bool(value: Any) -> Any:
    # pydantic would read `rt: yes` as 1
    if isinstance(value, bool):
        raise invalid(t("number.bool", value=str(value).lower()), t("number.bool.hint"))
    return value


RT_RANGE = (1, 99)
MONTH_RANGE = (1, 12)
Month = Annotated[int, BeforeValidator(_not_bool), Field(ge=MONTH_RANGE[0], le=MONTH_RANGE[1])]
Number = Annotated[int, BeforeValidator(_not_bool), Field(ge=RT_RANGE[0], le=RT_RANGE[1])]
Bool = Annotated[bool, BeforeValidator(_bool)]


class Payment(StrEnum):
    tunai = "tunai"
    qris = "qris"
    transfer = "transfer"


class Strict(BaseModel):
    # Unknown keys are errors: a typo like `prise` must never be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Named(Strict):
    id: Id
    name: Text
    description: LongText | None = None


class Category(Named):
    """One of the only categories vendors and products may use."""


class Programme(Named):
    """A residents' programme such as Kampung Bungas."""


class Catalogue(Strict):
    """`content/catalogue.yml`: the catalogue's own settings."""

    title: Text
    kelurahan: Text
    kecamatan: Text
    city: Text
    site_url: Website | None = None
    description: LongText | None = None
    contact_whatsapp: Phone | None = None
    categories: Annotated[list[Category], Field(min_length=1)]
    programmes: list[Programme] = []


class Product(Strict):
    name: Text
    price: Price
    unit: Text | None = None
    description: LongText | None = None
    photo: Text | None = None
    available: Bool = True
    season: list[Month] = []
    category: Id | None = None

    @field_validator("season")
    @classmethod
    def _months_sorted(cls, months: list[int]) -> list[int]:
        return sorted(set(months))


class Vendor(Strict):
    """`content/vendors/<slug>.yml`: one business or one Kampung Bungas grower."""

    name: Text
    category: Id
    products: Annotated[list[Product], Field(min_length=1)]
    owner: Text | None = None
    description: LongText | None = None
    rt: Number | None = None
    rw: Number | None = None
    address: Text | None = None
    whatsapp: Phone | None = None
    instagram: Instagram | None = None
    website: Website | None = None
    photo: Text | None = None
    programme: Id | None = None
    halal: Code | None = None
    pirt: Code | None = None
    nib: Code | None = None
    open_hours: Text | None = None
    delivery: Bool | None = None
    payment: list[Annotated[Payment, BeforeValidator(_lower)]] = []
    tags: list[Text] = []


class Stall(Strict):
    stall: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True,
            min_length=1,
            max_length=10,
            pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$",
        ),
    ]
    vendor: Id


class Event(Strict):
    """`content/events/<slug>.yml`: one bazaar."""

    name: Text
    date: datetime.date
    location: Text
    stalls: Annotated[list[Stall], Field(min_length=1)]
    start: Time | None = None
    end: Time | None = None
    description: LongText | None = None
    organizer: Text | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _plain_date(cls, value: Any) -> Any:
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # quoted: "2025-06-14"
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise invalid(t("date.real", value=text), t("date.real.hint")) from None
        example = "2025-06-14"
        day_first = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if day_first:
            example = f"{day_first[3]}-{int(day_first[2]):02d}-{int(day_first[1]):02d}"
        raise invalid(t("date.format", value=value), t("date.format.hint", example=example))

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("start")
        if end and start and end <= start:
            raise invalid(
                t("event.end_before_start", end=end, start=start), t("event.end_before_start.hint")
            )
        return end
