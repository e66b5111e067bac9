"""The reference date of a document as it is read: the last date its text gave, for the sentences after it.

News tells a day's events over several sentences and names the day once ("I torsdags attackerade rebellerna
Goma. Armén besköt deras ställningar."). `DateContext` keeps, per document, the last date expression resolved
in a past clause (day, week, month or year; not a range, not a date after the publication date; in a sentence
that is not parsed, only an expression that points back by itself: "i torsdags", "förra veckan", "i går") and
where its sentence ends.
It is the reference of the next sentences of the same paragraph — a line break ends it:
* a sentence without a date expression of its own gives it to its events told in the simple past
  (`tense.narrative_past`; a perfect, pluperfect, present or modal clause keeps the publication date);
* anchor expressions count from it ("samma dag", "dagen därpå", "två dagar senare", "the next day");
* a weekday named definitely ("på onsdagen", "on Wednesday") after a week ("förra veckan", "last week")
  is that day of that week.
One `DateContext` per document, made by the caller (no global state).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from konflikt.dates.resolve import EventDate

__all__ = ["DateContext", "CARRIED"]

CARRIED = frozenset({"day", "week", "month", "year"})
"""Precisions a reference date may have."""


@dataclass
class DateContext:
    """The running reference date of one document (mutable; one per document)."""

    text: str
    """The document's text (offsets below are into it)."""
    ref: EventDate | None = None
    ref_end: int = 0

    def reference(self, at: int) -> EventDate | None:
        """The reference date for a sentence starting at document offset `at`: None after a line break."""
        if self.ref is None or "\n" in self.text[self.ref_end:at]:
            return None
        return self.ref

    def see(self, dates: list[EventDate], end: int, pub: date | None) -> None:
        """A sentence ending at `end` gave these dates (text order): the last usable one is the reference."""
        for d in reversed(dates):
            if d.precision in CARRIED and (pub is None or d.range[0] <= pub.isoformat()):
                self.ref, self.ref_end = d, end
                return
