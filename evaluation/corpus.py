"""The gold corpus and the pages composed from it.

A page is a seeded choice of real articles from one split, printed under one paper's house
conventions (how bylines and bios are worded, whether a lead note and page furniture appear).
Its gold is a Document in the project's model holding exactly what the page prints: a bio the
house words as 作者系… is 作者系… in the gold too, so the scorer never guesses.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from pipeline.model import Article, Block, Document, Lead

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("tune", "held-out")
# a01-a26 tune the reader; a27-a40 are only ever measured.
HELD_OUT_FROM = 27
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华建国志红文斌宇浩凯健俊帆旭宁欣雪琳晨轩思雨佳怡博宏海波辉鹏飞峰"
WEEKDAYS = "一二三四五六日"
# Decks (副题) the corpus's TUNE articles never print, though theory pages often do: from this
# seed on, a TUNE article may print one under its headline (earlier seeds' pages, their OCR
# cached, stay as they were drawn).
DECK_SEEDS = 61
DECK_SHARE = 0.35
DECKS = (
    "——深入学习贯彻党的二十届四中全会精神",
    "——学习贯彻习近平总书记重要讲话精神",
    "——写在新中国成立七十六周年之际",
    "——从一个县域看高质量发展",
    "——论推进中国式现代化的几个重大关系",
    "——来自基层一线的调研与思考",
    "——把握新发展阶段的时代特征",
    "——以改革创新激发发展内生动力",
    "——坚持和发展新时代“枫桥经验”",
    "——访中国社会科学院学部委员",
    "——“十五五”时期经济社会发展谈",
    "——读《习近平谈治国理政》第五卷",
)


def corpus_dir() -> Path:
    """The shared corpus: $EVAL_CORPUS, else ../shared/corpus next to the clone (or its worktree parent)."""
    env = os.environ.get("EVAL_CORPUS")
    cands = [Path(env)] if env else []
    cands += [ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus", Path("/work/shared/corpus")]
    for c in cands:
        if (c / "articles").is_dir():
            return c
    raise FileNotFoundError("corpus not found: set EVAL_CORPUS to the folder holding articles/aNN.json")


@dataclass(frozen=True)
class Source:
    """One corpus article as the corpus gives it."""

    id: str
    title: str
    authors: tuple[str, ...]
    bio: str
    blocks: tuple[Block, ...]
    date: str
    section: str
    title_roles: tuple[str, ...] = ()  # per title line: kicker | headline | deck

    @property
    def number(self) -> int:
        return int(self.id[1:])

    @property
    def split(self) -> str:
        return "held-out" if self.number >= HELD_OUT_FROM else "tune"


def title_roles(title: str, raw: str | None) -> tuple[str, ...]:
    """Which title lines are kicker (### in the source), headline (#) and deck (##)."""
    lines = title.split("\n")
    if raw:
        roles: list[str] = []
        for ln in raw.splitlines():
            m = re.match(r"^(#{1,3}) (.+)$", ln)
            if m and len(roles) < len(lines):
                role = {"#": "headline", "##": "deck", "###": "kicker"}[m.group(1)]
                roles += [role] * len(re.split(r"\s{2,}", m.group(2).strip()))
        if len(roles) == len(lines):
            return tuple(roles)
    out = ["deck" if t.startswith("——") else "headline" for t in lines]
    heads = [i for i, r in enumerate(out) if r == "headline"]
    for i in heads[:-1]:
        out[i] = "kicker"
    return tuple(out)


@cache
def load_corpus(root: Path | None = None) -> dict[str, Source]:
    root = root or corpus_dir()
    out = {}
    for f in sorted((root / "articles").glob("a*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        blocks = tuple(Block(b["type"], b["text"]) for b in d["blocks"])
        raw_file = root / "raw" / f"{d['id']}.md"
        raw = raw_file.read_text(encoding="utf-8") if raw_file.exists() else None
        roles = title_roles(d["title"], raw)
        out[d["id"]] = Source(
            d["id"], d["title"], tuple(d["authors"]), d["bio"], blocks, d["date"], d["section"], roles
        )
    if not out:
        raise FileNotFoundError(f"no articles in {root / 'articles'}")
    return out


def split_ids(split: str) -> list[str]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    return [k for k, s in load_corpus().items() if s.split == split]


@dataclass
class House:
    """A paper's printing conventions, drawn per page."""

    bio_form: str  # keep | xi | colon | intro  (作者为… / 作者系… / 作者：… / 作者简介：name，…)
    byline_form: str  # plain | padded | square | dot | wen | titled
    lead_marker: str  # "" (no lead) | 导读 | 编者按
    lead_inline: bool  # 编者按：text on one line, not a line of its own
    furniture: bool  # date line, page name and number, editors' credit


@dataclass
class PrintedArticle:
    """What the page prints for one article besides its body blocks."""

    source_id: str
    byline: str  # the byline as printed (bullets, titles, padding)
    bio: str  # the bio as printed, brackets included when the house uses them
    deck: str = ""  # a deck printed under the headline that the corpus does not give (DECKS)

    def source(self) -> Source:
        """The corpus article as this page prints it: its title with the deck under it."""
        src = load_corpus()[self.source_id]
        if not self.deck:
            return src
        roles = src.title_roles or title_roles(src.title, None)
        return replace(src, title=f"{src.title}\n{self.deck}", title_roles=(*roles, "deck"))


@dataclass
class Page:
    id: str
    split: str
    seed: int
    house: House
    gold: Document
    printed: list[PrintedArticle]
    furniture_top: list[str] = field(default_factory=list)
    furniture_bottom: list[str] = field(default_factory=list)
    lead_source: str = ""  # article id the lead paragraphs come from

    @property
    def furniture(self) -> list[str]:
        return self.furniture_top + self.furniture_bottom

    @property
    def article_ids(self) -> list[str]:
        return [p.source_id for p in self.printed]

    def gold_dict(self) -> dict:
        d = self.gold.to_dict()
        d.pop("stats", None)
        d["page"] = {
            "id": self.id,
            "split": self.split,
            "seed": self.seed,
            "articles": self.article_ids,
            "lead_source": self.lead_source,
            "furniture": self.furniture,
            "house": self.house.__dict__,
        }
        return d


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _bio(src: Source, form: str) -> str:
    """The gold bio under the house wording (without outer brackets)."""
    bio = src.bio
    if not bio or form == "keep":
        return bio
    rest = bio.removeprefix("作者为").removeprefix("作者单位：")
    if form == "xi" and bio.startswith("作者为"):
        return "作者系" + rest
    if form == "colon":
        return "作者：" + rest
    if form == "intro":
        return "作者简介：" + "、".join(src.authors) + "，" + rest
    return bio


def _printed_bio(bio: str, form: str) -> str:
    if not bio:
        return ""
    return bio if form == "intro" else "（" + bio + "）"


def _byline(src: Source, form: str, rng: random.Random) -> str:
    names = list(src.authors)
    collective = any(n.startswith("本报") for n in names) or len(names[0]) > 4
    if form == "padded" and not collective:
        return "  ".join(" ".join(n) if len(n) == 2 else n for n in names)
    if form in ("square", "dot"):
        return ("■" if form == "square" else "●") + " " + "  ".join(names)
    if form == "wen":
        return "文/" + " ".join(names)
    if form == "titled" and src.bio.startswith("作者为") and len(names) == 1 and not collective:
        title = src.bio.removeprefix("作者为").split("，")[0]
        if len(title) <= 18:
            return title + " " + names[0]
    return " ".join(names) if rng.random() < 0.7 else "  ".join(names)


def _lead_paragraphs(rng: random.Random, pool: list[str]) -> tuple[str, list[str]]:
    """One or two whole paragraphs of an article not on the page: real text as a lead note."""
    corpus = load_corpus()
    for sid in rng.sample(pool, len(pool)):
        paras = [b.text for b in corpus[sid].blocks if b.type == "paragraph"]
        fits = [i for i, p in enumerate(paras) if 50 <= len(p) <= 260]
        if not fits:
            continue
        i = rng.choice(fits)
        out = [paras[i]]
        if i + 1 < len(paras) and len(paras[i]) + len(paras[i + 1]) <= 420 and rng.random() < 0.4:
            out.append(paras[i + 1])
        return sid, out
    return "", []


def _furniture(rng: random.Random, srcs: list[Source]) -> tuple[list[str], list[str]]:
    s = rng.choice(srcs)
    day = datetime.date.fromisoformat(s.date)
    number, name = s.section.split("-", 1)
    date = f"{day.year}年{day.month}月{day.day}日  星期{WEEKDAYS[day.weekday()]}"
    top = [date, name, f"第{int(number)}版" if rng.random() < 0.5 else number]
    rng.shuffle(top)
    credit = f"责任编辑：{_name(rng)}  {_name(rng)}" if rng.random() < 0.6 else f"本版编辑：{_name(rng)}"
    return top, [credit]


def draw_house(rng: random.Random, lead: bool | None = None) -> House:
    bio_form = rng.choice(["keep", "keep", "xi", "colon", "intro"])
    byline_form = rng.choice(["plain", "plain", "padded", "square", "dot", "wen", "titled"])
    has_lead = rng.random() < 0.4 if lead is None else lead
    marker = rng.choice(["导读", "编者按"]) if has_lead else ""
    return House(bio_form, byline_form, marker, has_lead and rng.random() < 0.3, rng.random() < 0.4)


def compose(split: str, index: int, seed: int = 0, sizes: tuple[int, int] = (2, 6), kind: str = "p") -> Page:
    """Page `index` of a split: the same arguments always give the same page."""
    rng = random.Random(f"{seed}:{split}:{kind}:{index}")
    ids = split_ids(split)
    corpus = load_corpus()
    n = rng.randint(*sizes)
    chosen = rng.sample(ids, min(n, len(ids)))
    house = draw_house(rng)
    srcs = [corpus[i] for i in chosen]
    printed, articles = [], []
    decks = random.Random(f"deck:{seed}:{split}:{kind}:{index}")  # (apart: earlier draws unchanged)
    for s in srcs:
        bio = _bio(s, house.bio_form)
        deck = ""
        if split == "tune" and seed >= DECK_SEEDS and "deck" not in s.title_roles and decks.random() < DECK_SHARE:
            deck = decks.choice(DECKS)
        title = f"{s.title}\n{deck}" if deck else s.title
        articles.append(Article(title=title, authors=list(s.authors), bio=bio, blocks=list(s.blocks)))
        printed.append(
            PrintedArticle(s.id, _byline(s, house.byline_form, rng), _printed_bio(bio, house.bio_form), deck)
        )
    lead, lead_source = None, ""
    if house.lead_marker:
        lead_source, paras = _lead_paragraphs(rng, [i for i in ids if i not in chosen])
        if paras:
            lead = Lead(house.lead_marker, paras)
        else:
            house.lead_marker = ""
    top, bottom = _furniture(rng, srcs) if house.furniture else ([], [])
    page_id = f"{'T' if split == 'tune' else 'H'}{kind}{index:03d}"
    return Page(page_id, split, seed, house, Document(lead=lead, articles=articles), printed, top, bottom, lead_source)


def pages(split: str, count: int, seed: int = 0, sizes: tuple[int, int] = (2, 6), kind: str = "p") -> list[Page]:
    return [compose(split, i, seed, sizes, kind) for i in range(count)]
