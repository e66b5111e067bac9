"""The records Konflikt produces: documents, actors, locations and PLOVER events (pydantic models).

Every event carries its evidence: the sentence it was coded from (`event_text`), the character
offsets of its trigger in the original document (`span`) and of the sentence (`sentence_span`),
plus negation, modality, the quoted speaker and a confidence. Field names follow PLOVER/POLECAT.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("future", "hypothetical", "historical", "negation", "intent", "reported")


class Actor(BaseModel):
    """One participant of an event, as written and as resolved."""

    model_config = ConfigDict(extra="forbid")

    raw_text: str = Field(description="The words of the mention in the sentence.")
    name: str = Field(description="Canonical English name (English Wikipedia title), or the surface form.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code.")
    sector: str | None = Field(default=None, description="PLOVER/CAMEO sector code: GOV, MIL, REB, LEG, ...")
    code: str | None = Field(default=None, description="CAMEO-style code: country + sector, e.g. TURGOV.")
    entity_id: str | None = Field(default=None, description="Knowledge-base id, when resolved.")
    span: tuple[int, int] | None = Field(default=None, description="Char offsets of the mention in the document.")
    resolution: str | None = Field(default=None, description="How the mention was resolved (kb, sector, coref, ...).")


class Location(BaseModel):
    """Where an event happened (filled by konflikt.places)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Canonical (English) name of the place: Tripoli, Libya, Mediterranean Sea.")
    raw_text: str | None = Field(default=None, description="The words of the mention in the sentence.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code of the country it lies in.")
    admin1: str | None = Field(default=None, description="GeoNames first-level division code, e.g. LY.77.")
    lat: float | None = Field(default=None, description="Latitude (WGS84); a country's centroid for a country.")
    lon: float | None = Field(default=None, description="Longitude (WGS84).")
    geonames_id: int | None = Field(default=None, description="GeoNames id, when the place is a GeoNames feature.")
    method: str | None = Field(default=None, description=(
        "How it was chosen: preposition, argument, sentence-country or document (see docs/dates-places.md)."))


class Event(BaseModel):
    """One coded PLOVER event with its evidence."""

    model_config = ConfigDict(extra="forbid")

    id: str
    doc_id: str
    sentence_index: int
    event_text: str = Field(description="The sentence the event was coded from.")
    sentence_span: tuple[int, int] = Field(description="Char offsets of the sentence in the document.")
    span: tuple[int, int] = Field(description="Char offsets of the trigger in the document.")
    trigger: str = Field(description="The trigger words as written.")
    event: str = Field(description="PLOVER 2.0 event type.")
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad_code: int = Field(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")
    intensity: float = Field(description="Goldstein-like intensity, -10 (conflict) .. +10 (cooperation).")
    actor: list[Actor] = Field(default_factory=list)
    recipient: list[Actor] = Field(default_factory=list)
    negated: bool = False
    modality: list[str] = Field(default_factory=list)
    source_speaker: Actor | None = None
    date: str | None = Field(default=None, description=(
        "Event date, ISO 8601 truncated to its precision: 2019-12-10 (day), 2019-W51 (ISO week), 2019-04 (month), "
        "2011 (year), 2019-12-17/2019-12-27 (range); the publication date when the sentence gives none."))
    date_precision: str | None = Field(default=None, description="day, week, month, year, range or publication.")
    date_text: str | None = Field(default=None, description="The words the date came from ('förra veckan').")
    date_range: tuple[str, str] | None = Field(default=None, description=(
        "First and last day (ISO dates) the date covers: a week's Monday..Sunday, a month's first..last day; "
        "null for the publication date."))
    location: Location | None = Field(default=None, description="Where the event happened (see Location).")
    language: str
    confidence: float = Field(ge=0.0, le=1.0)
    warnings: list[str] = Field(default_factory=list)


class Document(BaseModel):
    """One input document after ingest: its text and metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    source: str = Field(description="Where it came from: a path, '-', or a URL.")
    date: str | None = Field(default=None, description="Publication date, ISO 8601.")
    language: str | None = None
    title: str | None = None
    url: str | None = None
    warnings: list[str] = Field(default_factory=list)


def event_json_schema() -> dict:
    """The JSON schema of an event record (for validators and documentation)."""
    return Event.model_json_schema()
