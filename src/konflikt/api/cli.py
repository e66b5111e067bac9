"""`konflikt serve`: the HTTP API and web UI (registered on the main typer app by `konflikt.cli`)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer


def serve(
    db: Annotated[str, typer.Option("--db", help="The corpus database (DuckDB file).")] = "konflikt.duckdb",
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default; any other "
                                           "address needs a token).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="KONFLIKT_TOKEN", show_envvar=True,
                                              help="Every /api call must send 'Authorization: Bearer TOKEN'.")]
    = None,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the analyst's web UI at http://HOST:PORT/."""
    from konflikt.api.app import BindError, check_bind

    try:
        check_bind(host, token)
    except BindError as exc:
        print(f"konflikt: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    if not 0 < port < 65536:
        print(f"konflikt: --port must be 1..65535, got {port}", file=sys.stderr)
        raise typer.Exit(2)
    import uvicorn

    from konflikt.api.app import create_app
    from konflikt.config import Settings

    app = create_app(Settings(), db, token or None)
    print(f"konflikt: serving http://{host}:{port}/ (database {db}{'; token required' if token else ''})",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
