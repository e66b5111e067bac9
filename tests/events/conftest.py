"""Fixtures shared by the event tests: the Bokmål coder over the whole pipeline (`code_nb`)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code_nb():
    """Code a Bokmål text of ours (publication date 2019-12-27, prefilter off); needs the nb pipeline."""
    from konflikt.config import Settings
    from konflikt.pipeline import Coder
    from konflikt.records import Document

    coder = Coder(Settings(lang="nb", date="2019-12-27", prefilter=False))

    def run(text: str):
        return coder.code_document(Document(id="t", text=text, source="t", date="2019-12-27", language="nb"))
    return run
