"""List every place OpenCC and MediaWiki's conversion tables disagree on a corpus.

A second opinion for the Traditional editions: each text of each article (title, authors, bio,
blocks) goes through OpenCC (s2tw, s2hk: what pipeline/hant.py uses) and through MediaWiki's
zh-tw / zh-hk tables (PyPI zhconv-rs, a dev/test-only tool), and every differing span is listed
once with its count, an example in context and whether our correction list
(pipeline/data/hant_corrections.tsv) already settles it. Reviewing the list is the human part:
the entries where OpenCC is wrong become tested corrections; vocabulary swaps MediaWiki makes
(軟件→軟體) are out of scope by design (we convert characters, not vocabulary).

    .venv/bin/python scripts/hant_review.py [CORPUS_DIR_OR_JSON ...] [--profile s2tw|s2hk] [--all]

Default corpus: ../shared/corpus/articles (beside the repository). Output: a TSV on stdout.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.hant import apply_corrections, opencc_convert, to_corner_quotes  # noqa: E402

MEDIAWIKI = {"s2tw": "zh-tw", "s2hk": "zh-hk"}
CONTEXT = 4


def corpus_texts(paths: list[Path]) -> list[tuple[str, str]]:
    """(where, text) for every text field of every article JSON under the given paths."""
    files: list[Path] = []
    for p in paths:
        files += sorted(p.glob("*.json")) if p.is_dir() else [p]
    out = []
    for f in files:
        a = json.loads(f.read_text(encoding="utf-8"))
        out.append((f"{f.stem}:title", a.get("title", "")))
        out += [(f"{f.stem}:author", n) for n in a.get("authors", [])]
        out.append((f"{f.stem}:bio", a.get("bio", "")))
        out += [(f"{f.stem}:block{i}", b["text"]) for i, b in enumerate(a.get("blocks", []))]
    return [(w, t) for w, t in out if t]


def disagreements(src: str, ours: str, theirs: str) -> list[tuple[str, str, str, str]]:
    """(source span, ours, theirs, source context) for each span where the two conversions differ."""
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        # both converters keep the length of a character conversion: the source span is ours' span
        s1, s2 = (i1, i2) if len(ours) == len(src) else (i1, min(i2, len(src)))
        ctx = src[max(0, s1 - CONTEXT) : s1] + "[" + src[s1:s2] + "]" + src[s2 : s2 + CONTEXT]
        out.append((src[s1:s2], ours[i1:i2], theirs[j1:j2], ctx))
    return out


def review(texts: list[tuple[str, str]], profile: str) -> list[dict]:
    import zhconv_rs

    rows: dict[tuple[str, str, str], dict] = {}
    counts: Counter = Counter()
    where = defaultdict(list)
    for w, text in texts:
        # quotes are not a character question: both sides get our corner quotes (「」『』)
        plain = to_corner_quotes(opencc_convert(text, profile))
        theirs = to_corner_quotes(zhconv_rs.zhconv(text, MEDIAWIKI[profile]))
        if plain == theirs:
            continue
        scope = "name" if w.endswith(":author") else "text"
        corrected = to_corner_quotes(apply_corrections(opencc_convert(text, profile), profile, scope))
        left = {(d[0], d[2]) for d in disagreements(text, corrected, theirs)}
        for span, ours, other, ctx in disagreements(text, plain, theirs):
            key = (span, ours, other)
            counts[key] += 1
            where[key].append(w)
            row = rows.setdefault(key, {"source": span, "opencc": ours, "mediawiki": other, "context": ctx})
            row["settled"] = row.get("settled", True) and (span, other) not in left
    out = []
    for key, row in rows.items():
        out.append({**row, "count": counts[key], "where": ",".join(sorted(set(where[key]))[:3])})
    return sorted(out, key=lambda r: (-r["count"], r["source"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, help="article JSON files or folders")
    ap.add_argument("--profile", choices=sorted(MEDIAWIKI), action="append", help="default: both")
    ap.add_argument("--all", action="store_true", help="also list what our corrections already settle")
    args = ap.parse_args(argv)
    paths = args.corpus or [
        ROOT.parent.parent / "shared" / "corpus" / "articles",
        ROOT.parent / "shared" / "corpus" / "articles",
    ]
    paths = [p for p in paths if p.exists()][:1] if not args.corpus else paths
    if not paths:
        print("error: no corpus found; give the folder of article JSON files", file=sys.stderr)
        return 2
    texts = corpus_texts(paths)
    print("profile\tcount\tsource\topencc\tmediawiki\tsettled\tcontext\twhere")
    total = 0
    for profile in args.profile or sorted(MEDIAWIKI):
        rows = review(texts, profile)
        total += len(rows)
        for r in rows:
            if r["settled"] and not args.all:
                continue
            print(
                f"{profile}\t{r['count']}\t{r['source']}\t{r['opencc']}\t{r['mediawiki']}\t"
                f"{'yes' if r['settled'] else 'no'}\t{r['context']}\t{r['where']}"
            )
    print(f"{len(texts)} texts, {total} distinct disagreements", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
