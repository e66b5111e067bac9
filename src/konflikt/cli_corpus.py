"""CLI commands on the corpus store: `konflikt ingest`, `konflikt events`, `konflikt network`.

Registered on the main typer app by `konflikt.cli` (`register(app)`). Same exit status convention:
0 ok; 2 usage error (bad option, unusable database); 3 some input skipped (each named on stderr in
one line); 4 nothing could be ingested. No traceback unless --debug.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from konflikt.cli_common import EXIT_NOTHING, EXIT_OK, EXIT_SKIPPED, check_limits, check_scorer, check_workers
from konflikt.cli_common import err as _err
from konflikt.cli_common import usage as _usage
from konflikt.config import Settings

MaxDocOpt = Annotated[int, typer.Option("--max-doc-chars", help="Longer documents are truncated, with a warning "
                                                                "(on stderr and in the stored document).")]
MaxSentenceOpt = Annotated[int, typer.Option("--max-sentence-chars", help="Longer sentences are parsed in "
                                                                          "pieces, with a warning in the records.")]
DEFAULT_DB = "konflikt.duckdb"

DbOpt = Annotated[str, typer.Option("--db", help="The corpus database (DuckDB file).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First event date, YYYY-MM-DD (inclusive).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last event date, YYYY-MM-DD (inclusive).")]


def _guard(fn):
    """One line on stderr and exit 4 for unexpected errors (e.g. an invalid knowledge base); the
    traceback only with --debug."""
    import functools

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            import os

            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:
            if kwargs.get("debug"):
                raise
            _err(f"{fn.__name__}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__} "
                 "(--debug shows the traceback)")
            raise typer.Exit(EXIT_NOTHING) from None

    return run


def _day(value: str | None, opt: str):
    if value is None:
        return None
    from datetime import date as Date

    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise _usage(f"{opt} must be YYYY-MM-DD, got {value!r}") from None


def _filters(date_from, date_to, actor=None, types=None):
    from konflikt.query import QueryError, event_filters

    f, t = _day(date_from, "--from"), _day(date_to, "--to")
    try:
        return event_filters(f, t, actor, types)
    except QueryError as exc:
        raise _usage(f"--type: {exc}" if exc.field == "type" else "--from is after --to") from None


def _open(db: str, read_only: bool):
    from konflikt.store import Store, StoreError

    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        raise _usage(str(exc)) from None


def _out_stream(out: Path | None, binary: bool = False):
    if out is None:
        return sys.stdout.buffer if binary else sys.stdout
    try:
        return open(out, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None)  # noqa: SIM115
    except OSError as exc:
        raise _usage(f"{out}: cannot write ({exc.strerror or exc})") from None


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories ('-' reads standard input).")],
    db: DbOpt = DEFAULT_DB,
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for documents without one.")] = None,
    lang: Annotated[str, typer.Option(help="auto, sv or en (for documents that do not say).")] = "auto",
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress",
                                                  help="Progress bar (default: when stderr is a terminal).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per stored document.")] = False,
    workers: Annotated[int | None, typer.Option(help="Processes coding documents in parallel "
                                                     "(default: all cores).")] = None,
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter",
                                            help="Fast path: parse only the sentences a trigger can be in.")]
    = True,
    scorer: Annotated[str, typer.Option("--scorer", help="auto (the learned scorer where the "
                                                          "language's registry entry says so: English), off (the "
                                                          "rules choose) or on (the learned scorer: "
                                                          "docs/scorer.md).")] = "auto",
    max_doc_chars: MaxDocOpt = Settings.max_doc_chars,
    max_sentence_chars: MaxSentenceOpt = Settings.max_sentence_chars,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Code documents (text, Markdown, HTML, JSONL, RSS/Atom, directories) into the corpus database."""
    from konflikt.language.registry import lang_choices
    from konflikt.parallel import prestart

    if lang not in lang_choices():
        raise _usage(f"--lang must be one of {', '.join(lang_choices())}, got {lang!r}")
    if date is not None:
        _day(date, "--date")
    workers = check_workers(workers)
    prestart(workers, paths)  # the workers' fork server loads while this process does
    from konflikt.corpus import ingest as run

    settings = Settings(lang=lang, date=date, workers=workers, prefilter=prefilter, scorer=check_scorer(scorer),
                        **check_limits(max_doc_chars, max_sentence_chars))
    with _open(db, read_only=False) as store:
        report = run(paths, store, settings, progress=progress, verbose=verbose, debug=debug, workers=workers)
    _err(report.summary())
    if report.interrupted:
        raise typer.Exit(130)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED if (report.coded or report.duplicates) else EXIT_NOTHING)
    if report.seen == 0:
        _err("no documents found")
        raise typer.Exit(EXIT_NOTHING)


def events(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output; parquet needs it).")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    actor: Annotated[str | None, typer.Option(help="Only events with this actor or recipient "
                                                   "(name, entity id, code; case ignored).")] = None,
    etype: Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")] = None,
    dedup: Annotated[bool, typer.Option(help="One record per happening, with its mentions.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Stored events: JSONL (the records of `konflikt code`), or CSV/Parquet with POLECAT-style columns."""
    if fmt not in {"jsonl", "csv", "parquet"}:
        raise _usage(f"--format must be jsonl, csv or parquet, got {fmt!r}")
    if fmt == "parquet" and out is None:
        raise _usage("--format parquet needs --out FILE")
    from konflikt.query import actor_names

    filters = _filters(date_from, date_to, actor_names(actor) if actor else None, etype)
    with _open(db, read_only=True) as store:
        if fmt == "jsonl":
            stream = _out_stream(out)
            try:
                if dedup:
                    for rec in store.happenings(filters):
                        stream.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
                else:
                    for rec in store.event_records(filters):
                        stream.write(rec + "\n")
            finally:
                if out is not None:
                    stream.close()
                else:
                    stream.flush()
            return
        sql, params = store.polecat_query(filters, dedup=dedup)
        if out is not None:
            try:
                store.copy_to(sql, params, out, fmt)
            except Exception as exc:  # noqa: BLE001 - DuckDB IO errors: one line, no traceback
                raise _usage(f"{out}: cannot write ({str(exc).splitlines()[0]})") from None
            return
        names, rows = store.rows(sql, params)
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(names)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])
        sys.stdout.flush()


def network(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table, json, graphml or gexf.")] = "table",
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    actor: Annotated[str | None, typer.Option(help="Only this actor's dyads (camps are computed on the "
                                                   "whole network).")] = None,
    level: Annotated[str, typer.Option(help="Roll-up: entity (as resolved), org (people and units to what "
                                            "they act for) or state.")] = "org",
    count: Annotated[str, typer.Option(help="happenings (several reports of one happening count once) "
                                            "or mentions (every coded event).")] = "happenings",
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Who backs and who fights whom (directed dyads between rolled-up actors), and the camps."""
    from konflikt.actors.kb import load_kb
    from konflikt.network import LEVELS
    from konflikt.network.export import print_table, to_dict, write_graph
    from konflikt.query import stored_network

    if fmt not in {"table", "json", "graphml", "gexf"}:
        raise _usage(f"--format must be table, json, graphml or gexf, got {fmt!r}")
    if level not in LEVELS:
        raise _usage(f"--level must be one of {', '.join(LEVELS)}, got {level!r}")
    if count not in {"happenings", "mentions"}:
        raise _usage(f"--count must be happenings or mentions, got {count!r}")
    _filters(date_from, date_to)
    kb = load_kb()
    with _open(db, read_only=True) as store:
        net = stored_network(store, kb, _day(date_from, "--from"), _day(date_to, "--to"), level, count)
    if actor:
        ids = net.find(actor, kb)
        if not ids:
            _err(f"--actor: no actor {actor!r} in the network")
        net = net.focus(ids)
    if fmt == "table":
        from rich.console import Console

        if out is None:
            print_table(net)
        else:
            with _out_stream(out) as f:
                print_table(net, Console(file=f, width=160))
        return
    if fmt == "json":
        stream = _out_stream(out)
        json.dump(to_dict(net), stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        if out is not None:
            stream.close()
        return
    stream = _out_stream(out, binary=True)
    write_graph(net, stream, fmt)
    if out is not None:
        stream.close()
    else:
        stream.flush()


def register(app: typer.Typer) -> None:
    app.command("ingest")(_guard(ingest))
    app.command("events")(_guard(events))
    app.command("network")(_guard(network))
