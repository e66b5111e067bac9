"""konflikt.api: the HTTP API and web UI (`konflikt serve`); see `konflikt.api.app`.

Names are imported lazily so that the CLI does not load FastAPI unless `serve` runs."""

__all__ = ["MAX_BODY", "BindError", "check_bind", "create_app", "is_loopback"]


def __getattr__(name: str):
    if name in __all__:
        from konflikt.api import app

        return getattr(app, name)
    raise AttributeError(name)
