"""The cleanup report: one self-contained HTML page an editor can audit.

Built from the reader's intermediate data (pipeline.read.ocr.Reading: the decoded source, the
cleaned text, the Structure with each article's units and their source lines, the weak
decisions), not from a writer. Article by article, the source lines (numbered) stand beside the
rebuilt blocks, and every change is marked: spaces removed and punctuation converted (a
character diff of each raw line against its cleaned line), lines joined (per paragraph),
headlines moved (from which line, the kind of position, score and margin over the next best
assignment), bylines, bios and subheadings recognised. Low-confidence decisions are listed at
the top with links into the page. Input text is data: everything is html-escaped; no script,
no external resource.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Article, Document
from .read.ocr import Reading
from .report_rows import Row, esc
from .structure.text_forms import canonical
from .terms import terms
from .text import HALF_TO_FULL

SMALL_MARGIN = 0.15
WORDS = terms("zh-Hans")  # the report is for the editors of the source page: Simplified
POSITION_NAMES = {  # model.POSITIONS, relative to the article the headline was given
    "before": "本文署名（或正文）之前",
    "after-byline": "本文署名之后、正文之前",
    "inside": "本文正文中间",
    "after-end": "本文末尾（作者简介）之后",
    "page-end": "版面末尾，与其他标题一起",
    "far": "远离本文",
    "unknown": "未知",
}
RULE_NAMES = {
    "invisible": "删除不可见字符",
    "ideographic_space": "全角空格转换",
    "column_rules": "删除误识的栏线",
    "trailing_space": "删除行尾空格",
    "punctuation": "半角标点转全角",
    "label_dot": "栏目名间隔号复原",
    "stray_stop": "删除误识的句号",
    "despace": "删除多余空格",
    "lines_joined": "合并折行",
    "quotes": "直引号改为中文引号",
}
_SPACE_LIKE = " \u3000\u00a0\t"

CSS = """
body{margin:0;background:#f4f1ea;color:#222;font:15px/1.65 "Noto Sans CJK SC","Noto Serif CJK SC",sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 8px;border-bottom:2px solid #8a6d3b;padding-bottom:4px}
.sub{color:#666;margin:0 0 16px}
table.totals{border-collapse:collapse;margin:8px 0 16px}
table.totals td,table.totals th{border:1px solid #ddd;padding:3px 10px;text-align:left}
table.totals td.n{text-align:right;font-variant-numeric:tabular-nums}
.check{background:#fff7e0;border:1px solid #e6c36a;padding:8px 16px;margin:12px 0}
.check h2{border:0;margin:4px 0}.check li{margin:2px 0}
.ok{background:#eef7ee;border-color:#9c9}
.legend span{margin-right:14px}
.art-facts{margin:6px 0 10px;padding:0;list-style:none;color:#333}
.art-facts li{margin:2px 0}
table.pair{width:100%;border-collapse:collapse;table-layout:fixed}
table.pair th{background:#efe9dc;text-align:left;padding:4px 8px;font-weight:600}
table.pair td{vertical-align:top;border-top:1px solid #e4dccb;padding:6px 8px}
td.src{width:50%;background:#fbfaf7;font-size:13.5px}
td.out{width:50%}
.ln{display:block;white-space:pre-wrap;word-break:break-all}
.no{display:inline-block;min-width:3.2em;color:#999;font-size:12px;text-align:right;margin-right:.6em;
  font-family:"Noto Sans Mono CJK SC",monospace;user-select:none}
.ln:target{background:#ffec99}
.tag{display:inline-block;font-size:12px;border-radius:3px;padding:0 6px;margin-right:6px;color:#fff;background:#777}
.tag.para{background:#5b7aa8}.tag.head{background:#8a6d3b}.tag.title{background:#a33}
.tag.byline{background:#3a8a5a}.tag.bio{background:#6b5aa8}.tag.lead{background:#555}.tag.weak{background:#d08000}
.tag.lost{background:#c00}
.rebuilt{margin:2px 0 0}.rebuilt.h{font-weight:700}.rebuilt.t{font-size:18px;font-weight:700;white-space:pre-line}
mark{border-radius:2px;padding:0 1px}
mark.sp{background:#ffd6d6;color:#c00}
mark.pu{background:#d6ecff;color:#05a}
mark.inv{background:#ffb3b3;color:#900}
mark.ws{background:#eee0ff;color:#639}
span.j{display:inline-block;width:0;height:.8em;border-left:1px dashed #c9a227;margin:0 1px;vertical-align:-1px}
tr.weak td{background:#fff3d6}
tr:target td{outline:2px solid #e6a700}
.note{color:#777;font-size:13px}
"""


# --- the character diff of one raw line against its cleaned line ------------------------


@dataclass
class LineDiff:
    """One source line: its pieces as (kind, raw, clean) with kind "=", "sp", "inv", "pu", "ws"."""

    pieces: list[tuple[str, str, str]]

    def count(self, kind: str) -> int:
        return sum(1 for k, _, _ in self.pieces if k == kind)


def _is_invisible(c: str) -> bool:
    o = ord(c)
    return c in "\u200b\u200c\u200d\u2060\ufeff\u00ad" or o < 32 or 0x7F <= o <= 0x9F


def diff_line(raw: str, clean: str) -> LineDiff:
    """Align raw and cleaned line: cleanup only deletes spaces and invisible characters and
    substitutes marks (half-width to full-width) and spaces (U+3000/NBSP/tab to space)."""
    out: list[tuple[str, str, str]] = []

    def add(kind: str, a: str, b: str) -> None:
        if out and out[-1][0] == kind and kind in ("=", "sp"):
            k, pa, pb = out[-1]
            out[-1] = (k, pa + a, pb + b)
        else:
            out.append((kind, a, b))

    i = j = 0
    while i < len(raw):
        a = raw[i]
        b = clean[j] if j < len(clean) else ""
        if a == b and not (a == " " and _space_deleted(raw, i, clean, j)):
            add("=", a, a)
            j += 1
        elif b and HALF_TO_FULL.get(a) == b:
            add("pu", a, b)
            j += 1
        elif b == " " and a in "\u3000\u00a0\t":
            add("ws", a, b)
            j += 1
        elif a in _SPACE_LIKE:
            add("sp", a, "")
        elif _is_invisible(a) or a in "|｜¦":
            add("inv", a, "")
        else:  # not a change cleanup makes: show the two lines whole
            return LineDiff([("chg", raw, clean)])
        i += 1
    if j != len(clean):
        return LineDiff([("chg", raw, clean)])
    return LineDiff(out)


def _space_deleted(raw: str, i: int, clean: str, j: int) -> bool:
    """A space in raw at i that matches a space in clean at j: kept, unless the whole run of
    spaces in raw is longer than the run in clean (then the extra ones were deleted first)."""
    ra = len(raw[i:]) - len(raw[i:].lstrip(_SPACE_LIKE))
    cb = len(clean[j:]) - len(clean[j:].lstrip(" "))
    return ra > cb


def _src_html(d: LineDiff) -> str:
    parts = []
    for kind, a, b in d.pieces:
        if kind == "=":
            parts.append(esc(a))
        elif kind == "sp":
            shown = a.replace(" ", "␣").replace("\u3000", "□").replace("\u00a0", "⍽").replace("\t", "⇥")
            parts.append(f'<mark class="sp" title="删除空格 {len(a)} 个">{esc(shown)}</mark>')
        elif kind == "inv":
            shown = esc(a) if a in "|｜¦" else f"U+{ord(a):04X}"
            parts.append(f'<mark class="inv" title="删除不可见字符或栏线">{shown}</mark>')
        elif kind == "pu":
            parts.append(f'<mark class="pu" title="{esc(a)} → {esc(b)}">{esc(a)}</mark>')
        elif kind == "ws":
            parts.append(
                f'<mark class="ws" title="U+{ord(a):04X} → 空格">{esc("□" if a == chr(0x3000) else "⍽")}</mark>'
            )
        else:
            parts.append(f'<mark class="chg" title="清理后：{esc(b)}">{esc(a)}</mark>')
    return "".join(parts)


def _out_pieces(d: LineDiff) -> list[tuple[str, str]]:
    """The cleaned line as (char, kind) with kind "pu" for converted marks, "" otherwise."""
    if d.pieces and d.pieces[0][0] == "chg":
        return [(c, "") for c in d.pieces[0][2]]
    out = []
    for kind, _a, b in d.pieces:
        out += [(c, "pu" if kind == "pu" else "") for c in b]
    return out


# --- which source lines each part of the model came from ---------------------------------


def _unit_rows(units: list, role_para: str) -> list[Row]:
    rows = []
    for u in units:
        if not u.text:
            continue
        nos = [ln.no for ln in u.lines]
        role = "head" if u.type == "heading" else role_para
        joins = len(nos) - 1 if role != "head" else 0
        rows.append(Row(role, nos, u.text, [n.message() for n in u.notices], joins))
    return rows


def map_rows(r: Reading) -> tuple[list[Row], dict[int, list[Row]], list[Row]]:
    """Rows for the lead, for each article (in model order) and for what is left over, read
    straight from the structure's claims: every source line is in exactly one row."""
    doc, st = r.doc, r.structure.state
    lines = st.lines
    lead: list[Row] = []
    if doc.lead and st.lead_marker is not None:
        lead.append(Row("lead-marker", [lines[st.lead_marker].no], doc.lead.heading))
        lead += _unit_rows(st.lead_units, "lead")
        if st.lead_signature is not None:
            lead.append(Row("signature", [lines[st.lead_signature].no], doc.lead.signature))
    arts: dict[int, list[Row]] = {}
    for k, (span, a) in enumerate(zip(st.articles, doc.articles, strict=True)):
        rows: list[Row] = []
        if span.head is not None:
            rows.append(Row("title", [lines[i].no for i in span.head.lines], a.title))
        if span.byline is not None:
            at = [lines[k].no for k in (span.byline, *span.stacked)]
            rows.append(Row("byline", at, a.byline or "、".join(a.authors)))
        rows += _unit_rows(span.units, "para")
        if span.bio:
            rows.append(Row("bio", [lines[i].no for i in span.bio], a.bio))
        arts[k] = rows
    rest: list[Row] = []
    run: list[int] = []
    for i, ln in enumerate(lines):
        role = st.role(i)
        if role in (None, "unplaced"):
            run.append(ln.no)
            continue
        if run:
            rest.append(Row("unplaced", run, "".join(lines[j].text for j in range(i - len(run), i))))
            run = []
        if role == "furniture":
            rest.append(Row("unplaced", [ln.no], ln.text))
    if run:
        rest.append(Row("unplaced", run, "".join(ln.text for ln in lines[len(lines) - len(run) :])))
    return lead, arts, rest


# --- the page ---------------------------------------------------------------------------


def _line_html(n: int, d: LineDiff) -> str:
    return f'<span class="ln" id="L{n}"><span class="no">{n}</span>{_src_html(d)}</span>'


def _rebuilt_html(row: Row, diffs: dict[int, LineDiff]) -> str:
    """The model text; where it is the canonical lines concatenated, with the joins and the
    converted marks shown in place."""
    pieces: list[list[tuple[str, str]]] = []
    for n in row.lines:
        line = _out_pieces(diffs[n])
        text = "".join(c for c, _ in line).strip()
        canon = canonical(text)
        # map canonical(text) back onto the cleaned line: canonical only deletes spaces
        out, i = [], 0
        chars = list(line)
        while chars and chars[0][0] == " ":
            chars.pop(0)
        for c in canon:
            while i < len(chars) and chars[i][0] != c:
                i += 1
            out.append(chars[i] if i < len(chars) else (c, ""))
            i += 1
        pieces.append(out)
    joined = "".join(c for p in pieces for c, _ in p)
    if row.role not in ("para", "head", "lead") or joined != row.text.replace("\n", ""):
        return esc(row.text)
    parts = []
    for idx, p in enumerate(pieces):
        if idx and row.role in ("para", "lead"):
            parts.append('<span class="j" title="折行在此合并"></span>')
        for c, kind in p:
            parts.append(f'<mark class="pu">{esc(c)}</mark>' if kind == "pu" else esc(c))
    return "".join(parts)


TAGS = {
    "lead-marker": ("lead", "导读标记"),
    "lead": ("lead", "导读段落"),
    "signature": ("lead", "导读署名"),
    "title": ("title", "标题"),
    "byline": ("byline", "署名"),
    "para": ("para", "段落"),
    "head": ("head", "小标题"),
    "bio": ("bio", "作者简介"),
    "unplaced": ("lost", "未归入"),
    "other": ("lost", "未对应"),
}


def _row_html(row: Row, rid: str, diffs: dict[int, LineDiff]) -> str:
    src = "".join(_line_html(n, diffs[n]) for n in row.lines) or '<span class="note">（未找到对应的源行）</span>'
    cls, name = TAGS[row.role]
    badges = f'<span class="tag {cls}">{name}</span>'
    if row.joins:
        badges += f'<span class="tag joins" data-joins="{row.joins}">{row.joins + 1} 行合为一段</span>'
    for w in row.weak:
        badges += f'<span class="tag weak" title="{esc(w)}">存疑</span>'
    body = _rebuilt_html(row, diffs)
    kind = {"head": " h", "title": " t"}.get(row.role, "")
    weak = ' class="weak"' if row.weak else ""
    return (
        f'<tr id="{rid}"{weak} data-role="{row.role}"><td class="src">{src}</td>'
        f'<td class="out">{badges}<div class="rebuilt{kind}">{body}</div></td></tr>'
    )


def _link(n: dict) -> str:
    """A notice as a link to its line or article (read from the record, not from the message)."""
    msg = esc(n.get("message", ""))
    if n.get("line"):
        return f'<a href="#L{n["line"]}">{msg}</a>'
    if "article" in n.get("detail", {}):
        return f'<a href="#art-{int(n["detail"]["article"]) - 1}">{msg}</a>'
    return msg


def _page_css(r: Reading) -> str:
    if r.view is None:
        return ""
    from .report_page import CSS as PAGE_CSS

    return PAGE_CSS


def _page_view(r: Reading, lead: list[Row], arts: dict[int, list[Row]], rest: list[Row]) -> str:
    from .report_page import page_html, targets

    st = r.structure.state
    furniture = {ln.no for i, ln in enumerate(st.lines) if st.role(i) == "furniture"}
    texts = {ln.no: ln.text for ln in st.lines}
    return page_html(r.view, targets(lead, arts, rest, furniture), texts)


def _checks(r: Reading, arts: dict[int, list[Row]], rest: list[Row]) -> list[str]:
    """What an editor should check first, each a link into the page."""
    doc = r.doc
    checks: list[str] = []
    for n in doc.stats.get("notices", []):
        if n.get("code") != "headline-margin":  # listed below with the article and its margin
            checks.append(_link(n))
    for k, a in enumerate(doc.articles):
        if a.placement and a.placement.margin < SMALL_MARGIN:
            checks.append(
                f'<a href="#art-{k}">第{k + 1}篇标题“{esc(a.title.replace(chr(10), " "))}”领先次优分配仅 '
                f"{a.placement.margin:.2f}（第{a.placement.source_line}行）</a>"
            )
    for row in rest:
        if row.role == "unplaced":
            checks.append(f'<a href="#unplaced">未归入任何文章的文字：“{esc(row.text[:30])}”</a>')
        else:
            checks.append(f'<a href="#L{row.lines[0]}">第{row.lines[0]}行在报告中没有对应的重建文字</a>')
    for k, rows in arts.items():
        for row in rows:
            if not row.lines:
                checks.append(f'<a href="#art-{k}">第{k + 1}篇的{TAGS[row.role][1]}未能对应到源行</a>')
    cin, cout = doc.stats.get("chars_in", 0), doc.stats.get("chars_out", 0)
    if cin != cout:
        checks.append(f'<a href="#totals">字符核对不符：输入 {cin}，输出 {cout}</a>')
    return checks


def _checks_html(checks: list[str]) -> list[str]:
    if not checks:
        return ['<section class="check ok" id="check"><h2>需要核对（0）</h2><p>没有低置信度的判断。</p></section>']
    return [
        f'<section class="check" id="check"><h2>需要核对（{len(checks)}）</h2><ol>',
        *[f'<li class="check-item">{c}</li>' for c in checks],
        "</ol></section>",
    ]


def _totals_html(r: Reading, diffs: dict[int, LineDiff]) -> list[str]:
    """The counts: characters in and out, every cleanup rule's changes, what the reader found."""
    doc = r.doc
    cleanup = doc.stats.get("cleanup", {})
    cin, cout = doc.stats.get("chars_in", 0), doc.stats.get("chars_out", 0)
    totals = [
        ("输入字符（汉字、数字、拉丁字母）", cin, "chars-in"),
        ("输出字符（汉字、数字、拉丁字母）", cout, "chars-out"),
        ("源文字符（全部）", len(r.source), "source-chars"),
        ("重建文字字符（全部）", sum(len(t) for _, t in doc.iter_text()), "model-chars"),
        ("源文非空行", len(diffs), "lines"),
    ]
    totals += [(f"{name}（{key}）", cleanup.get(key, 0), f"fix-{key}") for key, name in RULE_NAMES.items()]
    totals += [
        ("标题归位", doc.stats.get("headlines_placed", 0), "headlines"),
        ("识别署名", doc.stats.get("bylines", 0), "bylines"),
        ("识别作者简介", doc.stats.get("bios", 0), "bios"),
        ("识别小标题", doc.stats.get("subheadings", 0), "subheadings"),
    ]
    marks = {k: sum(d.count(k) for d in diffs.values()) for k in ("sp", "pu", "inv", "ws")}
    return [
        '<h2 id="totals">总计</h2><table class="totals">',
        *[f'<tr data-total="{key}"><th>{esc(name)}</th><td class="n">{n}</td></tr>' for name, n, key in totals],
        "</table>",
        '<p class="legend">图例：<span><mark class="sp">␣</mark> 删除的空格</span>'
        '<span><mark class="pu">,</mark> 转换的标点（左为原样，右为结果）</span>'
        '<span><mark class="inv">U+200B</mark> 删除的不可见字符</span>'
        '<span><span class="j"></span> 折行合并处</span>'
        f'<span class="note">页面标记：空格 {marks["sp"]} 处，标点 {marks["pu"]} 个</span></p>',
    ]


def _facts_html(a: Article, rows: list[Row]) -> list[str]:
    """An article's facts: where its headline came from, its byline, bio, paragraphs."""
    out = []
    if a.placement:
        p = a.placement
        cls = ' class="weak-margin"' if p.margin < SMALL_MARGIN else ""
        out.append(
            f'<li{cls} data-margin="{p.margin:.4f}">标题：自<a href="#L{p.source_line}">第{p.source_line}行</a>'
            f"移入本文（位置：{esc(POSITION_NAMES.get(p.position, p.position))}，得分 {p.score:.2f}，"
            f"领先次优分配 {p.margin:.2f}）</li>"
        )
    elif not a.title:
        out.append('<li class="weak-margin">未找到标题</li>')
    byl = next((row for row in rows if row.role == "byline"), None)
    if a.authors:
        at = f'<a href="#L{byl.lines[0]}">第{byl.lines[0]}行</a>' if byl and byl.lines else "（未找到源行）"
        out.append(f"<li>署名：{esc(a.byline or '、'.join(a.authors))}（{at}）</li>")
    if a.bio:
        out.append(f"<li>作者简介：{esc(a.bio[:40])}</li>")
    heads = sum(1 for b in a.blocks if b.type == "heading")
    paras = [row for row in rows if row.role == "para"]
    out.append(f"<li>段落 {len(paras)} 个，合并折行 {sum(row.joins for row in paras)} 处；小标题 {heads} 个</li>")
    return out


_PAIR_HEAD = '<table class="pair"><thead><tr><th>源文（行号）</th><th>重建</th></tr></thead><tbody>'


def _article_html(k: int, a: Article, rows: list[Row], diffs: dict[int, LineDiff]) -> list[str]:
    title = a.title.replace("\n", " ") or WORDS.no_title
    return [
        f'<section class="article" id="art-{k}"><h2>第{k + 1}篇　{esc(title)}</h2><ul class="art-facts">',
        *_facts_html(a, rows),
        "</ul>" + _PAIR_HEAD,
        *[_row_html(row, f"a{k}-{i}", diffs) for i, row in enumerate(rows)],
        "</tbody></table></section>",
    ]


def report_html(r: Reading) -> str:
    doc: Document = r.doc
    src_lines = r.source.split("\n")
    diffs = {
        i + 1: diff_line(src_lines[i] if i < len(src_lines) else "", c)
        for i, c in enumerate(r.clean.split("\n"))
        if c.strip()
    }
    lead, arts, rest = map_rows(r)
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>清理报告 · {esc(doc.meta.source or '输入')}</title>",
        f"<style>{CSS}{_page_css(r)}</style></head><body><main>",
        f"<h1>清理报告：{esc(doc.meta.source or '输入')}</h1>",
        f'<p class="sub">{"识别来源" if r.view is not None else "编码"} {esc(doc.stats.get("encoding", ""))} · '
        f"导读 {'有' if doc.lead else '无'} · "
        f"文章 {len(doc.articles)} 篇 · 左栏为源文（行号、删除的空格、转换的标点），右栏为重建结果</p>",
        *_checks_html(_checks(r, arts, rest)),
        *_totals_html(r, diffs),
    ]
    if r.view is not None:  # a geometric input: the page with every box coloured by its role
        out.append(_page_view(r, lead, arts, rest))
    if lead:
        out.append(f'<h2 id="lead">{esc(doc.lead.heading if doc.lead else WORDS.lead)}</h2>{_PAIR_HEAD}')
        out += [_row_html(row, f"lead-{i}", diffs) for i, row in enumerate(lead)]
        out.append("</tbody></table>")
    for k, a in enumerate(doc.articles):
        out += _article_html(k, a, arts.get(k, []), diffs)
    if rest:
        out.append(f'<h2 id="unplaced">{esc(WORDS.leftovers)}</h2>{_PAIR_HEAD}')
        out += [_row_html(row, f"rest-{i}", diffs) for i, row in enumerate(rest)]
        out.append("</tbody></table>")
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
