"""Fixtures shared by the event tests: the Bokmål coder over the whole pipeline (`code_nb`)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code_nb():
    """Code a Bokmål text of ours with the rules' coder (publication date 2019-12-27, prefilter off, `scorer="off"`:
    these tests prove the rules; the default coding is measured by tests/pipeline/test_gold_sets.py); needs the
    nb pipeline."""
    from konflikt.config import Settings
    from konflikt.pipeline import Coder
    from konflikt.records import Document

    coder = Coder(Settings(lang="nb", date="2019-12-27", prefilter=False, scorer="off"))

    def run(text: str):
        return coder.code_document(Document(id="t", text=text, source="t", date="2019-12-27", language="nb"))
    return run
