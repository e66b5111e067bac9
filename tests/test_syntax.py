"""`konflikt.syntax`: token lookups by character offsets."""

from __future__ import annotations

import random

from konflikt.syntax import tokens_in, trigger_token


def test_tokens_in_are_the_tokens_overlapping_the_offsets(coder):
    nlp = coder.resources("en").nlp
    doc = nlp("Russia attacked Ukraine  in Kyiv on Tuesday.  Turkey condemned the attack in Ankara, officials "
              "said. More text here!")
    rng = random.Random(1)
    for sent in doc.sents:
        for _ in range(2000):
            a = rng.randrange(-2, len(doc.text) + 3)
            b = a + rng.randrange(0, 30)
            want = [t.i for t in sent if t.idx < b and t.idx + len(t.text) > a]
            assert [t.i for t in tokens_in(sent, a, b)] == want, (a, b)
    first = next(doc.sents)
    start = doc.text.index("attacked")
    assert [t.text for t in tokens_in(first, start, start + 8)] == ["attacked"]
    assert trigger_token(first, start, start + 8).text == "attacked"
    assert tokens_in(first, 200, 210) == [] and trigger_token(first, 200, 210) == first.root
