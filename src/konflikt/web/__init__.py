"""Package data: the single-page web UI (static/)."""
