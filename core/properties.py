"""The one model of a piece's design properties.

It is the single source for the property form, the tool's function-declaration
schema and API validation: add a field here and all three follow.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class JewelryType(StrEnum):
    RING = "ring"
    NECKLACE = "necklace"
    PENDANT = "pendant"
    EARRINGS = "earrings"
    BRACELET = "bracelet"


class Metal(StrEnum):
    YELLOW_GOLD = "yellow gold"
    WHITE_GOLD = "white gold"
    ROSE_GOLD = "rose gold"
    PLATINUM = "platinum"
    SILVER = "silver"


class Gemstone(StrEnum):
    DIAMOND = "diamond"
    RUBY = "ruby"
    SAPPHIRE = "sapphire"
    EMERALD = "emerald"
    PEARL = "pearl"
    AMETHYST = "amethyst"
    TOPAZ = "topaz"
    NONE = "none"


class GemShape(StrEnum):
    ROUND = "round"
    OVAL = "oval"
    PRINCESS = "princess"
    CUSHION = "cushion"
    EMERALD = "emerald"
    PEAR = "pear"
    MARQUISE = "marquise"
    HEART = "heart"


class Setting(StrEnum):
    PRONG = "prong"
    BEZEL = "bezel"
    HALO = "halo"
    PAVE = "pavé"
    CHANNEL = "channel"


class Style(StrEnum):
    CLASSIC = "classic"
    VINTAGE = "vintage"
    MODERN = "modern"
    MINIMALIST = "minimalist"
    FLORAL = "floral"
    ART_DECO = "art deco"


class Finish(StrEnum):
    POLISHED = "polished"
    MATTE = "matte"
    BRUSHED = "brushed"
    HAMMERED = "hammered"
    MILGRAIN = "milgrain"


class ImageType(StrEnum):
    TWO_D = "2d"
    THREE_D = "3d"


GOLD_KARATS = (10, 14, 18, 22, 24)
MAX_COUNT = 4


class DesignProperties(BaseModel):
    """Everything that defines one piece of jewelry."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    jewelry_type: JewelryType = Field(JewelryType.RING, description="Kind of piece.")
    metal: Metal = Field(Metal.YELLOW_GOLD, description="Metal of the piece.")
    karat: int | None = Field(
        18, description="Gold purity in karat (10, 14, 18, 22 or 24); null for platinum/silver."
    )
    gemstone: Gemstone = Field(Gemstone.DIAMOND, description="Main stone, or 'none'.")
    gem_shape: GemShape = Field(GemShape.ROUND, description="Cut of the main stone.")
    carat: float = Field(0.5, ge=0.05, le=10.0, description="Weight of the main stone in carat.")
    ring_size: float = Field(7.0, ge=3.0, le=15.0, description="US ring size (rings only).")
    band_width_mm: float = Field(2.5, ge=1.0, le=12.0, description="Band or chain width in mm.")
    setting: Setting = Field(Setting.PRONG, description="How the main stone is held.")
    style: Style = Field(Style.CLASSIC, description="Overall design style.")
    finish: Finish = Field(Finish.POLISHED, description="Surface finish of the metal.")
    engraving: str = Field("", max_length=40, description="Text engraved inside, up to 40 chars.")
    notes: str = Field("", max_length=500, description="Free-form design notes.")

    @field_validator("karat")
    @classmethod
    def _karat_is_standard(cls, value: int | None) -> int | None:
        if value is not None and value not in GOLD_KARATS:
            raise ValueError(f"karat must be one of {', '.join(map(str, GOLD_KARATS))} or empty")
        return value

    def normalized(self) -> DesignProperties:
        """Return a copy whose karat agrees with the metal (none for platinum and silver)."""
        is_gold = "gold" in self.metal.value
        if is_gold and self.karat is None:
            return self.model_copy(update={"karat": 18})
        if not is_gold and self.karat is not None:
            return self.model_copy(update={"karat": None})
        return self

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict with enum values as strings."""
        return self.model_dump(mode="json")

    def summary(self) -> str:
        """One line a designer reads: '18K rose gold ring, 1 ct oval diamond, halo'."""
        metal = f"{self.karat}K {self.metal}" if self.karat else str(self.metal)
        stone = (
            "no stone"
            if self.gemstone is Gemstone.NONE
            else f"{self.carat:g} ct {self.gem_shape} {self.gemstone}, {self.setting} setting"
        )
        return f"{self.style} {metal} {self.jewelry_type}, {stone}, {self.finish} finish"


class PropertiesError(ValueError):
    """Invalid design properties, with a message that names each bad field."""

    def __init__(self, message: str, problems: str = "") -> None:
        super().__init__(message)
        self.problems = problems or message  # what is wrong, without the leading sentence


def field_choices(name: str) -> list[str] | None:
    """Allowed values of an enum field, or None for free fields."""
    annotation = DesignProperties.model_fields[name].annotation
    if isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return [member.value for member in annotation]
    return None


def field_limits(name: str) -> tuple[float | None, float | None]:
    """The (ge, le) bounds of a numeric field, None where it has no bound."""
    metadata = DesignProperties.model_fields[name].metadata
    low = next((m.ge for m in metadata if getattr(m, "ge", None) is not None), None)
    high = next((m.le for m in metadata if getattr(m, "le", None) is not None), None)
    return low, high


def _describe_error(error: dict[str, Any]) -> str:
    field = ".".join(str(part) for part in error["loc"]) or "properties"
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(DesignProperties.model_fields)
        return f"unknown property '{field}' (allowed: {allowed})"
    choices = field_choices(field) if field in DesignProperties.model_fields else None
    if kind == "enum" and choices:
        return f"{field}: {error['input']!r} is not allowed (choose one of: {', '.join(choices)})"
    ctx = error.get("ctx") or {}
    if kind in {"greater_than_equal", "less_than_equal"}:
        low, high = field_limits(field)
        return f"{field}: {error['input']!r} is out of range ({low:g} to {high:g})"
    message = str(ctx.get("error", error["msg"]))
    return f"{field}: {message}"


def parse_properties(raw: dict[str, Any] | DesignProperties | None) -> DesignProperties:
    """Validate a properties dict, raising PropertiesError that names every bad field."""
    if isinstance(raw, DesignProperties):
        return raw.normalized()
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PropertiesError(f"properties must be an object, not {type(raw).__name__}")
    try:
        return DesignProperties.model_validate(raw).normalized()
    except ValidationError as exc:
        problems = "; ".join(_describe_error(e) for e in exc.errors())
        raise PropertiesError(f"Invalid design properties: {problems}", problems) from None


def merge_properties(base: DesignProperties, changes: dict[str, Any]) -> DesignProperties:
    """Apply partial changes to established properties, validating the result."""
    return parse_properties({**base.to_dict(), **changes})


def properties_json_schema() -> dict[str, Any]:
    """A flat JSON schema of the properties (enums inlined) for tool declarations."""
    properties: dict[str, Any] = {}
    for name, info in DesignProperties.model_fields.items():
        entry: dict[str, Any] = {"description": info.description or name}
        choices = field_choices(name)
        if choices:
            entry.update(type="string", enum=choices)
        elif name == "karat":
            entry.update(type="integer", enum=list(GOLD_KARATS))
        elif info.annotation is float:
            entry["type"] = "number"
            low, high = field_limits(name)
            if low is not None:
                entry["minimum"] = low
            if high is not None:
                entry["maximum"] = high
        else:
            entry["type"] = "string"
            for meta in info.metadata:
                if getattr(meta, "max_length", None) is not None:
                    entry["maxLength"] = meta.max_length
        properties[name] = entry
    return {"type": "object", "properties": properties, "additionalProperties": False}
