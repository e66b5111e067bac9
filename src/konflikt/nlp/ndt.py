"""Norwegian Dependency Treebank (NDT) trees converted to Universal Dependencies, for training Bokmål.

Only the dev and test slices of UD Norwegian-Bokmaal are available here, but the whole NDT (the treebank
UD Norwegian-Bokmaal was converted from, 20,000 sentences) is, with its own part-of-speech tags, features
and dependency labels (``../shared/data/ner/nb/ndt_nob_norne.conll``). This module turns NDT trees into UD
ones so the Bokmål tagger and parser can learn from five times more sentences.

Nothing here is a hand-written word list: the conversion is *learned* from the 4,349 sentences that are in
both NDT and the UD slices (restricted to the sentences of the training split by the caller):

- **structure**: NDT makes function words heads (a preposition heads its noun, an auxiliary its main verb,
  the infinitive marker its verb, the copula its predicate); UD makes the content word head. A function
  word is demoted under its child when UD does so for that word (lemma) and child label in most of the
  aligned sentences (backing off to its NDT part of speech);
- **tags**: UPOS and UD features from the NDT part of speech, features and lemma (backing off);
- **labels**: the UD relation from the NDT relation and the UD tags of both ends (backing off).

`conversion_scores` measures the converted trees against UD on aligned sentences the tables were not learned
from (UPOS, features, UAS, LAS), so the quality of the silver trees is a reported figure.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# A demotion is learned when UD attaches the function word to its NDT child in at least this share of cases.
DEMOTE_SHARE = 0.5
# Table entries seen fewer times than this back off to the coarser key.
MIN_COUNT = 2
HEADLINE_MARK = "|"
log = logging.getLogger(__name__)


@dataclass
class NdtToken:
    """One NDT token (ids and heads 1-based, 0 = root)."""

    id: int
    form: str
    lemma: str
    pos: str
    feats: str
    head: int
    dep: str
    ner: str = "O"


@dataclass
class UdToken:
    """One UD token as the trainer needs it."""

    id: int
    form: str
    lemma: str
    upos: str
    feats: str
    head: int
    dep: str


def read_ndt(path: Path) -> list[list[NdtToken]]:
    """The sentences of the NDT/NorNE file (10 tab-separated columns, ``name=B-PER`` in the last), headline
    markers ``|`` removed (dependents of one move to its head) and ids renumbered. Malformed lines are skipped
    with a warning."""
    sents: list[list[NdtToken]] = []
    cur: list[NdtToken] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            if cur:
                sents.append(_drop_marks(cur))
                cur = []
            continue
        c = raw.split("\t")
        if len(c) != 10 or not c[0].isdigit() or not c[6].isdigit() or not c[9].startswith("name="):
            log.warning("%s:%d: skipping malformed line %r", path.name, lineno, raw)
            continue
        cur.append(NdtToken(int(c[0]), c[1], c[2], c[3], c[5], int(c[6]), c[7], c[9][len("name="):]))
    if cur:
        sents.append(_drop_marks(cur))
    return [s for s in sents if s]


def _drop_marks(sent: list[NdtToken]) -> list[NdtToken]:
    by_id = {t.id: t for t in sent}

    def up(h: int) -> int:
        seen = set()
        while h and by_id[h].form == HEADLINE_MARK and h not in seen:
            seen.add(h)
            h = by_id[h].head
        return h

    keep = [t for t in sent if t.form != HEADLINE_MARK]
    new_id = {t.id: i for i, t in enumerate(keep, 1)}
    out = []
    for t in keep:
        h = up(t.head)
        out.append(NdtToken(new_id[t.id], t.form, t.lemma, t.pos, t.feats, new_id.get(h, 0), t.dep, t.ner))
    return out


def read_ud(path: Path) -> list[list[UdToken]]:
    """The sentences of a UD .conllu file (multiword-token and empty-node lines skipped)."""
    sents: list[list[UdToken]] = []
    cur: list[UdToken] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        if raw.startswith("#"):
            continue
        c = raw.split("\t")
        if len(c) != 10 or not c[0].isdigit():
            continue
        cur.append(UdToken(int(c[0]), c[1], c[2], c[3], c[5], int(c[6]), c[7]))
    if cur:
        sents.append(cur)
    return sents


def sentence_key(words: Iterable[str]) -> str:
    """A sentence's identity across tokenisations: its letters and digits, lowercased (NDT and UD differ in
    the headline marker ``|`` and in a split-off full stop)."""
    return "".join(ch for w in words for ch in w.lower() if ch.isalnum())


def align(ndt: Sequence[list[NdtToken]], ud: Sequence[list[UdToken]]) -> list[tuple[int, int]]:
    """(NDT index, UD index) of the sentences in both, where the tokens are the same word for word."""
    where = {sentence_key(t.form for t in s): i for i, s in enumerate(ndt)}
    pairs = []
    for j, u in enumerate(ud):
        i = where.get(sentence_key(t.form for t in u))
        if i is not None and [t.form for t in ndt[i]] == [t.form for t in u]:
            pairs.append((i, j))
    return pairs


def _best(counter: Counter, min_count: int = MIN_COUNT):
    if not counter or sum(counter.values()) < min_count:
        return None
    return counter.most_common(1)[0][0]


def _lemma_key(t: NdtToken) -> str:
    return t.lemma.lower()


@dataclass
class Tables:
    """What the conversion learned from aligned sentences."""

    demote: dict = field(default_factory=dict)      # (pos, lemma, child dep) / (pos, child dep) -> share
    tags: dict = field(default_factory=dict)        # backed-off keys -> (upos, feats)
    labels: dict = field(default_factory=dict)      # backed-off keys -> UD relation

    def demotes(self, f: NdtToken, child_dep: str) -> bool:
        for key in ((f.pos, _lemma_key(f), child_dep), (f.pos, child_dep)):
            if key in self.demote:
                return self.demote[key] >= DEMOTE_SHARE
        return False


def _kids(sent: Sequence[NdtToken]) -> dict[int, list[NdtToken]]:
    kids: dict[int, list[NdtToken]] = defaultdict(list)
    for t in sent:
        kids[t.head].append(t)
    return kids


def _tag_keys(t: NdtToken, kids: Sequence[NdtToken]) -> list[tuple]:
    kid_deps = "+".join(sorted({k.dep for k in kids if k.dep in {"INFV", "SPRED", "PUTFYLL"}}))
    kid_pos = "+".join(sorted({k.pos for k in kids if k.dep in {"INFV", "PUTFYLL"}}))
    low = t.form.lower()
    return [("f", t.pos, t.feats, _lemma_key(t), low, kid_deps, kid_pos, t.dep),
            ("l", t.pos, t.feats, _lemma_key(t), kid_deps, kid_pos),
            ("m", t.pos, t.feats, _lemma_key(t)),
            ("p", t.pos, t.feats, kid_deps), ("q", t.pos, t.feats), ("r", t.pos)]


def _content_child(t: NdtToken, kids: dict[int, list[NdtToken]], tables: Tables) -> NdtToken | None:
    for dep in ("INFV", "PUTFYLL", "SPRED"):
        for k in kids.get(t.id, []):
            if k.dep == dep and tables.demotes(t, dep):
                return k
    return None


def restructure(sent: Sequence[NdtToken], tables: Tables) -> tuple[list[int], list[str], list[str]]:
    """Content-head UD structure for an NDT tree: (new heads, the NDT relation each token's new arc carries,
    and for demoted function words the kind of demotion, '' otherwise)."""
    kids = _kids(sent)
    by_id = {t.id: t for t in sent}
    child = {t.id: _content_child(t, kids, tables) for t in sent}

    def rep(i: int) -> int:
        seen = set()
        while i and child.get(i) is not None and i not in seen:
            seen.add(i)
            i = child[i].id
        return i

    heads = [0] * len(sent)
    rels = [""] * len(sent)
    kinds = [""] * len(sent)
    for t in sent:
        r = rep(t.id)
        parent = by_id.get(t.head)
        if parent is not None and child.get(parent.id) is t:
            continue  # a promoted content word: handled with the top of its chain below
        if r != t.id:  # t is the top of a chain of function words: its content word takes its place
            heads[r - 1] = rep(t.head) if t.head else 0
            rels[r - 1] = t.dep
            f = t
            while child.get(f.id) is not None:
                heads[f.id - 1] = r
                kinds[f.id - 1] = f"{f.pos}:{child[f.id].dep}"
                f = child[f.id]
        else:
            heads[t.id - 1] = rep(t.head) if t.head else 0
            rels[t.id - 1] = t.dep
    return heads, rels, kinds


def _label_keys(rel: str, kind: str, t: NdtToken, upos: str, feats: str, head_upos: str,
                head_pass: bool, clause_words: str) -> list[tuple]:
    """Backed-off keys for a token's UD relation. `head_pass`: its new head is a passive verb (s-passive or
    with a 'bli'/'være' auxiliary); `clause_words`: the subordinators and relative words among its children."""
    if kind:
        return [("k", kind, _lemma_key(t), upos, head_upos, feats), ("k2", kind, _lemma_key(t), head_upos),
                ("k3", kind, head_upos), ("k4", kind)]
    return [("a", rel, upos, head_upos, _lemma_key(t), t.pos, "Voice=Pass" in feats, head_pass, clause_words),
            ("b", rel, upos, head_upos, t.pos, "VerbForm=Fin" in feats, head_pass, clause_words),
            ("c", rel, upos, head_upos, head_pass), ("d", rel, upos), ("e", rel)]


def _arc_context(sent: Sequence[NdtToken], tags: Sequence[tuple[str, str]], heads: Sequence[int],
                 kinds: Sequence[str]) -> tuple[list[bool], list[str]]:
    """For each token: is it a passive verb, and which subordinators / relative words hang under it."""
    passive = ["Voice=Pass" in feats for _, feats in tags]
    words: list[set[str]] = [set() for _ in sent]
    for x, t in enumerate(sent):
        h = heads[x]
        if not h:
            continue
        if kinds[x] == "verb:INFV" and t.lemma.lower() in {"bli", "være"} and "VerbForm=Part" in tags[h - 1][1]:
            passive[h - 1] = True
        if t.pos == "sbu":
            words[h - 1].add(t.lemma.lower())
    return passive, ["+".join(sorted(w)) for w in words]


def _lookup(table: dict, keys: Sequence[tuple], default):
    for k in keys:
        if k in table:
            return table[k]
    return default


def convert(sent: Sequence[NdtToken], tables: Tables) -> list[UdToken]:
    """An NDT tree as a UD tree, by the learned tables. The result has exactly one root."""
    kids = _kids(sent)
    tags = [_lookup(tables.tags, _tag_keys(t, kids.get(t.id, [])), ("X", "_")) for t in sent]
    heads, rels, kinds = restructure(sent, tables)
    passive, clause_words = _arc_context(sent, tags, heads, kinds)
    out = []
    for i, t in enumerate(sent):
        upos, feats = tags[i]
        h = heads[i]
        dep = "root" if h == 0 else _lookup(tables.labels, _label_keys(
            rels[i], kinds[i], t, upos, feats, tags[h - 1][0], passive[h - 1], clause_words[i]), "dep")
        out.append(UdToken(t.id, t.form, _ud_lemma(t), upos, feats, h, dep))
    return _one_root(out)


def _ud_lemma(t: NdtToken) -> str:
    return t.form if t.lemma.startswith("$") else t.lemma


def _one_root(sent: list[UdToken]) -> list[UdToken]:
    roots = [t for t in sent if t.head == 0]
    if len(roots) <= 1:
        return sent
    main = next((t for t in roots if t.upos in {"VERB", "AUX"}), roots[0])
    for t in roots:
        if t is not main:
            t.head, t.dep = main.id, ("punct" if t.upos == "PUNCT" else "parataxis")
    return sent


def learn(ndt: Sequence[list[NdtToken]], ud: Sequence[list[UdToken]],
          pairs: Sequence[tuple[int, int]]) -> Tables:
    """Learn the conversion tables from aligned (NDT, UD) sentence pairs."""
    tables = Tables()
    # 1. structure: does UD hang the function word under its NDT child?
    demote: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for i, j in pairs:
        n, u = ndt[i], ud[j]
        for k in n:
            if k.dep in {"INFV", "PUTFYLL", "SPRED"} and k.head:
                f = n[k.head - 1]
                hit = int(u[f.id - 1].head == k.id)
                for key in ((f.pos, _lemma_key(f), k.dep), (f.pos, k.dep)):
                    demote[key][0] += hit
                    demote[key][1] += 1
    tables.demote = {k: h / n for k, (h, n) in demote.items() if n >= MIN_COUNT}
    # 2. tags
    tag_counts: dict[tuple, Counter] = defaultdict(Counter)
    for i, j in pairs:
        n, u = ndt[i], ud[j]
        kids = _kids(n)
        for t, g in zip(n, u, strict=True):
            for key in _tag_keys(t, kids.get(t.id, [])):
                tag_counts[key][(g.upos, g.feats)] += 1
    tables.tags = {k: b for k, c in tag_counts.items() if (b := _best(c)) is not None}
    # 3. labels, over the learned structure and tags
    label_counts: dict[tuple, Counter] = defaultdict(Counter)
    for i, j in pairs:
        n, u = ndt[i], ud[j]
        kids = _kids(n)
        tags = [_lookup(tables.tags, _tag_keys(t, kids.get(t.id, [])), ("X", "_")) for t in n]
        heads, rels, kinds = restructure(n, tables)
        passive, clause_words = _arc_context(n, tags, heads, kinds)
        for x, t in enumerate(n):
            h = heads[x]
            if h == 0:
                continue
            upos, feats = tags[x]
            keys = _label_keys(rels[x], kinds[x], t, upos, feats, tags[h - 1][0], passive[h - 1],
                               clause_words[x])
            for key in keys:
                label_counts[key][u[x].dep] += 1
    tables.labels = {k: b for k, c in label_counts.items() if (b := _best(c)) is not None}
    return tables


def conversion_scores(ndt: Sequence[list[NdtToken]], ud: Sequence[list[UdToken]],
                      pairs: Sequence[tuple[int, int]], tables: Tables) -> dict:
    """UPOS, features, UAS and LAS (punctuation included) of converted NDT trees against UD."""
    n_tok = upos = feats = uas = las = 0
    for i, j in pairs:
        conv = convert(ndt[i], tables)
        for c, g in zip(conv, ud[j], strict=True):
            n_tok += 1
            upos += c.upos == g.upos
            feats += c.feats == g.feats
            uas += c.head == g.head
            las += c.head == g.head and c.dep == g.dep
    pct = (lambda x: round(100 * x / n_tok, 1)) if n_tok else (lambda x: 0.0)
    return {"sentences": len(pairs), "tokens": n_tok, "upos": pct(upos), "feats": pct(feats),
            "uas": pct(uas), "las": pct(las)}


def to_conllu(sent: Sequence[UdToken], ner: Sequence[str] | None = None) -> str:
    """One sentence as CoNLL-U lines (entities, when given, as ``name=B-PER`` in MISC)."""
    lines = []
    for x, t in enumerate(sent):
        misc = f"name={ner[x]}" if ner is not None else "_"
        lines.append("\t".join([str(t.id), t.form, t.lemma or "_", t.upos, "_", t.feats or "_", str(t.head),
                                t.dep, "_", misc]))
    return "\n".join(lines) + "\n"
