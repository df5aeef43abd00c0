"""A page degrader: clean multi-article text in, an OCR'd newspaper page out, with the truth.

It damages text the way the sample page was damaged, by simulating the typesetter and then
the OCR: each article is set in a column 11-18 em wide (narrower where the text wraps round a
box), first lines indented 2 em, with the line-breaking rules applied (a closing mark never
starts a line, so a line gives a character to the next one and is justified: the OCR then
spreads it out as "一 体 化 ，促 进"); numbers get spaces ("2035 年"); some full-width marks
come out half-width; headlines are displaced before the byline, after the bio, or to the end of
the page; lines are separated by blank lines (or single newlines), and the page may be CRLF or
GB18030. The truth is the Document the page was made from, to score the reader against.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pipeline.model import Article, Block, Document, Lead

OPENING = "“‘（《"
CLOSING = "”’）》、，。；：！？"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌宇浩凯健俊帆帅旭宁龙林欣雪琳晨辰轩思雨佳怡梓涵子博宏海波辉鹏飞峰岩"
INSTITUTES = [
    "湖南省中国特色社会主义理论体系研究中心特约研究员",
    "湖南师范大学马克思主义学院教授",
    "中共湖南省委党校经济学教研部副教授",
    "湖南省社会科学院区域经济研究所所长",
    "湘潭大学法学院博士生导师",
    "长沙理工大学交通运输工程学院院长",
]
FRAGMENTS = [
    "推动高质量发展",
    "深化改革开放",
    "加快数字经济",
    "建设现代化产业体系",
    "促进共同富裕",
    "完善基层治理",
    "提升城市品质",
    "推进乡村振兴",
    "强化科技创新",
    "优化营商环境",
    "保护生态环境",
    "传承红色文化",
    "发展县域经济",
    "培育新质生产力",
    "健全社会保障",
    "扩大有效投资",
]
CONNECT = ["要", "应当", "必须", "同时", "特别是", "总之，", "一方面", "另一方面", "二是", "三是"]
MIDDLE = [
    "坚持以人民为中心的发展思想",
    "统筹发展和安全",
    "把握新发展阶段",
    "贯彻新发展理念",
    "构建新发展格局",
    "发挥市场在资源配置中的决定性作用",
    "更好发挥政府作用",
    "全面落实各项政策",
    "打通堵点难点",
    "形成工作合力",
    "增强发展动力",
    "激发市场主体活力",
    "提高治理效能",
    "推动资源共享",
    "加强统筹协调",
    "破除体制机制障碍",
]
NUMBERIC = ["2035年", "1/7的国土面积", "22%的人口", "69.5公里", "8大产业集群", "GDP增长5.2%", "1,000亿元"]


@dataclass
class Page:
    text: str
    truth: Document
    encoding: str = "utf-8"

    def data(self) -> bytes:
        return self.text.encode(self.encoding)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _sentence(rng: random.Random, topic: list[str]) -> str:
    parts = [rng.choice(topic), rng.choice(MIDDLE)]
    if rng.random() < 0.35:
        parts.append(rng.choice(NUMBERIC))
    if rng.random() < 0.3:
        parts.insert(1, "“" + rng.choice(MIDDLE)[:6] + "”")
    if rng.random() < 0.2:
        parts.append("《" + rng.choice(topic)[:6] + "规划》")
    s = rng.choice(CONNECT).strip()
    body = "，".join(parts)
    body = (s + body) if s and not s.endswith("，") else body
    end = rng.choice(["。"] * 8 + ["！", "？", "——", "……。", "。”"])
    if end == "。”":
        body = "“" + body
    if end == "——":
        body += "，具体如下"
    return body + end


def _paragraph(rng: random.Random, topic: list[str]) -> str:
    return "".join(_sentence(rng, topic) for _ in range(rng.randint(1, 9)))


def _tokens(text: str) -> list[str]:
    """Units that never break: number/Latin runs, —— and ……, single characters."""
    return re.findall(r"[0-9A-Za-z.,%/]+|——|……|.", text)


PUNCT_EM = [1.0]  # width of a CJK mark on this page: newspapers often set them half-width


def _w(tok: str) -> float:
    if tok[0].isascii():
        return 0.5 * len(tok)
    if tok[0] in OPENING + CLOSING + "—…":
        return PUNCT_EM[0] * len(tok)
    return float(len(tok))


def set_lines(text: str, widths, indent: float = 2.0) -> list[tuple[str, bool]]:
    """Break text into column lines like a typesetter; returns (line, justified_by_spacing)."""
    toks = _tokens(text)
    lines: list[tuple[str, bool]] = []
    i = 0
    first = True
    while i < len(toks):
        cap = next(widths) - (indent if first else 0.0)
        cur: list[str] = []
        w = 0.0
        while i < len(toks) and w + _w(toks[i]) <= cap + 1e-9:
            # consecutive marks compress: a mark after a mark takes half an em
            step = (
                PUNCT_EM[0] / 2
                if cur and cur[-1][-1] in CLOSING + OPENING and toks[i] in CLOSING + OPENING
                else _w(toks[i])
            )
            if w + step > cap + 1e-9:
                break
            cur.append(toks[i])
            w += step
            i += 1
        spaced = False
        if i < len(toks) and toks[i] in CLOSING and cur:
            if w + 0.5 <= cap + 0.5 and toks[i] in "，。、；：":
                cur.append(toks[i])  # set the mark half-width at the line end
                i += 1
            else:
                i -= 1  # pull one character down
                cur.pop()
                spaced = True
        while cur and cur[-1] in OPENING:
            cur.pop()
            i -= 1
            spaced = True
        if not cur:  # a token wider than the column: take it anyway
            cur.append(toks[i])
            i += 1
        lines.append(("".join(cur), spaced and i < len(toks)))
        first = False
    return lines


def _spread(line: str) -> str:
    out = ""
    for j, c in enumerate(line):
        out += c
        if c.isascii() and line[j + 1 : j + 2].isascii():
            continue  # a number or word stays together
        if j + 1 < len(line) and c not in OPENING and line[j + 1] not in CLOSING:
            out += " "
    return out


def _ocr_line(line: str, spaced: bool, rng: random.Random) -> str:
    if spaced and len(line) > 4:
        line = _spread(line)
    line = re.sub(
        r"(?<=[\u4e00-\u9fff])([0-9][0-9.,%/]*)(?=[\u4e00-\u9fff])",
        lambda m: f" {m.group(1)} " if rng.random() < 0.7 else m.group(1),
        line,
    )
    if rng.random() < 0.08:
        line = line.replace("，", rng.choice([",", ", "]), 1)
    if rng.random() < 0.01:
        line = line.replace("；", ";", 1)
    return line


def _column(rng: random.Random):
    """Widths of successive lines: a base width, with a narrower stretch round a box."""
    base = rng.randint(11, 18)
    while True:
        if rng.random() < 0.01:
            narrow = base - rng.randint(2, 4)
            for _ in range(rng.randint(5, 10)):
                yield narrow
        yield base


def make_page(seed: int, n_articles: int | None = None, lead: bool | None = None, single_newline: bool = False) -> Page:
    rng = random.Random(seed)
    PUNCT_EM[0] = 0.5 if rng.random() < 0.7 else 1.0
    n_articles = n_articles or rng.randint(2, 6)
    lead = rng.random() < 0.6 if lead is None else lead
    articles: list[Article] = []
    chunks: list[list[str]] = []  # per article: the lines in page order (without displaced headline)
    end_of_page: list[list[str]] = []
    lead_doc = None
    page: list[str] = []
    if lead:
        paras = [_paragraph(rng, rng.sample(FRAGMENTS, 3)) for _ in range(rng.randint(1, 3))]
        lead_doc = Lead("导读", paras)
        page.append("导读")
        for p in paras:
            # As on the sample: a lead paragraph is one long line, sometimes broken once
            # inside a sentence where the OCR split the box.
            cut = [j for j in range(8, len(p) - 8) if p[j - 1] not in "。！？…—" and p[j] not in CLOSING]
            if cut and rng.random() < 0.4:
                j = rng.choice(cut)
                page += [_ocr_line(p[:j], False, rng), _ocr_line(p[j:], False, rng)]
            else:
                page.append(_ocr_line(p, False, rng))
    n_lead = len(page)
    for _k in range(n_articles):
        topic = rng.sample(FRAGMENTS, 3)
        authors = [_name(rng) for _ in range(rng.choice((1, 1, 1, 2)))]
        bio = "作者系" + rng.choice(INSTITUTES)
        blocks: list[Block] = []
        for j in range(rng.randint(2, 7)):
            if j and rng.random() < 0.15:
                # a two-line subheading, or a short numbered one on a single line
                if rng.random() < 0.6:
                    blocks.append(Block("heading", rng.choice(MIDDLE)[:8] + "，" + rng.choice(topic)))
                else:
                    blocks.append(Block("heading", "一二三四五"[j % 5] + "、" + rng.choice(topic)))
            blocks.append(Block("paragraph", _paragraph(rng, topic)))
        t1, t2 = rng.choice(topic), rng.choice([t for t in topic])
        title = f"以{t1}\n{t2}" if rng.random() < 0.7 else f"以{t1}{t2}"
        articles.append(Article(title=title, authors=authors, bio=bio, blocks=blocks))
        widths = _column(rng)
        lines: list[str] = []
        lines.append((" " if rng.random() < 0.5 else "") + " ".join(authors))
        for b in blocks:
            if b.type == "heading" and "、" in b.text[:2]:
                lines.append(b.text)
            elif b.type == "heading":
                half = len(b.text) // 2
                lines.append(b.text[:half] + "\n" + b.text[half:])
            else:
                lines += [_ocr_line(t, s, rng) for t, s in set_lines(b.text, widths)]
        bio_lines = [t for t, _ in set_lines("（" + bio + "）", widths, indent=0)]
        lines += bio_lines
        head = title if "\n" in title else (title if rng.random() < 0.6 else f"以{t1} {t2}")
        if " " in head:
            articles[-1].title = head.replace(" ", "\n")
        where = rng.choice(("before", "after", "end"))
        if where == "before":
            lines.insert(0, head)
        elif where == "after":
            lines.append(head)
        else:
            end_of_page.append([head])
        chunks.append(lines)
    for lines in chunks:
        page += lines
    for h in end_of_page:
        page += h
    # Drawn last so every earlier choice (and so every seed's page) stays as it was: now and
    # then the OCR reads the lead's box after the articles, before or after the last headlines.
    if lead and rng.random() < 0.15:
        block, page = page[:n_lead], page[n_lead:]
        at = len(page) - (len(end_of_page) if rng.random() < 0.5 else 0)
        page = page[:at] + block + page[at:]
    sep = "\n" if single_newline else "\n\n"
    text = sep.join(page) + "\n"
    truth = Document(lead=lead_doc, articles=articles)
    return Page(text, truth)


def variants(page: Page) -> dict[str, bytes]:
    """The same page as CRLF, GB18030, UTF-8 with BOM, UTF-16."""
    return {
        "crlf": page.text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030": page.text.encode("gb18030"),
        "bom": b"\xef\xbb\xbf" + page.text.encode("utf-8"),
        "utf16": page.text.encode("utf-16"),
    }


def boundaries(paragraphs: list[str]) -> set[int]:
    """Paragraph ends as offsets in the joined text (what paragraph-boundary F1 compares)."""
    out, pos = set(), 0
    for p in paragraphs:
        pos += len(p)
        out.add(pos)
    return out


def f1(truth: set[int], got: set[int]) -> tuple[float, float, float]:
    tp = len(truth & got)
    p = tp / len(got) if got else 1.0
    r = tp / len(truth) if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
