"""Generate a synthetic news corpus (Swedish and English) for ingest/network tests and benchmarks.

    python bench/make_corpus.py OUTDIR [--docs 240] [--seed 1] [--langs sv,en]

Documents are composed from sentence templates ("Ryssland skickade vapen till LNA.", "Turkey attacked
the LNA on Monday.") with actors of the knowledge base, in three made-up conflict systems whose
coalitions are planted: cooperative sentences inside a coalition, conflictual ones across. Some
happenings are reported by several outlets in different words (and languages) on neighbouring
days, for de-duplication. The corpus mixes every input format of `konflikt ingest`: plain text,
Markdown, HTML, one JSONL file and one RSS feed, plus an exact duplicate and a few bad inputs when
`--bad` is given. `OUTDIR.manifest.json` (beside OUTDIR, so that ingesting OUTDIR does not meet it) records the
planted coalitions and what was written.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

SCENARIOS: dict[str, list[list[str]]] = {
    "libya": [["RUS", "ARE", "EGY", "lna"], ["TUR", "gna", "QAT"]],
    "gaza": [["ISR", "USA"], ["hamas", "hezbollah", "IRN"]],
    "tigray": [["ETH", "ERI"], ["tplf"]],
}

# Surface forms; several per actor (people roll up: Haftar -> LNA, Erdoğan -> Turkey).
NAMES: dict[str, dict[str, list[str]]] = {
    "RUS": {"sv": ["Ryssland"], "en": ["Russia"]},
    "ARE": {"sv": ["Förenade Arabemiraten"], "en": ["The United Arab Emirates"]},
    "EGY": {"sv": ["Egypten"], "en": ["Egypt"]},
    "lna": {"sv": ["LNA", "Khalifa Haftar"], "en": ["The LNA", "Khalifa Haftar"]},
    "TUR": {"sv": ["Turkiet"], "en": ["Turkey"]},
    "gna": {"sv": ["GNA"], "en": ["The GNA"]},
    "QAT": {"sv": ["Qatar"], "en": ["Qatar"]},
    "ISR": {"sv": ["Israel"], "en": ["Israel"]},
    "USA": {"sv": ["USA"], "en": ["The United States"]},
    "hamas": {"sv": ["Hamas"], "en": ["Hamas"]},
    "hezbollah": {"sv": ["Hizbollah"], "en": ["Hezbollah"]},
    "IRN": {"sv": ["Iran"], "en": ["Iran"]},
    "ETH": {"sv": ["Etiopien"], "en": ["Ethiopia"]},
    "ERI": {"sv": ["Eritrea"], "en": ["Eritrea"]},
    "tplf": {"sv": ["TPLF"], "en": ["The TPLF"]},
}

DAYS = {"sv": ["måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen"],
        "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}

# PLOVER type -> templates per language; {a} actor, {b} recipient, {day} a weekday.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "AID": {"sv": ["{a} skickade vapen till {b}.", "{a} skickade trupper till {b}."],
            "en": ["{a} sent weapons to {b}.", "{a} sent troops to {b}."]},
    "SUPPORT": {"sv": ["{a} stödjer {b}."], "en": ["{a} supports {b}."]},
    "ASSAULT": {"sv": ["{a} attackerade {b} på {day}.", "{a} bombade {b}."],
                "en": ["{a} attacked {b} on {day}.", "{a} bombed {b}."]},
    "ACCUSE": {"sv": ["{a} fördömde {b}.", "{a} kritiserade {b}.", "{a} anklagade {b} för attacken."],
               "en": ["{a} condemned {b}.", "{a} criticised {b}.", "{a} accused {b} of the attack."]},
    "THREATEN": {"sv": ["{a} hotade {b} med sanktioner."], "en": ["{a} threatened {b} with sanctions."]},
}
COOPERATIVE = ("AID", "SUPPORT")
CONFLICTUAL = ("ASSAULT", "ACCUSE", "THREATEN")
FILLER = {"sv": ["Läget i regionen är fortsatt spänt.", "Flera civila har flytt från området.",
                 "Förhandlingarna väntas fortsätta nästa vecka."],
          "en": ["The situation in the region remains tense.", "Many civilians have fled the area.",
                 "Talks are expected to continue next week."]}
OUTLETS = {"sv": ["SVT", "DN", "SvD", "Sydsvenskan"], "en": ["Reuters", "AP", "BBC", "Al Jazeera"]}


def _sentence(rng: random.Random, etype: str, a: str, b: str, lang: str) -> str:
    tpl = rng.choice(TEMPLATES[etype][lang])
    s = tpl.format(a=rng.choice(NAMES[a][lang]), b=rng.choice(NAMES[b][lang]), day=rng.choice(DAYS[lang]))
    if not s.startswith(NAMES[a][lang][0]):  # "The LNA" mid-sentence is "the LNA"
        s = s.replace(" The ", " the ")
    return s


def _pair(rng: random.Random, camps: list[list[str]], cooperative: bool) -> tuple[str, str]:
    if cooperative:
        camp = rng.choice([c for c in camps if len(c) > 1])
        a, b = rng.sample(camp, 2)
    else:
        c1, c2 = rng.sample(camps, 2)
        a, b = rng.choice(c1), rng.choice(c2)
    return a, b


def make_corpus(out: Path, docs: int = 240, seed: int = 1, langs: tuple[str, ...] = ("sv", "en"),
                bad: bool = False) -> dict:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2019, 6, 1)
    records: list[dict] = []  # {lang, date, outlet, sentences, expected: [(type, a, b)]}

    # Stories: one happening reported by 2-3 outlets, possibly in both languages, within a day.
    n_stories = docs // 8
    for _ in range(n_stories):
        scen = rng.choice(list(SCENARIOS))
        coop = rng.random() < 0.5
        etype = rng.choice(COOPERATIVE if coop else CONFLICTUAL)
        a, b = _pair(rng, SCENARIOS[scen], coop)
        day = start + timedelta(days=rng.randrange(365))
        for k in range(rng.randint(2, 3)):
            lang = rng.choice(langs)
            sents = [_sentence(rng, etype, a, b, lang), rng.choice(FILLER[lang])]
            records.append({"lang": lang, "date": (day + timedelta(days=k % 2)).isoformat(),
                            "outlet": OUTLETS[lang][k % len(OUTLETS[lang])], "sentences": sents,
                            "expected": [(etype, a, b)], "scenario": scen})
    while len(records) < docs:
        scen = rng.choice(list(SCENARIOS))
        lang = rng.choice(langs) if rng.random() < 0.4 else langs[0]
        sents, expected = [], []
        for _ in range(rng.randint(2, 4)):
            coop = rng.random() < 0.5
            etype = rng.choice(COOPERATIVE if coop else CONFLICTUAL)
            a, b = _pair(rng, SCENARIOS[scen], coop)
            sents.append(_sentence(rng, etype, a, b, lang))
            expected.append((etype, a, b))
        if rng.random() < 0.5:
            sents.insert(rng.randrange(len(sents) + 1), rng.choice(FILLER[lang]))
        records.append({"lang": lang, "date": (start + timedelta(days=rng.randrange(365))).isoformat(),
                        "outlet": rng.choice(OUTLETS[lang]), "sentences": sents, "expected": expected,
                        "scenario": scen})
    rng.shuffle(records)
    for i, r in enumerate(records):  # every document distinct (templates repeat): a numbered tag line
        r["sentences"].append(("Notis nr {i}." if r["lang"] == "sv" else "Item no. {i}.").format(i=i + 1))

    # Spread over the formats: 30% JSONL, 15% RSS, the rest files (txt, md, html).
    n_jsonl, n_rss = int(len(records) * 0.3), int(len(records) * 0.15)
    written: dict[str, int] = {"jsonl": 0, "rss": 0, "txt": 0, "md": 0, "html": 0}
    with (out / "wire.jsonl").open("w", encoding="utf-8") as f:
        for i, r in enumerate(records[:n_jsonl]):
            f.write(json.dumps({"id": f"w{i}", "text": " ".join(r["sentences"]), "date": r["date"],
                                "source": r["outlet"], "lang": r["lang"], "title": f"Notis {i}"},
                               ensure_ascii=False) + "\n")
            written["jsonl"] += 1
    items = []
    for i, r in enumerate(records[n_jsonl:n_jsonl + n_rss]):
        d = date.fromisoformat(r["date"])
        items.append(
            f"<item><title>{escape(r['sentences'][0])}</title><link>https://news.example/{i}</link>"
            f"<guid>rss{i}</guid><pubDate>{d.strftime('%a, %d %b %Y')} 08:00:00 +0000</pubDate>"
            f"<description>{escape('<p>' + ' '.join(r['sentences'][1:]) + '</p>')}</description></item>")
        written["rss"] += 1
    (out / "feed.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Example News</title>'
        + "\n".join(items) + "</channel></rss>\n", encoding="utf-8")
    for i, r in enumerate(records[n_jsonl + n_rss:]):
        sub = out / r["lang"] / r["scenario"]
        sub.mkdir(parents=True, exist_ok=True)
        kind = ("txt", "txt", "md", "html")[i % 4]
        if kind == "txt":
            (sub / f"{i:04d}.txt").write_text("\n\n".join(r["sentences"]) + "\n", encoding="utf-8")
        elif kind == "md":
            (sub / f"{i:04d}.md").write_text(f"# Nyheter {i}\n\n" + "\n\n".join(f"*{s}*" if j == 0 else s
                                             for j, s in enumerate(r["sentences"])) + "\n", encoding="utf-8")
        else:
            paras = "".join(f"<p>{escape(s)}</p>" for s in r["sentences"])
            (sub / f"{i:04d}.html").write_text(
                f"<!DOCTYPE html><html lang=\"{r['lang']}\"><head><title>Artikel {i}</title>"
                f"<meta property=\"article:published_time\" content=\"{r['date']}T09:00:00Z\"></head>"
                f"<body><nav><a href=\"/\">Hem</a> <a href=\"/u\">Utrikes</a></nav><article><h1>Artikel {i}"
                f"</h1>{paras}</article><footer>Kontakt | Cookies</footer></body></html>\n", encoding="utf-8")
        written[kind] += 1
    # an exact duplicate of the first text file
    first_txt = next(iter(sorted(out.rglob("*.txt"))), None)
    if first_txt is not None:
        (out / "duplicate.txt").write_bytes(first_txt.read_bytes())
        written["duplicate"] = 1
    if bad:
        (out / "bad").mkdir(exist_ok=True)
        (out / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 40)
        (out / "bad" / "broken.jsonl").write_text('{"text": "Ryssland attackerade Ukraina."}\n{broken\n',
                                                  encoding="utf-8")
        written["bad"] = 2
    manifest = {"documents": len(records), "seed": seed, "langs": list(langs), "scenarios": SCENARIOS,
                "written": written, "stories": n_stories,
                "expected_events": sum(len(r["expected"]) for r in records)}
    out.with_name(out.name + ".manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=240)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--langs", default="sv,en")
    ap.add_argument("--bad", action="store_true", help="Add a binary file and a malformed JSONL line.")
    a = ap.parse_args()
    m = make_corpus(a.out, a.docs, a.seed, tuple(a.langs.split(",")), a.bad)
    print(json.dumps(m["written"]))


if __name__ == "__main__":
    main()
