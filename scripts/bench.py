"""Benchmark (make bench): per-stage time and memory for the sample, whole builds, scaling.

Not a test: it prints a table and writes docs/BENCHMARKS.md. Targets (issues 2-4, 7) are
shown beside the numbers so a regression is visible, but nothing here fails a build.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pipeline import clean  # noqa: E402
from pipeline.build import BuildConfig, build_one, writer  # noqa: E402
from pipeline.read.decode import decode  # noqa: E402
from pipeline.render.shared import RenderOptions  # noqa: E402
from pipeline.structure.build import build as structure  # noqa: E402
from pipeline.style import load_style  # noqa: E402

SAMPLE = ROOT / "seeds" / "000_452001692e17eedf.txt"


def timed(fn, repeat: int = 5):
    best = float("inf")
    cpu = 0.0
    out = None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
        cpu = time.process_time() - c0
    return best, cpu, out


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    rows: list[tuple[str, float, float, str]] = []
    data = SAMPLE.read_bytes()
    t, c, dec = timed(lambda: decode(data))
    rows.append(("read (decode)", t, c, ""))
    t, c, res = timed(lambda: clean.run(dec.text))
    rows.append(("cleanup", t, c, ""))
    t, c, st = timed(lambda: structure(res.text, dec.text))
    rows.append(("structure", t, c, "cleanup+structure target < 100 ms"))
    doc = st.doc
    style = load_style()
    from pipeline import metadata

    metadata.apply(doc, {}, epoch=0)
    for fmt, target in (("json", ""), ("md", ""), ("docx", "<= 0.3 s"), ("epub", "<= 0.3 s"), ("pdf", "<= 1.0 s warm")):
        try:
            w = writer(fmt)
            t, c, out = timed(lambda w=w: w.render(doc, style, RenderOptions(epoch=0)), repeat=3)
            rows.append((f"write {fmt}", t, c, f"{target}; {len(out) / 1e6:.2f} MB"))
        except Exception as e:  # a writer not built yet is reported, not fatal
            rows.append((f"write {fmt}", float("nan"), float("nan"), f"unavailable: {e}"))
    try:
        from pipeline.hant import to_hant

        t, c, _ = timed(lambda: to_hant(doc))
        rows.append(("zh-Hant conversion", t, c, ""))
    except Exception as e:
        rows.append(("zh-Hant conversion", float("nan"), float("nan"), str(e)))

    # Throughput of cleanup + structure on a large generated page (linearity check).
    from degrade import make_page

    big = "\n\n".join(make_page(s).text for s in range(60))
    mb = len(big.encode()) / 1e6
    t, c, _ = timed(lambda: structure(clean.run(big).text, big, force=True), repeat=1)
    rows.append((f"cleanup+structure {mb:.1f} MB", t, c, f"{mb / t:.2f} MB/s (target >= 2 MB/s)"))

    with tempfile.TemporaryDirectory() as tmp:
        cfg = BuildConfig(("pdf", "docx", "epub"), ("zh-Hans", "zh-Hant"), None, Path(tmp))
        t0 = time.perf_counter()
        r = build_one(SAMPLE, cfg)
        rows.append(("all six editions (warm)", time.perf_counter() - t0, float("nan"), r.error or ""))

    lines = ["| stage | wall s | cpu s | notes |", "|---|---:|---:|---|"]
    for name, t, c, note in rows:
        lines.append(f"| {name} | {t:.4f} | {c:.4f} | {note} |")
    lines.append(f"\npeak RSS of the benchmark process: {rss_mb():.0f} MB")
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    text = (
        f"# Benchmarks\n\nMachine: {os.cpu_count()} cores; commit {head}. Run with `make bench`.\n\n"
        + "\n".join(lines)
        + "\n"
    )
    print(text)
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "BENCHMARKS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
