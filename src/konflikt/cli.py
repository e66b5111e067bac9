"""Command line interface (typer): code, demo, eval, actors/triggers/dates/places check; ingest, events and
network (the corpus store, in `konflikt.cli_corpus`).

Exit status: 0 everything was coded; 3 some input was skipped (each named on stderr in one line);
2 usage error; 4 nothing could be coded at all. Tracebacks only with --debug.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli_common import EXIT_NOTHING, EXIT_SKIPPED, EXIT_USAGE, check_limits, check_scorer, check_workers
from konflikt.cli_common import err as _err
from konflikt.config import Settings
from konflikt.language.registry import lang_choices, unsupported_reason

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Konflikt: code news into PLOVER conflict events and recover the conflict system.")
actors_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
triggers_app = typer.Typer(help="The trigger lexicons.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")
app.add_typer(triggers_app, name="triggers")
dates_app = typer.Typer(help="The date-expression files.", no_args_is_help=True)
places_app = typer.Typer(help="The place files (exonyms, attachment words).", no_args_is_help=True)
app.add_typer(dates_app, name="dates")
app.add_typer(places_app, name="places")
names_app = typer.Typer(help="The name cues (data/ner/cues.yaml: titles, organisation and place head words).",
                        no_args_is_help=True)
app.add_typer(names_app, name="names")

MaxDocOpt = Annotated[int, typer.Option("--max-doc-chars", help="Longer documents are truncated, with a warning "
                                                                "(on stderr and in the records).")]
MaxSentenceOpt = Annotated[int, typer.Option("--max-sentence-chars", help="Longer sentences are parsed in "
                                                                          "pieces, with a warning in the records.")]
SEED_DATE = "2019-12-27"


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    from datetime import date as Date

    try:
        Date.fromisoformat(date)
    except ValueError:
        _err(f"--date must be YYYY-MM-DD, got {date!r}")
        raise typer.Exit(EXIT_USAGE) from None
    return date


class _Unread:
    """A path that could not be read: its message goes out in the path's place."""

    def __init__(self, message: str) -> None:
        self.message = message


def code_paths(paths: list[str], settings: Settings, debug: bool = False, workers: int = 1, warn=None):
    """Code each path (in `workers` processes, `konflikt.parallel`); yields (path, events | None,
    error message | None) in the order of `paths`. A document's warnings (truncated) go to `warn` (default:
    stderr), one line each, when it is read. An invalid knowledge file raises `InvalidDataFile`."""
    from collections import deque

    from konflikt.ingest import InputError, read_document
    from konflikt.parallel import code_stream
    from konflikt.pipeline import UnsupportedLanguage, as_invalid_data_file

    order: deque[str] = deque()
    warn = warn or _err

    def items():
        for p in paths:
            order.append(p)
            try:
                doc = read_document(p, date=settings.date, lang=None if settings.lang == "auto" else settings.lang,
                                    max_chars=settings.max_doc_chars)
            except InputError as exc:
                yield _Unread(f"{p}: skipped: {exc}")
                continue
            for w in doc.warnings:
                warn(f"{p}: warning: {w}")
            yield doc

    for item, events, exc in code_stream(items(), settings, workers):
        p = order.popleft()
        if isinstance(item, _Unread):
            yield p, None, item.message
        elif isinstance(exc, UnsupportedLanguage):
            yield p, None, f"{p}: skipped: {unsupported_reason(str(exc), settings.languages)}"
        elif exc is not None:
            if debug:
                raise exc
            if (invalid := as_invalid_data_file(exc)) is not None:
                raise invalid from None
            yield p, None, f"{p}: skipped: internal error ({type(exc).__name__}: {exc})"
        else:
            yield p, events, None


WorkersOpt = Annotated[int | None, typer.Option(help="Processes coding documents in parallel (default: all cores).")]
PrefilterOpt = Annotated[bool, typer.Option("--prefilter/--no-prefilter",
                                            help="Fast path: parse only the sentences a trigger can be in.")]
ScorerOpt = Annotated[str, typer.Option("--scorer", help="auto (the learned scorer where the language's registry "
                                                          "entry says so: English), off (the rules choose) or on "
                                                          "(the learned scorer chooses "
                                                          "among the rules' proposals: docs/scorer.md).")]


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Documents to code; '-' reads standard input. With "
                                                     "--engine dask: fsspec paths or globs (local, s3://, ...).")],
    lang: Annotated[str, typer.Option(help="auto, sv or en.")] = "auto",
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one event per line) or table.")] = "jsonl",
    workers: WorkersOpt = None,
    prefilter: PrefilterOpt = True,
    scorer: ScorerOpt = "auto",
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster, needs --scheduler "
                                             "and --out).")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (tcp://host:8786).")] = None,
    out: Annotated[Path | None, typer.Option(help="--engine dask: output directory of partitioned Parquet "
                                                  "(an fsspec URL works too).")] = None,
    partitions: Annotated[int | None, typer.Option(help="--engine dask: documents are read in this many "
                                                        "partitions (default: one per file, at most 256).")] = None,
    max_doc_chars: MaxDocOpt = Settings.max_doc_chars,
    max_sentence_chars: MaxSentenceOpt = Settings.max_sentence_chars,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Code documents into PLOVER events."""
    if fmt not in {"jsonl", "table"}:
        _err(f"--format must be jsonl or table, got {fmt!r}")
        raise typer.Exit(EXIT_USAGE)
    if lang not in lang_choices():
        _err(f"--lang must be one of {', '.join(lang_choices())}, got {lang!r}")
        raise typer.Exit(EXIT_USAGE)
    if engine not in {"local", "dask"}:
        _err(f"--engine must be local or dask, got {engine!r}")
        raise typer.Exit(EXIT_USAGE)
    workers = check_workers(workers)
    settings = Settings(lang=lang, date=_check_date(date), workers=workers, prefilter=prefilter,
                        scorer=check_scorer(scorer), **check_limits(max_doc_chars, max_sentence_chars))
    from konflikt.parallel import CHUNK, prestart

    if engine == "local" and len(paths) >= 2 * CHUNK:  # one document per path: enough to go to workers
        prestart(min(workers, len(paths)), paths)
    from konflikt.pipeline import InvalidDataFile

    if engine == "dask":
        _code_on_dask(paths, settings, scheduler, out, partitions, debug)
        return
    skipped = coded = 0
    all_events = []
    try:
        for _p, events, error in code_paths(paths, settings, debug, workers=min(workers, len(paths))):
            if error:
                _err(error)
                skipped += 1
                continue
            coded += 1
            if fmt == "jsonl":
                for ev in events:
                    sys.stdout.write(ev.model_dump_json() + "\n")
                sys.stdout.flush()
            else:
                all_events.extend(events)
    except InvalidDataFile as exc:
        if debug:
            raise
        _err(str(exc))
        raise typer.Exit(EXIT_NOTHING) from None
    if fmt == "table":
        print_summary(all_events)
    if skipped:
        raise typer.Exit(EXIT_NOTHING if not coded else EXIT_SKIPPED)


def _code_on_dask(paths: list[str], settings: Settings, scheduler: str | None, out: Path | None,
                  partitions: int | None, debug: bool) -> None:
    """`konflikt code --engine dask`: see `konflikt.distributed`."""
    if not scheduler or out is None:
        _err("--engine dask needs --scheduler ADDRESS and --out DIR")
        raise typer.Exit(EXIT_USAGE)
    try:
        from konflikt.distributed import run_on_dask
    except ImportError as exc:
        _err(f"--engine dask needs dask[distributed], fsspec and pyarrow ({exc})")
        raise typer.Exit(EXIT_USAGE) from None
    try:
        report = run_on_dask(paths, str(out), settings, scheduler, partitions=partitions)
    except Exception as exc:
        if debug:
            raise
        _err(f"dask: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
        raise typer.Exit(EXIT_NOTHING) from None
    for where, reason in report.skipped:
        _err(f"{where}: skipped: {reason}")
    _err(report.summary())
    if report.skipped:
        raise typer.Exit(EXIT_NOTHING if not report.coded else EXIT_SKIPPED)
    if not report.coded:
        raise typer.Exit(EXIT_NOTHING)


def print_summary(events, console: Console | None = None) -> None:
    """Events as a table, then who backs and who fights whom, and the camps."""
    from konflikt.actors.kb import load_kb
    from konflikt.network import camps, dyads

    console = console or Console()
    t = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("#", "type", "actor", "→ recipient", "trigger", "modality", "conf"):
        t.add_column(col)
    for ev in events:
        t.add_row(str(ev.sentence_index), ev.event + (f"/{ev.mode}" if ev.mode else ""),
                  ", ".join(a.name for a in ev.actor) or "—", ", ".join(r.name for r in ev.recipient) or "—",
                  ev.trigger, ",".join(ev.modality), f"{ev.confidence:.2f}")
    console.print(t)
    kb = load_kb()
    nodes, ds = dyads(events, kb)
    rel = Table(title="Who backs / fights whom")
    for col in ("actor", "relation", "recipient", "events", "types"):
        rel.add_column(col)
    for (a, r), d in sorted(ds.items(), key=lambda kv: (kv[1].kind, -kv[1].events)):
        verb = "backs" if d.kind == "cooperative" else "fights"
        rel.add_row(nodes[a].name, verb, nodes[r].name, str(d.events),
                    ", ".join(f"{k}:{v}" for k, v in sorted(d.types.items())))
    console.print(rel)
    for i, camp in enumerate(camps(list(nodes), ds), 1):
        console.print(f"[bold]Camp {i}:[/bold] " + ", ".join(nodes[m].name for m in camp))


def _seed_path() -> Path:
    return Path(str(resources.files("konflikt.data").joinpath("samples/libya_2019_sv.txt")))


@app.command()
def demo(fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table") -> None:
    """Code the bundled reference article (Swedish, Libya, Dec 2019) and show events and camps."""
    settings = Settings(lang="auto", date=SEED_DATE)
    for _p, events, error in code_paths([str(_seed_path())], settings):
        if error:
            _err(error)
            raise typer.Exit(EXIT_NOTHING)
        if fmt == "jsonl":
            for ev in events:
                print(ev.model_dump_json())
        else:
            print_summary(events)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold file (seed.gold.json format) or PLOVER GSR file.")],
    paths: Annotated[list[Path] | None, typer.Argument(help="Documents (default: the gold's own).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="auto, gold (Konflikt gold file) or gsr (PLOVER GSR).")]
    = "auto",
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD (overrides the gold's).")] = None,
    lang: Annotated[str | None, typer.Option(help="sv, en or auto (overrides the gold's language).")] = None,
    misses: Annotated[bool, typer.Option(help="GSR: list the sentences that were coded wrongly.")] = False,
    taxonomy: Annotated[bool, typer.Option(help="Also classify every miss and false pair (eval/taxonomy.py).")]
    = False,
    prefilter: PrefilterOpt = True,
    scorer: ScorerOpt = "auto",
) -> None:
    """Code a gold file's document(s) and score them (same metrics as shared/eval/score_events.py).

    A PLOVER GSR file (PLOVER_GSR_CAMEO.txt) is recognised by its content, or forced with --format gsr:
    each sentence is coded on its own and scored by event-type accuracy, a confusion table by type and
    country-level dyad accuracy.
    """
    from konflikt.eval.gsr import evaluate_gsr, format_gsr_report, is_gsr_file
    from konflikt.eval.runner import evaluate
    from konflikt.eval.scoring import format_report
    from konflikt.ingest import doc_id_for
    from konflikt.pipeline import Coder
    from konflikt.records import Document

    if not gold.exists():
        _err(f"{gold}: no such gold file")
        raise typer.Exit(EXIT_USAGE)
    if fmt not in {"auto", "gold", "gsr"}:
        _err(f"--format must be auto, gold or gsr, got {fmt!r}")
        raise typer.Exit(EXIT_USAGE)
    if lang is not None and lang not in lang_choices():
        _err(f"--lang must be one of {', '.join(lang_choices())}, got {lang!r}")
        raise typer.Exit(EXIT_USAGE)
    date = _check_date(date)
    coder = Coder(Settings(prefilter=prefilter, scorer=check_scorer(scorer)))

    def code_fn(text: str, *, lang: str, date: str | None, doc_id: str) -> list[dict]:
        language = None if lang in {None, "auto"} else lang
        doc = Document(id=doc_id or doc_id_for(text), text=text, source=str(gold), date=date, language=language)
        return [e.model_dump() for e in coder.code_document(doc)]

    try:
        if fmt == "gsr" or (fmt == "auto" and is_gsr_file(gold)):
            gsr = evaluate_gsr(gold, code_fn, date=date, lang=lang)
            print(json.dumps(gsr.to_dict(), ensure_ascii=False, indent=1) if as_json
                  else format_gsr_report(gsr, misses=misses))
            return

        def gold_code_fn(text: str, *, lang: str, date: str | None, doc_id: str) -> list[dict]:
            return code_fn(text, lang=lang_override or lang, date=date_override or date, doc_id=doc_id)

        lang_override, date_override = lang, date
        report = evaluate(gold, gold_code_fn, list(paths) if paths else None)
    except ValueError as exc:
        _err(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    if taxonomy:
        from konflikt.eval.runner import document_text
        from konflikt.eval.taxonomy import classify, count, format_counts

        cases = classify(report, document_text(gold, list(paths) if paths else None))
        for case in cases:
            print(f"  {case.kind} {case.cls}: {case.ref}: {case.sentence[:90]}")
        print(format_counts(count(cases)))


@actors_app.command("check")
def actors_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate actor knowledge files (default: the packaged ones)."""
    from konflikt.actors.kb import check_command

    raise typer.Exit(check_command(list(paths) if paths else None))


@triggers_app.command("check")
def triggers_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate trigger lexicon files (default: the packaged ones)."""
    from konflikt.events.lexicon import check_command

    raise typer.Exit(check_command(list(paths) if paths else None))


@dates_app.command("check")
def dates_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate date-expression files (default: the packaged ones)."""
    from konflikt.dates.lexicon import check_command

    raise typer.Exit(check_command(list(paths) if paths else None))


@places_app.command("check")
def places_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate place files: exonyms.yaml, prepositions.yaml (default: the packaged ones)."""
    from konflikt.places.data import check_command

    raise typer.Exit(check_command(list(paths) if paths else None))


@names_app.command("check")
def names_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Validate name-cue files (default: the packaged data/ner/cues.yaml)."""
    from konflikt.nlp.cues import check_command

    raise typer.Exit(check_command(list(paths) if paths else None))


from konflikt.cli_corpus import register as _register_corpus  # noqa: E402

_register_corpus(app)

from konflikt.api.cli import register as _register_serve  # noqa: E402

_register_serve(app)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
