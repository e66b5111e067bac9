"""Reading a stored corpus, for every front end (the CLI and the web API): event filters, the knowledge-base
names of an actor, and the conflict network of a time window.

Plain functions over `konflikt.store` and `konflikt.network`; a bad filter raises `QueryError` (one line),
which each front end turns into its own answer (exit 2, HTTP 422). Nothing here imports a front end.
"""

from __future__ import annotations

from datetime import date as Date

from konflikt.records import PLOVER_TYPES

__all__ = ["QueryError", "actor_names", "event_filters", "event_types", "stored_network"]


class QueryError(ValueError):
    """A filter that cannot be applied; `field` is 'type' (an unknown type) or 'window' (it ends before it
    starts)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


def event_types(types: str | None) -> tuple[str, ...]:
    """PLOVER types from a comma-separated list (case ignored); `QueryError` for an unknown one."""
    if not types:
        return ()
    tlist = tuple(t.strip().upper() for t in types.split(",") if t.strip())
    bad = [t for t in tlist if t not in PLOVER_TYPES]
    if bad:
        raise QueryError(f"unknown PLOVER type(s) {', '.join(bad)} (one of {', '.join(PLOVER_TYPES)})", "type")
    return tlist


def event_filters(date_from: Date | None = None, date_to: Date | None = None,
                  actor: tuple[str, ...] | None = None, types: str | None = None):
    """The store's `Filters` for a window, actor names and types; `QueryError` when `date_from > date_to`."""
    from konflikt.store import Filters

    tlist = event_types(types)
    if date_from and date_to and date_from > date_to:
        raise QueryError("from is after to", "window")
    return Filters(date_from=date_from, date_to=date_to, actor=actor or None, types=tlist)


def actor_names(actor: str, kb=None) -> tuple[str, ...]:
    """The name as given plus the ids of knowledge-base entities known by that name in any language
    (`Turkiet` finds Turkey)."""
    from konflikt.actors.kb import fold, load_kb

    key = fold(actor.strip())
    entities = kb if kb is not None else load_kb()
    ids = [e.id for e in entities if key in {fold(e.id), fold(e.name), *(fold(n) for n in e.all_names())}]
    return (actor, *ids)


def _iso(day: Date | str | None) -> str | None:
    return day.isoformat() if isinstance(day, Date) else day


def stored_network(store, kb, date_from: Date | None = None, date_to: Date | None = None, level: str = "org",
                   count: str = "happenings"):
    """The network (`konflikt.network.export.build`) of the stored events in a window; `count='happenings'`
    counts several reports of one happening once, `'mentions'` every coded event."""
    from konflikt.network.export import build

    pairs = list(store.network_events(event_filters(date_from, date_to)))
    hap = {e.id: h for h, e in pairs} if count == "happenings" else None
    return build([e for _h, e in pairs], kb, level=level, happenings=hap,
                 window=(_iso(date_from), _iso(date_to)))
