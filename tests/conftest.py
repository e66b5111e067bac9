"""Shared fixtures: one Coder per test session (models load once), paths to shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from konflikt.config import Settings
    from konflikt.pipeline import Coder

    return Coder(Settings())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture()
def code_sv(coder):
    """Code a Swedish text (publication date 2024-03-15 unless given) and return the events."""
    from konflikt.ingest import doc_id_for
    from konflikt.records import Document

    def run(text: str, date: str = "2024-03-15", lang: str = "sv"):
        doc = Document(id=doc_id_for(text), text=text, source="test", date=date, language=lang)
        return coder.code_document(doc)

    return run
