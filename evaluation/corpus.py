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
# Other papers' habits the People's Daily pages of the corpus never print (Guangming, Economic
# Daily, Study Times, provincial dailies): from this seed on a page may keep some of them
# (House.habits), drawn apart so that every earlier draw, and earlier seeds' pages, stay as they were.
HABIT_SEEDS = 80
HABITS = ("named-note", "funding", "bar-byline", "running-head", "lead-words", "group-byline")
# From this seed on a text page may also print photos' captions and credits (图为…。 / 新华社记者
# 张三摄), read by the OCR in the column's flow; drawn apart, so seeds 80-89 stay as drawn.
CAPTION_SEEDS = 90
# From this seed on a page image may too: the photo across its column, the caption under it in
# smaller type (evaluation/render.py); earlier image seeds draw a grey box and no caption.
CAPTION_IMAGE_SEEDS = 95
SHARE = {"p": 0.5, "i": 0.9}  # of pages that print photos with captions (the image bench has 8 a split)
PLACES = (
    "浙江省安吉县余村",
    "贵州省黔东南苗族侗族自治州",
    "江苏省苏州市工业园区",
    "四川省成都市郫都区",
    "湖南省长沙市岳麓区",
)
SCENES = (
    "村民在田间查看水稻长势",
    "游客在古镇街巷参观游览",
    "工人在智能生产线上忙碌",
    "志愿者为社区老人提供服务",
    "科研人员在实验室开展研究",
)
FUNDS = (
    "国家社科基金重大项目“新时代科技创新体制机制研究”（23ZDA001）",
    "教育部人文社会科学研究规划基金项目“乡村振兴中的基层治理”（24YJA710012）",
    "国家社科基金一般项目“中华优秀传统文化创造性转化研究”（22BKS105）",
    "中国特色社会主义理论体系研究中心项目",
)
GROUPS = (
    "中国社会科学院马克思主义研究院课题组",
    "国务院发展研究中心宏观经济研究部课题组",
    "中共中央党校（国家行政学院）经济学教研部课题组",
    "清华大学国情研究院调研组",
)
PAPERS = ("光明日报", "经济日报", "学习时报", "解放日报", "湖南日报", "南方日报")
PAGE_NAMES = ("理论·实践", "理论周刊", "思想理论", "学术", "智库", "理论·评论")
LEAD_WORDS = ("开栏的话", "本期导读", "导语", "编者的话")


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
    habits: tuple[str, ...] = ()  # other papers' habits (HABITS), from HABIT_SEEDS on


@dataclass
class PrintedArticle:
    """What the page prints for one article besides its body blocks."""

    source_id: str
    byline: str  # the byline as printed (bullets, titles, padding)
    bio: str  # the bio as printed, brackets included when the house uses them
    deck: str = ""  # a deck printed under the headline that the corpus does not give (DECKS)
    caption: list[str] = field(default_factory=list)  # a photo's caption and credit lines (HABITS)

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
        """Every line the page prints outside its articles and lead (captions included)."""
        return self.furniture_top + self.furniture_bottom + [t for p in self.printed for t in p.caption]

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
            "house": {k: v for k, v in self.house.__dict__.items() if k != "habits" or v},
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
    if form == "bar":
        return rng.choice(["文 | ", "文丨", "文｜"]) + " ".join(names)
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


def _draw_habits(rng: random.Random, seed: int) -> tuple[str, ...]:
    if seed < HABIT_SEEDS:
        return ()
    return tuple(h for h in HABITS if rng.random() < 0.45)


def _habit_article(src: Source, byline: str, bio: str, habits: tuple[str, ...], rng: random.Random):
    """An article's byline, authors and bio as a page with other papers' habits prints them."""
    authors = list(src.authors)
    collective = any(n.startswith("本报") for n in authors) or len(authors[0]) > 4
    if "group-byline" in habits and not src.bio and not collective and rng.random() < 0.5:
        group = rng.choice(GROUPS)  # a research group signs the piece: the group is its author
        mark = byline[:2] if byline.startswith(("●", "■", "文/")) else ""
        # where every article closes on a note, the group's names its writers (执笔：…)
        note = "执笔：" + "、".join(_name(rng) for _ in range(rng.randint(1, 3))) if "named-note" in habits else ""
        return mark + group, [group], note
    if "named-note" in habits and not collective:
        # Guangming's wording: no byline, the note at the end names every author
        rest = src.bio.removeprefix("作者为").removeprefix("作者单位：") or "本报记者"
        if len(authors) > 1:
            rest = "均来自" + rest
        elif rng.random() < 0.6 or not src.bio:
            rest = "系" + rest
        bio, byline = f"作者：{'、'.join(authors)}，{rest}", ""
    if "funding" in habits and bio and not bio.startswith("作者简介") and rng.random() < 0.5:
        bio += "；本文系" + rng.choice(FUNDS) + "阶段性成果"
    return byline, authors, bio


def _caption(rng: random.Random) -> list[str]:
    """A photo's caption (图为…。) and its credit, on a line of its own or closing the caption."""
    name = _name(rng)
    text = f"图为{rng.choice(PLACES)}，{rng.choice(SCENES)}。"
    form = rng.choice(["agency", "own", "inline"])
    if form == "inline":
        return [f"{text}（{name}摄）"]
    return [text, f"新华社记者  {name}摄" if form == "agency" else f"{name}  摄"]


def _running_head(rng: random.Random, srcs: list[Source]) -> tuple[list[str], list[str]]:
    """A running head of several parts on one line each (paper and date; page name and number)."""
    day = datetime.date.fromisoformat(rng.choice(srcs).date)
    date = f"{day.year}年{day.month}月{day.day}日  星期{WEEKDAYS[day.weekday()]}"
    top = [f"{rng.choice(PAPERS)}  {date}", f"{rng.choice(PAGE_NAMES)}  {rng.randint(2, 16):02d}版"]
    rng.shuffle(top)
    return top, [f"本版责编：{_name(rng)}  版式设计：{_name(rng)}"]


def compose(split: str, index: int, seed: int = 0, sizes: tuple[int, int] = (2, 6), kind: str = "p") -> Page:
    """Page `index` of a split: the same arguments always give the same page."""
    rng = random.Random(f"{seed}:{split}:{kind}:{index}")
    ids = split_ids(split)
    corpus = load_corpus()
    n = rng.randint(*sizes)
    chosen = rng.sample(ids, min(n, len(ids)))
    house = draw_house(rng)
    habit_rng = random.Random(f"habit:{seed}:{split}:{kind}:{index}")
    house.habits = _draw_habits(habit_rng, seed)
    captions = random.Random(f"caption:{seed}:{split}:{kind}:{index}")
    if seed >= (CAPTION_SEEDS if kind == "p" else CAPTION_IMAGE_SEEDS) and captions.random() < SHARE[kind]:
        house.habits += ("photo-caption",)
    if "bar-byline" in house.habits and house.byline_form in ("plain", "padded"):
        house.byline_form = "bar"
    srcs = [corpus[i] for i in chosen]
    printed, articles = [], []
    decks = random.Random(f"deck:{seed}:{split}:{kind}:{index}")  # (apart: earlier draws unchanged)
    for s in srcs:
        bio = _bio(s, house.bio_form)
        deck = ""
        if split == "tune" and seed >= DECK_SEEDS and "deck" not in s.title_roles and decks.random() < DECK_SHARE:
            deck = decks.choice(DECKS)
        title = f"{s.title}\n{deck}" if deck else s.title
        byline, authors = _byline(s, house.byline_form, rng), list(s.authors)
        if house.habits:
            byline, authors, bio = _habit_article(s, byline, bio, house.habits, habit_rng)
        articles.append(Article(title=title, authors=authors, bio=bio, blocks=list(s.blocks)))
        caption = _caption(captions) if "photo-caption" in house.habits and captions.random() < 0.6 else []
        printed.append(PrintedArticle(s.id, byline, _printed_bio(bio, house.bio_form), deck, caption))
    lead, lead_source = None, ""
    if house.lead_marker:
        lead_source, paras = _lead_paragraphs(rng, [i for i in ids if i not in chosen])
        if paras:
            marker = house.lead_marker
            if "lead-words" in house.habits:
                marker = house.lead_marker = habit_rng.choice(LEAD_WORDS)
                if habit_rng.random() < 0.5:
                    paras.append("——编者")  # the lead's signature (the model keeps it as its last paragraph)
            lead = Lead(marker, paras)
        else:
            house.lead_marker = ""
    top, bottom = _furniture(rng, srcs) if house.furniture else ([], [])
    if "running-head" in house.habits:
        top, bottom = _running_head(habit_rng, srcs)
    page_id = f"{'T' if split == 'tune' else 'H'}{kind}{index:03d}"
    return Page(page_id, split, seed, house, Document(lead=lead, articles=articles), printed, top, bottom, lead_source)


def pages(split: str, count: int, seed: int = 0, sizes: tuple[int, int] = (2, 6), kind: str = "p") -> list[Page]:
    return [compose(split, i, seed, sizes, kind) for i in range(count)]
