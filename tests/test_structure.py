"""The reader on the sample page and on many generated OCR-like pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE
from degrade import boundaries, f1, make_page, variants

from pipeline.errors import AccountingError
from pipeline.model import Document
from pipeline.read.ocr import read_bytes, read_path
from pipeline.structure import check_accounting
from pipeline.text import is_cjk


@pytest.fixture(scope="module")
def sample() -> Document:
    return read_path(SAMPLE).doc


def test_sample_lead_has_its_three_paragraphs(sample):
    assert sample.lead is not None
    assert sample.lead.heading == "导读"
    assert len(sample.lead.paragraphs) == 3


EXPECTED = [
    (["曹威伟"], "推进城市群都市圈建设的“三个对接”\n完善城镇化空间布局"),
    (["郑平"], "以产业融合\n消融长株潭一体化壁垒"),
    (["刘先根"], "以城市更新推进长株潭都市圈内涵式高质量发展"),
    (["陶银球", "戴姣"], "充分发挥法治引领作用\n加快长株潭营商环境一体化建设"),
    (["孙雄辉"], "以高质量人才合作\n助推长株潭城市群建设"),
]


def test_sample_articles_in_body_order_with_their_headlines(sample):
    assert [(a.authors, a.title) for a in sample.articles] == EXPECTED


def test_sample_every_article_has_its_bio(sample):
    for a in sample.articles:
        assert a.bio.startswith("作者系") and a.bio.endswith("研究员")
        assert "（" not in a.bio and "）" not in a.bio


def test_sample_first_article_has_three_subheadings(sample):
    heads = [b.text for b in sample.articles[0].blocks if b.type == "heading"]
    assert heads == [
        "对接新发展格局，以全面开放完善城镇化空间布局",
        "对接全域发展，以结构优化完善城镇化空间布局",
        "对接乡村振兴，以城乡融合完善城镇化空间布局",
    ]


def test_sample_text_is_canonical(sample):
    for _, text in sample.iter_text():
        for line in text.split("\n"):
            assert not re.search(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff0-9])", line), line
            assert not re.search(r"(?<=[0-9]) +(?=[\u4e00-\u9fff])", line), line
            for m in re.finditer(r"[,;:?!()]", line):
                near = line[max(0, m.start() - 1) : m.end() + 1]
                assert not any(is_cjk(c) for c in near), line


def test_sample_paragraphs_start_where_the_print_indents(sample):
    art = sample.articles[3]
    starts = [b.text[:8] for b in art.blocks if b.type == "paragraph"]
    assert starts[1:] == [
        "好的营商环境就是",
        "用法治平等保护市",
        "用法治提升市场监",
        "用法治提升政务服",
        "用法治优化区域创",
        "用法治促进要素市",
    ]


def test_sample_accounting_holds(sample):
    assert sample.stats["chars_in"] == sample.stats["chars_out"] > 7000


def test_accounting_fails_loudly_on_a_lost_character(sample):
    text = SAMPLE.read_text(encoding="utf-8")
    broken = Document.from_dict(sample.to_dict())
    broken.articles[0].blocks.pop()
    with pytest.raises(AccountingError, match="lost"):
        check_accounting(text, broken)


# --- generated pages -------------------------------------------------------------------

SEEDS = range(40)


def _score(single_newline: bool) -> tuple[float, int, int, int]:
    tp = got = want = 0
    titles = total = 0
    for seed in SEEDS:
        page = make_page(seed, single_newline=single_newline)
        doc = read_bytes(page.data(), f"page{seed}").doc
        assert len(doc.articles) == len(page.truth.articles), seed
        for t, g in zip(page.truth.articles, doc.articles, strict=True):
            tb, gb = boundaries([b.text for b in t.blocks]), boundaries([b.text for b in g.blocks])
            tp, got, want = tp + len(tb & gb), got + len(gb), want + len(tb)
            titles += t.title == g.title
            total += 1
            assert g.authors == t.authors
            assert g.bio == t.bio
    p, r = tp / got, tp / want
    return 2 * p * r / (p + r), titles, total, tp


def test_generated_pages_paragraph_boundary_f1():
    score, titles, total, _ = _score(single_newline=False)
    assert score >= 0.95
    assert titles >= 0.97 * total


def test_generated_pages_without_blank_lines():
    score, titles, total, _ = _score(single_newline=True)
    assert score >= 0.9
    assert titles >= 0.85 * total


@pytest.mark.parametrize("seed", range(0, 40, 3))
def test_generated_pages_lose_nothing(seed):
    page = make_page(seed)
    doc = read_bytes(page.data()).doc
    assert doc.stats["chars_in"] == doc.stats["chars_out"]


@pytest.mark.parametrize("kind", ["crlf", "gb18030", "bom", "utf16"])
def test_encodings_and_newlines_give_the_same_model(kind):
    page = make_page(7)
    want = read_bytes(page.data()).doc
    got = read_bytes(variants(page)[kind]).doc
    assert got.articles == want.articles and got.lead == want.lead


def test_f1_helper():
    assert f1({1, 2}, {2, 3}) == (0.5, 0.5, 0.5)


def test_plain_prose_is_one_article_with_nothing_lost():
    text = "这是一段没有任何结构的文字，没有署名。\n\n也没有作者简介和标题，只是普通的段落。\n"
    doc = read_bytes(text.encode()).doc
    assert len(doc.articles) == 1 and doc.lead is None
    assert (
        "".join(b.text for b in doc.articles[0].blocks)
        == "这是一段没有任何结构的文字，没有署名。也没有作者简介和标题，只是普通的段落。"
    )


def test_headlines_only_page_keeps_the_text():
    doc = read_bytes("以产业融合\n消融长株潭一体化壁垒\n\n以高质量人才合作\n助推长株潭城市群建设\n".encode()).doc
    kept = "".join(t for _, t in doc.iter_text())
    assert "消融长株潭一体化壁垒" in kept and "助推长株潭城市群建设" in kept


def test_byline_right_under_a_two_line_headline_is_not_its_third_line():
    page = "导读\n\n这是导读的内容。\n\n以产业融合\n消融长株潭一体化壁垒\n 郑平\n\n当前，长株潭迎来一体化高质量发展新契机。\n\n（作者系湖南大学教授）\n"
    doc = read_bytes(page.encode()).doc
    [art] = doc.articles
    assert (art.title, art.authors, art.bio) == ("以产业融合\n消融长株潭一体化壁垒", ["郑平"], "作者系湖南大学教授")


def test_low_confidence_notes_are_written_for_editors():
    page = " 郑平\n\n当前，长株潭迎来一体化高质量发展新契机。\n\n（作者系湖南大学教授）\n"
    notes = read_bytes(page.encode()).doc.stats["notices"]
    assert [(n["code"], n["detail"], n["message"]) for n in notes] == [
        ("no-title", {"article": 1}, "第1篇：未找到标题")
    ]


def test_inline_editors_note_becomes_the_lead():
    page = "编者按：近日，长株潭都市圈建设迎来新契机。本版约请专家建言献策。\n\n 郑平\n\n当前，长株潭迎来一体化高质量发展新契机。\n\n（作者系湖南大学教授）\n"
    doc = read_bytes(page.encode()).doc
    assert doc.lead is not None and doc.lead.heading == "编者按"
    assert doc.lead.paragraphs == ["近日，长株潭都市圈建设迎来新契机。本版约请专家建言献策。"]
    assert [a.authors for a in doc.articles] == [["郑平"]]


def test_inline_editors_note_read_after_the_last_article_becomes_the_lead():
    note = ["编者按：区域协调发展是中国式现代化的内在要求。随", "着我国经济从高速增长阶段向高质量发展阶段转变。"]
    body = ["　　" + BODY[0], *BODY[1:]]
    doc = read_bytes(_page("郑平", *body, "作者：中国教育科学研究院党委书记", *note)).doc
    assert doc.lead is not None and doc.lead.heading == "编者按"
    assert doc.lead.paragraphs == ["".join(note)[4:]]
    [art] = doc.articles
    assert art.bio == "作者：中国教育科学研究院党委书记"


def test_an_editors_note_quoted_inside_a_sentence_is_not_the_lead():
    quote = ["报纸在文章前面加了", "编者按：本文刊发时有删节。这是", "常见的做法。"]
    body = ["　　" + BODY[0], *BODY[1:], "　　" + BODY2[0], *BODY2[1:], *quote]
    doc = read_bytes(_page("郑平", *body, "（作者系湖南大学教授）")).doc
    assert doc.lead is None
    assert "加了编者按：本文刊发时有删节。" in "".join(b.text for b in doc.articles[0].blocks)


def test_lead_read_after_the_articles_gives_the_same_model(sample):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    first_byline = next(i for i, ln in enumerate(lines) if ln.strip() == "曹威伟")
    moved = "\n".join(lines[first_byline:]).rstrip("\n") + "\n\n" + "\n".join(lines[:first_byline]) + "\n"
    doc = read_bytes(moved.encode()).doc
    assert doc.lead == sample.lead

    def content(a):  # placements differ: the headlines' line numbers moved with the lead
        return a.title, a.authors, a.bio, a.blocks

    assert [content(a) for a in doc.articles] == [content(a) for a in sample.articles]


def test_generated_pages_with_the_lead_read_last():
    pages = [p for p in (make_page(s) for s in range(120)) if p.truth.lead and not p.text.startswith("导读")]
    assert len(pages) >= 8
    good = 0
    for page in pages:
        doc = read_bytes(page.data()).doc
        good += doc.lead is not None and doc.lead.paragraphs == page.truth.lead.paragraphs
    assert good >= 0.85 * len(pages)


@pytest.mark.parametrize(
    ("bio_lines", "bio"),
    [
        ("（作者系湖南大学\n\n教授）", "作者系湖南大学教授"),
        ("作者单位：湖南大学公共管理学院。", "作者单位：湖南大学公共管理学院。"),
        ("（作者为湖南师范大学马克思主义学院教授）", "作者为湖南师范大学马克思主义学院教授"),
    ],
)
def test_bio_forms_end_the_article(bio_lines, bio):
    page = f" 郑平\n\n当前，长株潭迎来一体化高质量发展新契机。\n\n{bio_lines}\n\n以产业融合\n消融长株潭一体化壁垒\n"
    [art] = read_bytes(page.encode()).doc.articles
    assert (art.bio, art.title) == (bio, "以产业融合\n消融长株潭一体化壁垒")


def test_sample_without_blank_lines_gives_the_same_model(sample):
    single = re.sub(r"\n\s*\n", "\n", SAMPLE.read_text(encoding="utf-8"))
    doc = read_bytes(single.encode()).doc
    assert doc.lead == sample.lead
    assert [(a.title, a.authors, a.bio, a.blocks) for a in doc.articles] == [
        (a.title, a.authors, a.bio, a.blocks) for a in sample.articles
    ]


def test_page_furniture_is_kept_apart_from_the_articles(sample):
    page = (
        "2021年8月5日 星期四\n\n"
        + SAMPLE.read_text(encoding="utf-8").rstrip()
        + "\n\n责任编辑 刘魁 版式编辑 张某\n\n07\n"
    )
    doc = read_bytes(page.encode()).doc
    assert [(a.title, a.authors) for a in doc.articles] == [(a.title, a.authors) for a in sample.articles]
    assert doc.unplaced == ["2021年8月5日 星期四", "责任编辑 刘魁 版式编辑 张某", "07"]
    assert sum(n["code"] == "furniture" for n in doc.stats["notices"]) == 3
    from pipeline import metadata

    metadata.apply(doc)
    assert doc.meta.date == "2021年8月5日"


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("责任编辑 刘魁 版式编辑 张某", True),
        ("责任编辑：刘魁", True),
        ("责任编辑：姚志冯欣帆", True),  # two names the OCR ran together
        ("编辑：这是我们共同的事业", False),
        ("2021年8月5日 星期四", True),
        ("2025年3月25日 星期二" + " " * 70 + "理论" + " " * 80 + "第9版", True),  # a running head across the page
        ("第7版", True),
        ("编辑出版工作是一项重要的基础", False),
        ("2035年远景目标纲要提出", False),
        ("新时代推动中部地区高质量发展的指导", False),
    ],
)
def test_page_furniture_lines(line, furniture):
    from pipeline.structure.profile import load_profile
    from pipeline.structure.signs import is_furniture

    assert is_furniture(line, load_profile()) is furniture


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (" 曹威伟", ["曹威伟"]),
        ("陶银球 戴姣", ["陶银球", "戴姣"]),
        ("■ 孙雄辉", ["孙雄辉"]),
        ("文/郑平", ["郑平"]),
        ("本报评论员", ["本报评论员"]),
        ("推进城市群都市圈建设", None),
        ("产业体系，把握新发", None),
    ],
)
def test_byline_forms(line, names):
    from pipeline.structure.names import parse_byline
    from pipeline.structure.profile import load_profile

    b = parse_byline(line, line.replace(" ", ""), load_profile())
    assert (b.names if b and b.score >= 0.5 else None) == names


def test_numbered_subheading_on_one_line_and_numbered_paragraphs():
    col = [
        "推进城市群都市圈一体化建设，是构建",
        "新发展格局的重要战略部署，应当全面",
        "加快推进。",
        "二、发展县域经济",
        "县域经济是国民经济的基本单元，是推",
        "动高质量发展的重要基础，必须切实抓",
        "好落实。",
        "三、建立健全城市群一体化协调发",
        "展机制和成本共担、利益共享机制，",
        "统筹推进基础设施协调布局。",
    ]
    page = " 郑平\n\n" + "\n\n".join(col) + "\n\n（作者系湖南大学教授）\n"
    blocks = read_bytes(page.encode()).doc.articles[0].blocks
    assert [(b.type, b.text[:6]) for b in blocks] == [
        ("paragraph", "推进城市群都"),
        ("heading", "二、发展县域"),
        ("paragraph", "县域经济是国"),
        ("paragraph", "三、建立健全"),
    ]


# --- failure classes of issue 12: pages that are not the sample's --------------------------


def _page(*blocks: str) -> bytes:
    return "\n\n".join(blocks).encode()


def _cut_into(byline: str, body: list[str], at: int, head: list[str], bio: str = "（作者系湖南大学教授）"):
    """One article whose headline lines the reading order put after body line `at`: the
    article and its page, once its text is checked to be the body joined again round them."""
    doc = read_bytes(_page(byline, *body[:at], *head, *body[at:], bio)).doc
    [art] = doc.articles
    assert "".join(b.text for b in art.blocks) == "".join(body)
    return art, doc


BODY = [
    "区域协调发展是中国式现代化的内在要求，随",
    "着我国经济从高速增长阶段向高质量发展阶段",
    "转变，人才对区域协调发展的促进作用越来越",
    "大。把党中央精神落到实处，要深入认识人才",
    "布局优化对于区域协调发展的重要意义。",
]
BODY2 = [
    "消费是拉动经济增长的主引擎，我们要打好提",
    "振消费组合拳，使居民有稳定收入能消费、没",
    "有后顾之忧敢消费、消费环境优获得感强愿消",
    "费，满足人民日益增长的美好生活需要。",
]


@pytest.mark.parametrize(
    ("bio_lines", "bio"),
    [
        (["（作者为扬州大学教授）"], "作者为扬州大学教授"),
        (["（作者单位：中国人民公安大学", "治安学院）"], "作者单位：中国人民公安大学治安学院"),
        (["〈作者：北京工商大学党委常委、", "副校长〉"], "作者：北京工商大学党委常委、副校长"),
        (
            ["作者简介：张颢瀚，江苏省哲学社会科学界联", "合会原党组书记"],
            "作者简介：张颢瀚，江苏省哲学社会科学界联合会原党组书记",
        ),
        (["【作者系湖南大学教授】"], "作者系湖南大学教授"),
        # a short opener's first character misread after a bracket (（性者为 for （作者为)
        (["（性者为浙江工业大学中国住房和房地", "产研究院院长）"], "性者为浙江工业大学中国住房和房地产研究院院长"),
        # a long opener's second character misread, a colon after it (作列简介： for 作者简介：)
        (["作列简介：孙静，中国人民", "公安大学治安学院"], "作列简介：孙静，中国人民公安大学治安学院"),
        # a long opener's first character misread (电者单位 for 作者单位), no bracket
        (["电者单位：中国人民公安大学治安学院"], "电者单位：中国人民公安大学治安学院"),
        # the opener's middle character misread (作规为 for 作者为), the bracket kept
        (
            ["（作规为北京大学习近平新时代", "中国特色社会主义思想研究院研究员）"],
            "作规为北京大学习近平新时代中国特色社会主义思想研究院研究员",
        ),
        # a stray mark read before the opener's colon ((作者;:…: Tesseract)
        (["（作者；：中南大学中国村落文化研究中", "心教授）"], "作者；：中南大学中国村落文化研究中心教授"),
    ],
)
def test_bios_in_other_wordings_and_misread_brackets_end_their_article(bio_lines, bio):
    doc = read_bytes(
        _page("徐丹丹", *BODY, *bio_lines, "打好提振消费组合拳", "李四", *BODY2, "（作者系某大学教授）")
    ).doc
    assert [a.authors for a in doc.articles] == [["徐丹丹"], ["李四"]]
    assert doc.articles[0].bio == bio
    assert doc.articles[1].title == "打好提振消费组合拳"


def test_body_text_that_opens_like_a_bio_stays_in_the_body():
    prose = [
        "作者系列文章中提出，人才布局优化要坚持系统观",
        "念，以人才区域合理布局促进区域协调发展，为",
        "构建优势互补的区域经济布局注入动能。",
    ]
    doc = read_bytes(_page("张三", *BODY, *prose, *BODY2, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.bio == "作者系湖南大学教授"
    assert any(b.text.startswith("作者系列文章") for b in art.blocks)
    assert not doc.unplaced


CUT_SHORT = ["业链资金链人才链深度融合，提高创新体系效", "〈作者：江苏省哲学社会科学界联合", "会原党组书记)"]


@pytest.mark.parametrize(
    ("after", "bio"),
    [
        # the OCR lost the end of the last paragraph (…提高创新体系效): the bio follows a full,
        # unfinished line, but it is bracketed and closed, and nothing follows it
        ([], "作者：江苏省哲学社会科学界联合会原党组书记"),
        # control: the paragraph goes on after the note, so the note is the paragraph's
        (["能，不断推进产业升级和科技创新。", *BODY2, "（作者系湖南大学教授）"], "作者系湖南大学教授"),
    ],
)
def test_a_bracketed_bio_after_text_the_ocr_cut_short_ends_the_article_only_at_its_end(after, bio):
    [art] = read_bytes(_page("张三", *BODY, *CUT_SHORT, *after)).doc.articles
    assert art.bio == bio


def test_a_two_line_headline_of_name_like_lines_is_not_two_bylines():
    doc = read_bytes(_page("抓落实", "见真章", "王五", *BODY, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.authors == ["王五"] and art.title == "抓落实\n见真章"


def test_a_headline_read_between_two_lines_of_its_body_is_taken_out_and_the_text_rejoined():
    art, doc = _cut_into("赵六", BODY, 2, ["以人才布局优化促进区域协调发展（专题深思）"])
    assert art.title == "以人才布局优化促进区域协调发展（专题深思）"
    assert art.placement.position == "inside"
    assert any(n["code"] == "headline-in-body" for n in doc.stats["notices"])


@pytest.mark.parametrize(
    ("byline", "head", "col", "kept"),
    [
        # every line as wide as the column, the one above left open: 周边山林 / 田地 / 水域 are words
        (
            "吴灿",
            [],
            [
                "　　党的十八大以来，",
                "国家层面实施传统村落",
                "保护工程，已有八千多",
                "个传统村落列入名录。",
                "这些传统村落经历岁月",
                "洗礼延续至今，无不与",
                "周边山林、田地、水域",
                "构成完整生态链。浙江",
                "松阳是典型的“七山一",
                "水二分田”地貌。",
            ],
            "周边山林、田地、水域构成",
        ),
        # 回顾世界经济: 回 reads as a misread bullet (■), 顾世界 and 经济 as names; but the text
        # says 经济 again and again, as it does a word, never a name
        (
            "张颢瀚",
            ["积极运用新技术改造提升传统产业"],
            [
                "　　数字经济是经济发展的新引擎，",
                "要以数字经济赋能实体经济，推动经",
                "济高质量发展，促进传统产业转型。",
                "　　回顾世界经济",
                "发展历程，科技创新与产业创新之间",
                "相互作用、递进发展，经济结构随之",
                "不断升级。",
            ],
            "回顾世界经济发展历程",
        ),
        # 文艺工作 / 者要从时代之变中提炼…: 文 reads as a surname, but the words go on across the
        # break (工作者, a common word), as a paragraph's do; a name ends where the body begins
        (
            "张千一",
            ["音符跃动，谱写动人篇章"],
            [
                "　　音乐是时代的号角。",
                "文艺工作",
                "者要从时代之变中提炼主题，从人民",
                "群众的生活中汲取养分，创作出有品",
                "质、有温度的作品。",
            ],
            "文艺工作者要从时代之变中提炼",
        ),
    ],
)
def test_a_line_of_name_like_words_in_the_text_is_not_a_byline(byline, head, col, kept):
    doc = read_bytes(_page(byline, *head, *col, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.authors == [byline]
    assert kept in "".join(b.text for b in art.blocks)


def test_a_paragraph_ending_without_its_mark_does_not_leave_its_last_word_as_a_byline():
    col = [
        "　　目标感十足的坚定与战略",
        "感十足的节奏，持续强化着",
        "人们锚定未来发展的信心，",
        "也为不确定的世界注入了强",
        "大的确定性和满满当当的正",
        "能量",
        "　　把远大目标和务实工作结",
        "合起来，既有老黄牛的耐力",
        "也有千里马的速度。",
    ]
    doc = read_bytes(_page("李洪兴", *col, "（作者系湖南大学教授）")).doc
    assert [a.authors for a in doc.articles] == [["李洪兴"]]


def test_a_joined_headline_after_the_first_paragraph_is_the_articles_headline():
    # the OCR read the body's first paragraph before the headline of several joined lines
    doc = read_bytes(
        _page("李智水", *BODY, "弘扬志愿精神\n贡献青春力量\n将志愿服务教育融入思政课", *BODY2, "（作者系湖南大学教授）")
    ).doc
    [art] = doc.articles
    assert art.title == "弘扬志愿精神\n贡献青春力量\n将志愿服务教育融入思政课"
    assert "".join(b.text for b in art.blocks) == "".join(BODY + BODY2)


@pytest.mark.parametrize(
    ("bio_line", "bio", "headline"),
    [
        (
            "作者单位：中国人民公安大学治安学院",
            "作者单位：中国人民公安大学治安学院",
            "以基层治理现代化助力更高水平平安中国建设",
        ),
        # the bio's closing bracket lost; the headline's column label closes a bracket of its own
        ("（作者：中央政策研究室原副主任", "作者：中央政策研究室原副主任", "以改革的办法破解发展难题（大家手笔）"),
    ],
)
def test_a_bio_ending_on_an_institution_does_not_take_the_headline_after_it(bio_line, bio, headline):
    # the page's last line (the headline) is as wide as the bio's column
    doc = read_bytes(_page("孙静", *BODY, bio_line, headline)).doc
    [art] = doc.articles
    assert (art.bio, art.title) == (bio, headline)


def test_a_bio_ending_on_an_institution_goes_on_where_the_line_after_next_names_one():
    # 作者简介：唐韬，北京大学 / 习近平新时代中国特色社会 / 主义思想研究院研究员: the line after
    # the first reads like a headline, but the one after it ends on an institution and title
    body = [
        "区域协调发展是中国式现代",
        "化的内在要求，随着我国经",
        "济从高速增长阶段转向高质",
        "量发展阶段，人才的作用越",
        "来越大。",
    ]
    tail = ["作者简介：唐韬，北京大学", "习近平新时代中国特色社会", "主义思想研究院研究员"]
    doc = read_bytes(_page("唐韬", *body, *tail, "李四", *BODY2, "（作者系北京大学教授）")).doc
    assert doc.articles[0].bio == "".join(tail)
    assert not doc.unplaced


def test_a_headline_after_the_byline_as_wide_as_neither_a_column_line_nor_an_indented_one():
    # the OCR dropped the body's indent: its first line is only as short as an indented one
    col = [
        "消费是拉动经济增",
        "长的主引擎和稳定器我",
        "们要增强消费能力改善",
        "消费条件创新消费场景",
        "使消费潜力充分释放出",
        "来去年以来我国一系列",
        "扩内需促消费政策发力",
        "显效成效明显。",
    ]
    doc = read_bytes(_page("徐丹丹", "打好提振消费组合拳", *col, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title == "打好提振消费组合拳"
    assert art.blocks[0].text.startswith("消费是拉动")


@pytest.mark.parametrize(
    "bio",
    [
        [],
        # a bio that lost its closing bracket, before more headlines than one headline has lines
        ["（作者为北京大学习近平新时代中国特色社会", "主义思想研究院研究员"],
    ],
)
def test_headlines_stacked_at_the_page_end_after_the_last_article(bio):
    # one headline is as wide as the column and unfinished: it cannot go on into the wide one
    arts = [
        (
            "张三",
            [
                "　　区域协调发展是中国式现代化的内在要求",
                "着我国经济从高速增长阶段向高质量发展阶段",
                "转变，人才对区域协调发展的促进作用越来越",
                "大，要深入认识人才布局优化的重要意义。",
            ],
        ),
        (
            "王五",
            [
                "　　中医药是中华民族的瑰宝，要推动中医药",
                "高质量发展，补齐短板，让中医药更好服务人",
                "民健康，增进民生福祉。",
            ],
        ),
        (
            "李四",
            [
                "　　消费是拉动经济增长的主引擎，我们要打",
                "振消费组合拳，使居民有稳定收入能消费、没",
                "有后顾之忧敢消费，满足美好生活需要。",
            ],
        ),
        (
            "赵六",
            ["　　基层治理是国家治理的基石，推进基层治", "代化，才能为平安中国建设提供坚实支撑，维", "护社会稳定。"],
        ),
        (
            "钱七",
            ["　　传统村落蕴含着丰富的生态智慧，建设宜", "业和美乡村，要汲取传统村落的生态智慧，保", "护好绿水青山。"],
        ),
    ]
    heads = [
        "打好提振消费组合拳",
        "汲取传统村落生态智慧",
        "让中医药产业更好补短板惠民生（人民时评）",
        "以基层治理现代化助力更高水平平安中国建设",
        "以人才布局优化促进区域协调发展（习近平经济思想指引下的专论）",
    ]
    if bio:  # the headline right after the bio as wide as its column: the bio's continuation?
        heads.insert(0, heads.pop(3))
    # a sixth article whose two headline lines are both as wide as the column
    arts.insert(
        0,
        (
            "孙八",
            ["　　少年儿童是祖国的未来，做好少年儿童思想", "政治教育，要记住要求、心有榜样、从小做起", "、接受帮助。"],
        ),
    )
    heads[2:2] = ["以高质量发展推动少年儿童思想政治教育创新", "做好少年儿童思想政治教育的方法论指引研究"]
    doc = read_bytes(_page(*[x for name, body in arts for x in (name, *body)], *bio, *heads)).doc
    heads[2:4] = ["\n".join(heads[2:4])]  # one headline of two lines
    assert sorted(a.title for a in doc.articles) == sorted(heads)
    assert doc.articles[-1].blocks[-1].text.endswith("护好绿水青山。")
    assert doc.articles[-1].bio == "".join(bio)[1:]


def test_a_missing_byline_does_not_merge_two_articles():
    doc = read_bytes(
        _page(
            "徐丹丹",
            *BODY,
            "（作者系某大学教授）",
            "打好提振消费组合拳",
            *BODY2,
            *BODY2,
            *BODY2,
            "（作者系湖南大学教授）",
        )
    ).doc
    assert len(doc.articles) == 2
    assert doc.articles[1].authors == [] and doc.articles[1].title == "打好提振消费组合拳"


def test_unplaced_text_keeps_its_order_and_its_blocks():
    tail = ["征稿启事：本版欢迎来稿。", "来稿请寄编辑部。"]
    doc = read_bytes(_page("徐丹丹", *BODY, "（作者系某大学教授）", *tail)).doc
    assert doc.unplaced == ["征稿启事：本版欢迎来稿。来稿请寄编辑部。"]


def test_headline_positions_are_typed_relative_to_their_own_article(sample):
    positions = {a.placement.position for a in sample.articles}
    assert positions <= {"after-end", "page-end", "before"}
    # the last two headlines stood together at the page end, after the last bio
    assert sample.articles[-1].placement.position in ("after-end", "page-end")


def test_a_headline_read_mid_body_with_its_column_label_on_the_next_line_is_one_headline():
    # The headline is as wide as the column and ends on a quote (nothing in its width or its
    # end says headline); the column label the OCR set on a line of its own under it does.
    art, _ = _cut_into("赵六", BODY, 2, ["追求看似“无用的知识”", "（新语）"])
    assert art.title == "追求看似“无用的知识”（新语）"


def test_a_column_label_on_its_own_line_closes_the_headline_above_it():
    # Two articles' headlines at the page end, one of them with its label on a line of its
    # own: the label is the tail of that headline, not a third headline for an article.
    page = _page(
        "张三",
        *BODY,
        "（作者系湖南大学教授）",
        "李四",
        *BODY2,
        "（作者系北京大学教授）",
        "以人才布局优化促进区域协调发展",
        "打好提振消费组合拳",
        "（人民时评）",
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["以人才布局优化促进区域协调发展", "打好提振消费组合拳（人民时评）"]


def test_a_long_page_end_stack_of_headlines_keeps_every_kicker_with_its_headline():
    # Eleven headline lines stacked at the page end (more than are worth trying every split
    # of): three headlines carry two kicker lines each, whose words are in no body. They go
    # with the headline under them, not to unplaced.
    bodies = {
        "张三": BODY,
        "李四": BODY2,
        "王五": [
            "中医药是中华民族的瑰宝，要推动中医药高质",
            "量发展，补齐中医药短板，让中医药更好服务",
            "人民健康，增进民生福祉。",
        ],
        "赵六": [
            "基层治理是国家治理的基石，推进基层治理现",
            "代化，才能为平安中国建设提供坚实支撑，维",
            "护社会稳定。",
        ],
        "钱七": [
            "传统村落蕴含着丰富的生态智慧，建设宜居宜",
            "业和美乡村，要汲取传统村落的生态智慧，保",
            "护好绿水青山。",
        ],
    }
    blocks = [x for name, body in bodies.items() for x in (name, *body, "（作者系湖南大学教授）")]
    heads = [
        ["人才引领", "协调发展", "以人才布局优化促进区域协调发展"],
        ["打好提振消费组合拳"],
        ["守正创新", "传承精华", "让中医药产业更好补短板惠民生"],
        ["以基层治理现代化助力平安中国建设"],
        ["生态为本", "和美乡村", "汲取传统村落生态智慧"],
    ]
    doc = read_bytes(_page(*blocks, *[h for head in heads for h in head])).doc
    assert [a.title for a in doc.articles] == ["\n".join(h) for h in heads]
    assert not doc.unplaced
    assert sum(n["code"] == "headline-stacked" for n in doc.stats["notices"]) <= 6


def test_an_unbracketed_bio_keeps_its_credit_line_before_the_next_byline():
    # 作者：……本报记者 / 丁雅诵整理, then the next article's byline: the short second line
    # is the note's credit (整理), not a headline between the two articles.
    doc = read_bytes(
        _page(
            "张三",
            *BODY,
            "作者：复旦大学教务处处长兼教授，本报记者",
            "丁雅诵整理",
            "李四",
            *BODY2,
            "（作者系湖南大学教授）",
        )
    ).doc
    assert doc.articles[0].bio == "作者：复旦大学教务处处长兼教授，本报记者丁雅诵整理"
    assert not doc.unplaced


COMMA_BODY = [
    "消费是拉动经济增长的主引擎，我们要打好提振，",
    "消费组合拳，使居民有稳定收入能消费、没有后",
    "顾之忧敢消费，满足人民日益增长的美好生活需要。",
]


def test_a_byline_read_inside_a_sentence_of_its_headless_article_is_its_byline():
    # The reading order put the byline (set beside a column's first lines) between two lines
    # of one sentence; the article has no other byline. No column line is three characters
    # wide mid-sentence: it is the byline, and the sentence is joined again around it.
    second = [*COMMA_BODY[:1], "张再杰", *COMMA_BODY[1:]]
    doc = read_bytes(
        _page("李四", *BODY, "（作者系湖南大学教授）", "打好提振消费组合拳", *second, "（作者系北京大学教授）")
    ).doc
    assert [a.authors for a in doc.articles] == [["李四"], ["张再杰"]]
    assert [a.title for a in doc.articles][1] == "打好提振消费组合拳"
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(COMMA_BODY)


def test_a_short_name_line_inside_an_article_with_its_byline_stays_text():
    # the same line in an article that has its byline is no second byline and no headline
    second = [*COMMA_BODY[:1], "张再杰", *COMMA_BODY[1:]]
    doc = read_bytes(_page("李四", *second, "（作者系北京大学教授）")).doc
    [art] = doc.articles
    assert art.authors == ["李四"]
    assert "张再杰" in "".join(b.text for b in art.blocks)


def test_a_byline_read_mid_sentence_belongs_to_the_article_its_headline_opened():
    # No bio ends the first article (a commentator's piece); the second article's headline,
    # set over the columns, is read right after the first one's last sentence, and its byline
    # inside its first paragraph. The second article begins at the headline, not the byline.
    second = [*BODY2[:2], "文/张三", *BODY2[2:]]
    doc = read_bytes(_page("文/李四", *BODY, "打好提振消费组合拳（人民时评）", *second, "（作者系北京大学教授）")).doc
    assert [(a.title, a.authors) for a in doc.articles] == [
        ("", ["李四"]),
        ("打好提振消费组合拳（人民时评）", ["张三"]),
    ]
    assert "".join(b.text for b in doc.articles[0].blocks) == "".join(BODY)
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


@pytest.mark.parametrize(
    "head",
    [
        ["党性修养不是“一阵子”", "而是“一辈子”（思想纵横）"],
        # the OCR lost a quote at each line's end: the quote one line opens the next closes
        ["党性修养不是“一阵子", "而是一辈子”（思想纵横）"],
    ],
)
def test_a_headline_after_its_byline_ends_at_its_column_label_whatever_quotes_the_ocr_lost(head):
    # the first line is as wide as the column: nothing in its own form says headline; the label
    # closing the line under it does, and takes both lines
    body = [
        "“慎终如始，则无败",
        "事。”习近平总书记多次强",
        "调“一阵子”和“一辈子”",
        "的问题。习近平总书记指出：",
        "“不忘初心、牢记使命不是",
        "一阵子的事，而是一辈子的",
        "事，每个党员都要常修常炼。",
    ]
    doc = read_bytes(_page("■ 芦子龙", *head, *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == "".join(body)


def test_body_lines_broken_mid_word_before_a_labelled_headline_stay_body():
    # the body's first lines read before the headline (中国 / 式现代化: one word across the
    # break, a pair the page uses again) are not the headline's lines
    body = [
        "区域协调发展是中国",
        "式现代化的内在要",
        "求。随着我国经济",
        "从高速增长阶段向",
        "高质量发展阶段转",
        "变，中国式现代化",
        "要求中国式的人才布局。",
    ]
    head = "以人才布局优化促进区域协调发展（专题深思）"
    art, _ = _cut_into("张金阳 邹升平", body, 2, [head])
    assert art.title == head


def test_the_leads_unfinished_last_line_shaped_like_a_headline_stays_in_the_lead():
    # the lead lost its full stops; its last line, right before the first byline, has the
    # shape of a headline but no article takes it: it is the lead's, not unplaced
    lead = [
        "把远大目标和务实工作结合起来，既有老黄牛",
        "的品格，又有千里马的气势，我们不仅能勇立时代",
        "潮头、更能站在创造未来的源头",
    ]
    doc = read_bytes(_page("导读", *lead, "李四", *BODY2, "（作者系北京大学教授）", "打好提振消费组合拳")).doc
    assert "".join(doc.lead.paragraphs) == "".join(lead)
    assert not doc.unplaced and doc.articles[0].title == "打好提振消费组合拳"


def test_two_labelled_headlines_joined_by_a_single_newline_are_two_headlines():
    # a single newline joins one headline's lines, but a column label closes its headline
    page = _page("张三", *BODY, "（作者系湖南大学教授）", "李四", *BODY2, "（作者系北京大学教授）")
    tail = "\n\n以人才布局优化促进区域协调发展（专题深思）\n打好提振消费组合拳（人民时评）".encode()
    doc = read_bytes(page + tail).doc
    assert [a.title for a in doc.articles] == [
        "以人才布局优化促进区域协调发展（专题深思）",
        "打好提振消费组合拳（人民时评）",
    ]


def test_a_body_line_opening_a_quotation_after_the_byline_is_no_headline():
    # 习近平主席指出：“…… right after the byline (the next line set loose) is the body's first
    # line, not the headline; the headline stands at the page end
    body = [
        "习近平主席指出：“关税战、贸易战、科",
        "技 战 违 背 历 史 潮 流 和 经 济 规 律 ，不 会 有 赢",
        "家。”近日，美国加征所谓“对等关税”，挑",
        "起贸易战，严重损害国际经贸秩序，给全球经",
        "济发展带来冲击。中方坚决反对并依法反制，",
        "展现了维护多边贸易体系的坚定立场和负责任",
        "大国形象。",
    ]
    head = "美国滥施关税及中国反制措施的法理视角透析（深入学习贯彻习近平新时代中国特色社会主义思想）"
    text = "\n".join(["● 孔庆江  范晓波", *body, "（作者系武汉大学教授）", head])
    doc = read_bytes(text.encode()).doc
    [art] = doc.articles
    assert art.title == head
    assert art.blocks[0].text.startswith("习近平主席指出")


def test_a_headline_as_wide_as_the_column_cutting_a_sentence_is_found_by_its_echo():
    # the headline is read inside a sentence (部 / 署) and is exactly as wide as the column, so
    # neither its width nor its form sets it apart; its words recur verbatim in the text
    body = [
        "习近平总书记强调：“持续抓好",
        "突出环境问题整治，高质量建设",
        "国家生态文明试验区。”建设国家",
        "生态文明试验区，是党中央作出",
        "的一项十分重大的战略决策和部",
        "署。各地要按照部署持续用力，",
        "高质量建设国家生态文明试验区",
        "的工作部署要一步步落到实处。",
    ]
    head = "高质量建设国家生态文明试验区"
    art, _ = _cut_into("唐韬", body, 5, [head], "（作者系北京大学研究员）")
    assert art.title == head


@pytest.mark.parametrize(
    ("byline", "body", "head"),
    [
        # two lines without a mark, one recurring verbatim in the text, read inside a sentence
        # (必要条件， / … / 建设宜居宜业和美乡村是): neither is wider or narrower than a column line
        (
            "文/吴灿",
            [
                "习近平总书记指出：“农村现代",
                "化是建设农业强国的内在要求和",
                "必要条件，建设宜居宜业和美乡",
                "村是农业强国的应有之义。”各地",
                "要以传统村落为依托，建设好宜居",
                "宜业和美乡村，让乡村留得住乡愁。",
            ],
            ["汲取传统村落生态智慧", "建设好宜居宜业和美乡村"],
        ),
        # two short top lines and the main line under them, wider than a column line and
        # without a mark, read inside a sentence: the main line is the headline's, not the text's
        (
            "李智水",
            [
                "志愿服务是社会文",
                "明进步的重要标志，是",
                "新时代我们党引导动员",
                "人民群众贡献智慧力量、",
                "创造美好生活、实现奋",
                "斗目标的生动实践。今",
                "年五四青年节到来之际，",
                "各地开展了志愿服务。",
            ],
            ["弘扬志愿精神", "贡献青春力量", "将志愿服务教育融入思政课"],
        ),
    ],
)
def test_a_headline_of_mark_free_lines_cutting_a_sentence_is_taken_out_whole(byline, body, head):
    art, _ = _cut_into(byline, body, 3, head)
    assert art.title == "\n".join(head)


def test_two_running_lines_without_a_mark_stay_in_the_text():
    # the same two lines where the sentence runs through them: no headline
    body = [
        "习近平总书记指出：“农村现代",
        "化是建设农业强国的内在要求和",
        "汲取传统村落生态智慧为的是要",
        "建设好宜居宜业和美乡村也就是",
        "要以传统村落为依托，建设好宜居",
        "宜业和美乡村，让乡村留得住乡愁。",
    ]
    doc = read_bytes(_page("内在要求", "文/吴灿", *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title == "内在要求"
    assert "".join(b.text for b in art.blocks) == "".join(body)


def test_a_headline_read_after_a_line_ending_on_a_colon_is_taken_out():
    # 习近平总书记强调： / headline / “城市建设……: what a colon opens follows it, so a line
    # between them is no subheading but a headline the reading order put there
    body = [
        "　　住房是民生之要，寄托着亿万群众对",
        "美好生活的热切期盼。习近平总书记强调：",
        "“城市建设必须把让人民宜居安居放在首",
        "位”。党的二十届四中全会《建议》提出：",
        "“建设安全舒适绿色智慧的‘好房子’”。",
    ]
    head = "建设安全舒适绿色智慧的“好房子”"
    doc = read_bytes(
        _page(
            "李四", *BODY, "（作者系湖南大学教授）", "虞晓芬", *body[:2], head, *body[2:], "（作者系浙江工业大学教授）"
        )
    ).doc
    assert doc.articles[1].title == head
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(body).replace("　", "")


def test_a_bio_ending_on_a_title_ends_the_article_before_a_headline_whose_first_line_pauses():
    # 作者简介：张千一，中国音 / 乐家协会副主席, then the next article's headline, its first
    # line ending on a comma (惩治“微腐败”，) and its label on the second; the byline lost
    tail = ["作者简介：张千一，中国音", "乐家协会副主席"]
    head = ["惩治“微腐败”，", "让老百姓可感可及（评论员观察）"]
    doc = read_bytes(_page("张千一", *BODY, *tail, *head, *BODY2, "（作者系湖南大学教授）")).doc
    assert len(doc.articles) == 2
    assert doc.articles[0].bio == "".join(tail)
    assert doc.articles[1].title.replace("\n", "") == "".join(head)


def test_a_bio_ending_on_a_broken_credit_ends_the_article_before_a_labelled_headline():
    # 作者简介：林伟，复旦大学 / 教务处处长，本报记者丁雅诵整 / 理: the last line names
    # nothing; the next article's headline (its first line pausing on a comma, its label on
    # the second) and its text follow, its byline lost
    tail = ["作者简介：林伟，复旦大学", "教务处处长，本报记者丁雅诵整", "理"]
    head = ["音符跃动，谱写动人篇章", "（新语·文化强国名家谈）"]
    body1, text2 = _wrap("".join(BODY), 13), "".join(BODY2)  # as wide as the note
    body2 = [text2[:11], *_wrap(text2[11:], 13)]  # its first line indented
    doc = read_bytes(_page("张千一", *body1, *tail, *head, *body2, "（作者系湖南大学教授）")).doc
    assert len(doc.articles) == 2
    assert doc.articles[0].bio == "".join(tail)
    assert doc.articles[1].title.replace("\n", "") == "".join(head)
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_byline_with_its_affiliation_gives_the_article_its_bio():
    doc = read_bytes(_page("作者：张三（北京大学经济学院教授）", *BODY)).doc
    [art] = doc.articles
    assert (art.authors, art.bio, art.byline) == (["张三"], "北京大学经济学院教授", "作者：张三")


def test_the_sample_reads_exactly_as_before_the_rewrite(sample):
    """The model the sample gave before the structure stage became passes (frozen then), text
    for text: lead, titles, authors, bios, every block, nothing unplaced."""
    import json

    want = json.loads((Path(__file__).parent / "fixtures" / "sample_model.json").read_text(encoding="utf-8"))
    got = sample.to_dict()
    assert got["lead"] == want["lead"]
    assert [{k: a[k] for k in ("title", "authors", "bio", "blocks")} for a in got["articles"]] == want["articles"]
    assert got["unplaced"] == want["unplaced"]


def test_a_paragraph_a_line_with_its_subheadings():
    """Tools that merge a paragraph's lines give one line a paragraph: only marks end paragraphs,
    and short unmarked lines or section labels between them are subheadings."""
    paras = [
        "".join(BODY),
        "".join(BODY2),
    ]
    page = [
        "以人才布局优化促进区域协调发展（专题深思）",
        "丘成桐",
        paras[0],
        "（一）",
        paras[1],
        "增强问题意识",
        paras[0],
        "【点评】",
        paras[1],
        "（作者为清华大学求真书院院长）",
    ]
    for sep in ("\n\n", "\n"):
        [art] = read_bytes(sep.join(page).encode()).doc.articles
        assert (art.title, art.authors, art.bio) == (page[0], ["丘成桐"], "作者为清华大学求真书院院长")
        assert [(b.type, b.text[:4]) for b in art.blocks] == [
            ("paragraph", "区域协调"),
            ("heading", "（一）"),
            ("paragraph", "消费是拉"),
            ("heading", "增强问题"),
            ("paragraph", "区域协调"),
            ("heading", "【点评】"),
            ("paragraph", "消费是拉"),
        ]


def test_a_headline_as_wide_as_the_column_is_found_where_the_sentence_reads_across_it():
    body = [
        "习近平总书记强调，要坚持和发展新时",
        "代的枫桥经验。习近平总书记指出，基",
        "层治理是国家治理的基石，习近平总书",
        "以数字化赋能新时代枫桥经验创新发展路径",
        "记深刻指出，要充分认识枫桥经验的重",
        "大意义，发扬优良作风，适应时代要求。",
    ]
    doc = read_bytes(_page("赵六", *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title == "以数字化赋能新时代枫桥经验创新发展路径"
    assert "习近平总书记深刻指出" in "".join(b.text for b in art.blocks)


def test_a_headline_whose_words_recur_in_its_body_is_found_inside_it():
    body = [
        "习近平总书记强调：持续抓好突出环境问",
        "题整治，高质量建设国家生态文明试验区。",
        "建设国家生态文明试验区，是以习近平同",
        "志为核心的党中央作出的关乎全局的重大",
        "高质量建设国家生态文明试验区",
        "战略部署，对于实现高质量发展具有重要",
        "的理论价值与实践意义，必须切实抓好。",
    ]
    doc = read_bytes(_page("唐韬", *body, "（作者系北京大学研究员）")).doc
    [art] = doc.articles
    assert art.title == "高质量建设国家生态文明试验区"
    assert "关乎全局的重大战略部署" in "".join(b.text for b in art.blocks)


def test_a_line_carried_short_by_an_opening_quote_on_the_next_line_stays_mid_paragraph():
    # OCR of a page image: no indent spaces survive. "夯实…基石。" is full in print (the “ and
    # the character after it could not end the line); the indented "弘扬…" starts the paragraph.
    col = [
        "传统村落作为农耕文明",
        "的活态载体，蕴含着天",
        "人合一、顺时应势、共",
        "生共荣等智慧，为建设",
        "好宜居宜业和美乡村提",
        "供了宝贵借鉴，让乡村",
        "既有颜值又有产值，既",
        "含“乡愁”更富“乡韵”。",
        "弘扬天人合一理念，",
        "夯实乡村生态基石。",
        "“天人合一”是中华优秀",
        "传统文化的核心理念，",
        "也是传统村落生态智慧",
        "的世界观，强调人与自",
        "然同源同构、不可分割",
        "这一理念贯穿于传统村",
        "落的选址布局。",
    ]
    doc = read_bytes(_page("吴灿", *col, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert [b.text[:8] for b in art.blocks] == ["传统村落作为农耕", "弘扬天人合一理念"]


def test_a_full_line_of_many_marks_in_a_face_that_sets_marks_a_full_em_stays_mid_paragraph():
    # every mark a full em (as the renders and many papers set them): "等。“靡…终。”" is full,
    # though counting its five marks half makes it read two em short
    col = [
        "党性修养是共产党人的终身",
        "课题，也是一辈子的功课。有的",
        "为“人生下半场”早早准备；等",
        "等。“靡不有初，鲜克有终。”",
        "从近些年来被查处的腐败分子看",
        "多是忽视了党性的常修常炼，走",
        "着走着就偏离了初心。党员干部",
        "要把“思想入党”作为一辈子的",
        "事，时时反躬自省，常修常炼，",
        "做到“慎终如始”，作风廉洁才",
        "能持久保持共产党人的本色。",
    ]
    doc = read_bytes(_page("芦子龙", *col, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert len(art.blocks) == 1


def test_a_headline_line_closed_by_a_column_label_whose_bracket_the_ocr_misread_stays_in_the_headline():
    # Tesseract reads the label's （ as 〈, and read the byline and headline inside the body
    body = [
        "新经济组织、新社会组织、新就业群体在创新",
        "社会治理、提供公共服务等方面发挥着日益重",
        "要的作用。做好党建工作，无论是对加强思想",
    ]
    rest = [
        "引领，还是对规范行业健康成长都至关重要。",
        "新时代新征程上，要建强战斗堡垒，夯实党的",
        "执政之基，认识做好党建工作的重要意义。",
    ]
    head = ["高立伟", "建强战斗堡垒", "夯实执政之基〈观察者说）"]
    page = _page(
        "李智水", "打好提振消费组合拳", *BODY2, "（作者系湖南大学教授）", *body, *head, *rest, "（作者系中山大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.title.replace("〈", "（") for a in doc.articles] == [
        "打好提振消费组合拳",
        "建强战斗堡垒\n夯实执政之基（观察者说）",
    ]


def test_a_kicker_as_wide_as_the_column_over_a_wider_headline_at_the_page_start_is_the_headlines():
    # the OCR lost the byline; the kicker is as wide as a column line, the headline (set larger)
    # wider: the body's first line would be indented and followed by running text
    col = [
        "习近平总书记指出：",
        "“农村现代化是建设农",
        "业强国的内在要求和必",
        "要条件，建设宜居宜业",
        "和美乡村是农业强国的",
        "应有之义。”党的二十",
        "届四中全会《建议》对",
        "推进宜居宜业和美乡村",
        "建设作出战略部署。",
    ]
    page = _page(
        "2025年7月3日  星期四", "汲取传统村落生态智慧", "建设好宜居宜业和美乡村", *col, "（作者系中南大学教授）"
    )
    [art] = read_bytes(page).doc.articles
    assert art.title == "汲取传统村落生态智慧\n建设好宜居宜业和美乡村"


def test_an_indented_first_line_between_stretches_of_a_narrower_column_is_measured_in_that_column():
    # the article's wide lines (set across, or two columns the OCR ran together) make its
    # column 20 em; the text beside them is 14: a first line there (12 em, ending in 。) is
    # an indented first line of that column, not a short last line of the wide one
    han = "我国经济运行稳中有进好于预期高质量发展取得新成效宏观经济四大指标表现良好" * 8
    pos = 0

    def take(n: int) -> str:
        nonlocal pos
        pos += n
        return han[pos - n : pos]

    wide = [take(20) for _ in range(7)] + [take(8) + "。"]
    second = [take(12)] + [take(14) for _ in range(5)] + [take(13) + "。"]
    third = [take(11) + "。"] + [take(14) for _ in range(5)] + [take(6) + "。"]
    doc = read_bytes(_page("钟才文", *wide, *second, *third, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert [b.text[:11] for b in art.blocks] == [wide[0][:11], second[0][:11], third[0][:11]]


def test_a_lead_set_across_the_page_ends_at_a_labelled_headline_as_wide_as_its_lines():
    # no byline follows the lead (a 评论员 article), so the lead stops at the first headline
    # after a finished sentence: this one is wider than the column, like the lead's lines,
    # and its column label says it is a headline
    lead = [
        "衡量一个时代的文艺成就最终要看作品。如果把作品视为一个系统工",
        "程，那么创作便是龙头，其重要性不言而喻。我认为，一部优秀的音乐作",
        "品，需要兼具思想性、艺术性和可听性。",
    ]
    prose = "向制度要力量，不断织密制度之网，减小经纬之间的缝隙，才能打得稳、捉得准、拍得狠。" * 12
    body = [prose[k : k + 14] for k in range(0, len(prose), 14)]
    page = _page("编者按", *lead, "惩治“微腐败”，让老百姓可感可及（评论员观察）", *body)
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["惩治“微腐败”，让老百姓可感可及（评论员观察）"]
    assert doc.lead is not None and doc.lead.paragraphs[-1].endswith("可听性。")


VILLAGE = [  # a column of running text, ten characters a line
    "传统村落作为农耕文明",
    "的活态载体，蕴含着天",
    "人合一、顺时应势、共",
    "生共荣等智慧，为建设",
    "好宜居宜业和美乡村提",
    "供了宝贵借鉴。在农业",
    "生产中，村民春耕、夏",
    "耘、秋收、冬藏，遵循",
    "二十四节气时序安排，",
]


@pytest.mark.parametrize(
    ("rest", "kept"),
    [
        # the byline set beside the column was read between two lines of one sentence: the
        # full, unfinished line before it is no headline
        (
            [
                "形成与自然同步的节奏。",
                "顺时耕作，推广轮作休",
                "国吴灿",
                "耕护田、测土配方施肥",
                "等生态农业技术，将自",
                "然节律作为生态治理的",
                "重要依据，让乡村更美",
                "丽、村民更富裕。",
            ],
            "推广轮作休耕护田",
        ),
        # the line after the byline is the paragraph's short last line; the one before it stops
        # on a word that links to what follows (更好地), which no headline ends on
        (
            [
                "形成与自然同步的节奏",
                "和生活习惯，更好地",
                "吴灿",
                "保护了生态环境。",
                "  顺时耕作，推广轮作",
                "休耕护田、测土配方施",
                "肥等生态农业技术，将",
                "自然节律作为生态治理",
                "的重要依据。",
            ],
            "和生活习惯，更好地保护了生态环境。",
        ),
    ],
)
def test_a_byline_read_inside_a_paragraph_leaves_the_line_before_it_in_the_paragraph(rest, kept):
    [art] = read_bytes(_page(*VILLAGE, *rest, "（作者系中南大学教授）")).doc.articles
    assert art.authors == ["吴灿"] and not art.title
    assert kept in "".join(b.text for b in art.blocks)


def test_the_lead_line_an_inline_marker_opens_is_as_wide_as_printed():
    # "编者按：" fills the first line with the text after it: that line is full, not short
    lead = [
        "编者按：好政策带来获得感，这是实实在在的民生温度。",
        "惠民政策，之所以落地见效、利民有感，也得益于科技赋能。",
        "依托信息技术，医保、医疗、医药数据资源被有效整合，就",
        "医看病从“卡时代”迈向“码时代”。技术红利，让“想都不敢想",
        "的生活”变为“触手可及的日常”。政策托举生活，科技改变",
        "生活，幸福感十足。",
    ]
    doc = read_bytes(_page(*lead, "李智水", "打好提振消费组合拳", *BODY2, "（作者系湖南大学教授）")).doc
    assert doc.lead is not None and len(doc.lead.paragraphs) == 1


def test_marks_set_a_full_em_are_recognised_where_most_lines_hold_only_a_mark_or_two():
    # counted half, lines of one or two marks still fall within half an em of the column, so
    # only exact agreement tells the settings apart; "…绿色化”。" is full, mid-paragraph
    col = [
        "科技是第一生产力。科技成果转化为现",
        "实生产力，表现形式为催生新产业、推动产",
        "业深度转型升级。我国传统产业在国民经济",
        "体系中扮演着重要角色。习近平总书记指出：",
        "“传统产业改造升级，也能发展新质生产",
        "力”“要根据本地的资源禀赋、产业基础、",
        "科研条件等，有选择地推动新产业、新模式、",
        "新动能发展，用新技术改造提升传统产业，",
        "积极促进产业高端化、智能化、绿色化”。",
        "去年底举行的中央经济工作会议提出：“积",
        "极运用数字技术、绿色技术改造提升传统产",
        "业。”深入学习贯彻习近平总书记重要讲话",
        "和中央经济工作会议精神，需要深入把握科",
        "技创新与产业创新深度融合的规律，以科技",
        "创新推动传统产业转型升级，回顾世界经济",
        "发展历程，科技创新与产业创新之间相互作",
        "用、递进发展。科技创新能够推动产业创新",
        "引领传统产业升级、新兴产业壮大，进而促",
        "进生产力不断发展。在这一过程中，随着产",
        "业链优化提升，又会产生新的生产模式、新",
        "的生产要素，需要通过科技创新提供技术支",
        "持和解决方案，进而推动生产力进一步发展",
        "这一进程表现出以下特征一是每一次科技革",
        "命催生出的重要产业一般都具有跨越产业发",
        "展阶段的延续性，不会轻易消失在第一次工",
        "业革命中成长起来的纺织业仍是支柱产业。",
    ]
    doc = read_bytes(_page("张颢瀚", *col, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert len(art.blocks) == 1


def test_a_lead_set_across_the_page_ends_where_the_text_narrows_to_the_article_column():
    # the OCR read the article's first column right after the lead, then its byline and its
    # headline (cutting a sentence), then the rest: one article, and the lead is the lead
    lead = [
        "比如，过去一年，我们学校根据不同阶段同学的成长需",
        "求，精心创设了覆盖本研全学段的人工智能课程体系，",
        "包含通识基础课程、专业核心课程、学科进阶课程、垂域",
        "应用课程等四个序列。学生们在课堂上学理论，在实践中用",
        "技术，在探索中求创新，慢慢就有了应对未来挑战的信心和",
        "底气，把控力和胜任力逐步增强。",
    ]
    first = [
        "欲筑室者，先治其基。基层党组织是党的",
        "全部工作和战斗力的基础，事关党执政大厦的",
        "地基稳固。习近平总书记指出：“我们党的基",
        "层党组织和党员队伍，这是世界上任何其他政",
        "党都不可能具有的强大组织资源。把基层党建",
        "工作抓好了，我们的基层党组织牢不可破，我",
        "们的党员队伍坚不可摧，党的执政地位就坚如",
        "磐石，党和人民的事业就无往而不胜。”新时",
        "代以来，我们党树牢系统观念，坚持分类别指",
        "导、分领域抓好基层党组织建设，提供了根本",
        "遵循，也是顺应社会组织形态变革的客观要求。",
        "做好“三新”党建工作，无论是对加强党对这",
        "一群体的思想引领、政治领导、组织覆盖、关",
        "心爱护，还是对规范行业健康成长、防范化解",
    ]
    rest = [
        "各种风险都至关重要。新时代新征程上，要从",
        "事关党的执政基础和国家长治久安的高度充分",
        "认识“三新”党建工作的重要性，把党员组织",
        "起来、把人才凝聚起来、把群众动员起来。",
    ]
    head = ["高立伟", "建强战斗堡垒夯实执政之基（观察者说）"]
    doc = read_bytes(_page("编者按", *lead, *first, *head, *rest, "（作者系中山大学教授）")).doc
    assert doc.lead is not None and doc.lead.paragraphs[-1].endswith("逐步增强。")
    [art] = doc.articles
    assert (art.title, art.authors) == ("建强战斗堡垒夯实执政之基（观察者说）", ["高立伟"])
    assert art.blocks[0].text.startswith("欲筑室者") and "防范化解各种风险" in "".join(b.text for b in art.blocks)


def test_a_mark_the_ocr_split_off_a_headline_is_no_article():
    doc = read_bytes(_page("“", "打好提振消费组合拳", "李智水", *BODY2, "（作者系湖南大学教授）")).doc
    assert len(doc.articles) == 1 and doc.unplaced == ["“"]


def test_a_bio_whose_line_broke_after_the_name_ends_on_its_institution():
    # 作者简介：张千一 / 中国音乐家协会副主席, then the next article's first paragraph (its
    # headline and byline read after it)
    first = [
        "音乐创作要扎根人民生活，",
        "作为一名作曲家，我将持续",
        "用跃动的音符创作有品质、",
        "有温度的作品，礼赞新时代。",
    ]
    second = [
        "一年来，以习近平同志",
        "为核心的党中央坚持以人民",
        "为中心的发展思想，推动基",
        "层治理不断取得新成效，党",
        "员干部主动上门服务群众。",
    ]
    page = _page(
        "音符跃动，谱写动人篇章",
        "张千一",
        *first,
        "作者简介：张千一",
        "中国音乐家协会副主席",
        *second,
        "进一步激发基层干事活力",
        "李智水",
        *BODY2,
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert doc.articles[0].bio == "作者简介：张千一中国音乐家协会副主席"


def test_a_quote_mark_alone_on_a_line_does_not_cut_a_headline_in_two():
    # a headline set large: the OCR split its opening quote onto a line of its own
    head = ["党性修养不", "是“一阵子”", "“", "而是", "一辈子”", "（思想纵横）"]
    doc = read_bytes(_page("芦子龙", *head, *BODY, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title.startswith("党性修养不") and art.title.endswith("（思想纵横）")


def test_a_paragraph_opening_cut_short_by_a_carried_quote_is_no_subheading():
    # "以科技创新赋能建造" is an indented first line short by the “ carried down (it may not end
    # a line), not a subheading over a paragraph
    col = [
        "近年来，各地积极探索“好",
        "房子”建设路径，出台规范",
        "为地方实践提供了有益的借",
        "鉴。",
        "以科技创新赋能建造",
        "“好房子”品质跃升。",
        "“好房子”建设离不开科技",
        "支撑，要加强基础研究和关",
        "键核心技术攻关，提升建造",
        "的品质竞争力。",
    ]
    doc = read_bytes(_page("虞晓芬", *col, "（作者系浙江工业大学教授）")).doc
    [art] = doc.articles
    assert [b.type for b in art.blocks] == ["paragraph", "paragraph"]
    assert art.blocks[1].text.startswith("以科技创新赋能建造“好房子”品质跃升。")


# An inset headline set half a column a line, in ten pieces, and a body set as narrow.
INSET_HEAD = (
    "人才布局优",
    "化促进区域",
    "协调发展的",
    "重要意义在",
    "哪里",
    "深入认识",
    "人才作用",
    "越来越大",
    "（专题",
    "深思）",
)


def _half_column_body() -> list[str]:
    text = "".join(BODY)
    return [text[k : k + 10] for k in range(0, len(text), 10)]


def test_an_inset_headline_in_many_short_pieces_is_one_headline():
    # a headline set beside a narrow body in a box, half a column a line: so many pieces are
    # one headline (its printed lines are half lines), not a headline and stray body text
    body, head = _half_column_body(), list(INSET_HEAD)
    page = _page(
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "（作者为扬州大学教授）",
        "芦子龙",
        *head,
        *body,
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert doc.articles[1].title.replace("\n", "") == "".join(head)


def test_a_bio_closing_line_read_before_its_opening_line_ends_the_article():
    # the OCR read the bio's short last line before its first: still the article's end
    page = _page(
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "院）",
        "（作者单位：北京大学经济学",
        "以人才布局优化促进区域协调发展（专题深思）",
        "复旦大学教务处处长芦子龙",
        *BODY,
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert len(doc.articles) == 2
    assert doc.articles[0].bio == "作者单位：北京大学经济学院"
    assert doc.articles[1].title == "以人才布局优化促进区域协调发展（专题深思）"


def test_a_headline_and_byline_read_inside_the_text_after_a_bio_are_that_texts_own():
    # the OCR read the second article's first lines, then its headline and byline, then the rest
    page = _page(
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "（作者为扬州大学教授）",
        *BODY[:2],
        "人才布局优化（专题深思）",
        "芦子龙",
        *BODY[2:],
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert [(a.title, a.authors) for a in doc.articles] == [
        ("打好提振消费组合拳", ["钟才文"]),
        ("人才布局优化（专题深思）", ["芦子龙"]),
    ]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY)


def test_a_headline_in_pieces_between_a_bio_and_a_byline_is_measured_in_the_page_column():
    # the pieces alone stand between the two anchors: they are no column of their own (a
    # 5-em column would make them full lines of running text), the page's column goes on
    head = ["党性修养不", "是", "阵子”", "而是", "一辈子", "（思想", "纵横）"]
    page = _page(
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "（作者为扬州大学教授）",
        *head,
        "芦子龙",
        *BODY,
        "（作者系湖南大学教授）",
    )
    st = read_bytes(page).structure.state
    first = len(BODY2) + 3
    assert all(st.columns[i] >= 15 for i in range(first, first + len(head)))


def test_a_single_character_alone_between_headline_pieces_does_not_cut_the_headline():
    head = ["党性修养不", "是", "阵子”", "而是", "一辈子", "（思想", "纵横）"]
    body = [
        "党员的党性修养不是一阵子的事，而是一辈子的",
        "事，要常修常炼、常悟常进，无论顺境逆境都坚",
        "贞不渝，经得起大浪淘沙的考验。",
    ]
    page = _page(
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "（作者为扬州大学教授）",
        *head,
        "芦子龙",
        *body,
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert doc.articles[1].title.replace("\n", "") == "".join(head)


def test_an_inset_headline_opening_the_page_is_weighed_against_the_body_column():
    # the pieces alone open the page: measured as a column of their own they would each weigh
    # a full headline line, and the headline would break after its first piece
    body, head = _half_column_body(), list(INSET_HEAD)
    page = _page(
        *head,
        "芦子龙",
        *body,
        "（作者系湖南大学教授）",
        "钟才文",
        "打好提振消费组合拳",
        *BODY2,
        "（作者为扬州大学教授）",
    )
    doc = read_bytes(page).doc
    assert doc.articles[0].title.replace("\n", "") == "".join(head)


def _byline_then(*head: str) -> bytes:
    col = [
        "“慎终如始，则无败",
        "事。”习近平总书记多次强",
        "调“一阵子”和“一辈子”的问",
        "题。习近平总书记指出：",
        "不忘初心、牢记使命不是",
        "一阵子的事，而是一辈子的",
        "事，每个党员都要在思想政",
        "治上不断进行检视、剖析、",
        "反思。",
    ]
    return _page("芦子龙", *head, *col, "（作者系湖南大学教授）")


def _byline_then_blocks(*head: str) -> bytes:
    """The same page as an engine's own text: the body's lines one block (single newlines)."""
    lines = _byline_then(*head).decode().split("\n\n")
    body = [ln for ln in lines[1 + len(head) :] if not ln.startswith("（")]
    return "\n\n".join([lines[0], *head, "\n".join(body), lines[-1]]).encode()


def test_on_an_engines_blocks_the_body_line_after_a_short_headline_line_stays_the_bodys():
    # the body's first line lost its indent and is short of the column too: what it says
    # (prose, a pause inside) tells it from a headline line
    [art] = read_bytes(_byline_then_blocks("党性修养不是“一阵子”", "而是“一辈子")).doc.articles
    assert art.title == "党性修养不是“一阵子”\n而是“一辈子"
    assert art.blocks[0].text.startswith("“慎终如始")


def test_a_headline_whose_short_last_line_lost_its_quote_after_the_byline_is_the_headline():
    # no paragraph ends on a short line without a mark, and the sentence does not read on
    [art] = read_bytes(_byline_then("党性修养不是“一阵子”", "而是“一辈子")).doc.articles
    assert art.title == "党性修养不是“一阵子”\n而是“一辈子"
    assert art.blocks[0].text.startswith("“慎终如始")


def test_a_short_first_paragraph_after_the_byline_is_no_headline():
    # control: the short line ends its sentence, so it ends a paragraph
    doc = read_bytes(_byline_then("党性修养不是一阵子，而是", "一辈子的事。")).doc
    assert not doc.articles[0].title
    assert doc.articles[0].blocks[0].text.startswith("党性修养")


def test_rows_an_engine_ran_across_the_columns_do_not_widen_the_column_of_the_text_before_them():
    # Tesseract's own text: a column of ten-character lines, then rows of three columns whose
    # pieces stand apart by spaces. Measured as thirty characters wide, the column would make
    # the body's first lines, much narrower, a headline's.
    text = "".join(b.text for a in read_path(SAMPLE).doc.articles for b in a.blocks)
    col = [text[i : i + 10] for i in range(0, 320, 10)]
    rows = [" ".join(text[k : k + 10] for k in range(j, j + 30, 10)) for j in range(400, 760, 30)]
    page = "\n\n".join(
        ["（作者系中南大学教授）", "孙静", "以基层治理现代化助力更高水平平安中国建设", "\n".join(col), "\n".join(rows)]
    )
    doc = read_bytes(page.encode()).doc
    art = next(a for a in doc.articles if a.authors == ["孙静"])
    assert art.title == "以基层治理现代化助力更高水平平安中国建设"
    assert art.blocks[0].text.startswith(col[0])


def _byline_headline_quote(head: str, first: str) -> bytes:
    col = [
        first,
        "续抓好突出环境问题整治，高质量",
        "建设国家生态文明试验区。”建设",
        "国家生态文明试验区，是以习近平",
        "同志为核心的党中央作出的重大决",
        "策部署。要坚持生态优先、绿色发",
        "展，统筹推进生态环境保护和经济",
        "社会发展，加快形成绿色发展方式",
        "和生活方式，推动高质量发展。",
    ]
    return _page("■ 唐韬", head, *col, "（作者系中国社会科学院研究员）")


def test_a_headline_as_wide_as_the_column_over_a_line_that_opens_a_quotation_is_the_headline():
    # the body's first line lost its indent: a speaker and a colon opening a quotation start it
    page = _byline_headline_quote("高质量建设国家生态文明试验区", "习近平总书记强调：“持")
    [art] = read_bytes(page).doc.articles
    assert art.title == "高质量建设国家生态文明试验区"
    assert art.blocks[0].text.startswith("习近平总书记强调")


def test_a_first_line_over_a_line_quoting_mid_sentence_stays_in_the_body():
    # control: the line after it finishes a sentence before its quotation: running text
    page = _byline_headline_quote("消费是拉动经济增长的主引", "擎。习近平总书记指出：“持")
    [art] = read_bytes(page).doc.articles
    assert not art.title


def _narrow_then_wide(*cut: str) -> bytes:
    """An article whose first lines are set narrower (beside its headline) than the rest, with
    lines read between two of the narrow ones."""
    text = "".join(b.text for a in read_path(SAMPLE).doc.articles for b in a.blocks)
    narrow = [text[i : i + 15] for i in range(0, 15 * 8, 15)]
    wide = [text[i : i + 20] for i in range(120, 120 + 20 * 30, 20)]
    return _page("李四", *narrow[:4], *cut, *narrow[4:], *wide, "（作者系中南大学教授）")


def test_a_headline_cutting_the_narrow_first_lines_of_an_article_is_measured_against_them():
    # the page's estimate takes the wide column; the lines round the cut are the narrow one's,
    # so the line before it is full and the sentence is cut
    [art] = read_bytes(_narrow_then_wide("人才布局（专题深思）")).doc.articles
    assert art.title == "人才布局（专题深思）"


def test_a_line_ending_on_a_linking_word_is_no_headline_cutting_the_text():
    # control: the same place, words the text has elsewhere ending on 的 read on (a sentence
    # the OCR carried there): no headline ends so
    text = "".join(b.text for a in read_path(SAMPLE).doc.articles for b in a.blocks)
    echo = next(text[i - 8 : i + 1] for i in range(300, 700) if text[i] == "的" and text[i - 8 : i + 1].isalnum())
    [art] = read_bytes(_narrow_then_wide(echo)).doc.articles
    assert not art.title


def test_a_two_line_headline_the_label_closes_cut_into_the_text_is_taken_whole():
    # the first line mark-free and clearly short of the column, the second closed by the label
    [art] = read_bytes(_narrow_then_wide("党性修养不是“一阵子”", "而是“一辈子”（思想纵横）")).doc.articles
    assert art.title == "党性修养不是“一阵子”\n而是“一辈子”（思想纵横）"


def test_a_headline_over_a_speaker_whose_quotation_opens_on_the_next_line_is_the_headline():
    # a kicker over the headline, and the body's first line (spread out) only the speaker
    page = _byline_headline_quote("加快建设清洁低碳能源新体系", "习 近 平 总 书 记 指 出：").decode()
    page = page.replace("加快建设清洁低碳能源新体系", "多措并举\n\n协同发力\n\n加快建设清洁低碳能源新体系")
    page = page.replace("续抓好突出环境问题整治，高质量", "“持续抓好突出环境问题整治，高")
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == "多措并举\n协同发力\n加快建设清洁低碳能源新体系"
    assert art.blocks[0].text.startswith("习近平总书记指出：")


def _cut_where_the_text_reads_on(head: list[str]) -> tuple[bytes, str]:
    """The sample's text in 13-character lines, a byline over them and a bio under them, with
    `head` read between two lines whose pair across the break recurs in the text (so the
    sentence is seen to read on past the headline); and that article's text."""
    text = "".join(b.text for a in read_path(SAMPLE).doc.articles[:2] for b in a.blocks)[:900]
    lines = [text[i : i + 13] for i in range(0, len(text), 13)]
    at = next(k for k in range(3, len(lines)) if text.count(lines[k - 1][-1] + lines[k][0]) >= 3)
    # one line after another, no blank lines (the shape many tools write)
    return "\n".join(["李四", *lines[:at], *head, *lines[at:], "（作者系中南大学教授）"]).encode(), text


def test_a_headline_cut_into_the_text_goes_on_over_a_main_line_the_sentence_reads_past():
    head = ["弘扬志愿精神", "贡献青春力量", "将志愿服务教育融入思政课"]
    page, text = _cut_where_the_text_reads_on(head)
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


def test_a_kicker_over_a_labelled_headline_cut_into_the_text_is_the_headlines():
    head = ["发展新质生产力与改造提升", "积极运用新技术（专题深思）"]
    page, text = _cut_where_the_text_reads_on(head)
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


def _byline_head_body(head: list[str]) -> bytes:
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[2].blocks)[:600]
    lines = [text[i : i + 13] for i in range(0, len(text), 13)]
    return "\n".join(["李四", *head, *lines, "（作者系中南大学教授）"]).encode()


def test_a_headline_as_wide_as_the_column_whose_words_the_text_repeats_is_the_headline():
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[2].blocks)
    # words of the text ending where a sentence pauses (a headline's words recur so)
    head = next(text[i : i + 13] for i in range(80, 500) if text[i : i + 13].isalnum() and text[i + 13] in "，。")
    [art] = read_bytes(_byline_head_body([head])).doc.articles
    assert art.title == head


def test_a_spread_out_first_line_with_a_pause_after_the_byline_is_the_bodys():
    # justified to the column with spaces between its characters: running text, not a headline
    col = [
        "“蓝 天 不 是 等 来 的， 而 是 拼 出 来",
        "的。”不久前生态环境部新闻发布会上的",
        "一句话，道出蓝天保卫战的不易与执着。",
        "由此更加深刻理解习近平总书记在民营企",
        "爱拼与会赢（人民论坛）",
        "业座谈会上勉励大家的话，“保持爱拼会",
        "赢的精气神。”生活中，形容一个人干事",
        "有劲头，经常会说“蛮拼的”。一年春好",
        "处，拼搏正当时。",
    ]
    doc = read_bytes("\n".join(["■盛玉雷", *col, "（作者系人民日报评论员）"]).encode()).doc
    [art] = doc.articles
    assert art.title == "爱拼与会赢（人民论坛）"
    assert art.blocks[0].text.startswith("“蓝天不是等来的")
    # the line was never a candidate: no close call between it and the headline to report
    assert "headline-margin" not in [n["code"] for n in doc.stats["notices"]]


def test_a_main_line_the_text_repeats_under_a_kicker_is_the_headlines_last():
    # as wide as an indented first line: only its words, recurring in the text, tell it
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[2].blocks)
    main = next(text[i : i + 11] for i in range(80, 500) if text[i : i + 11].isalnum() and text[i + 11] in "，。")
    [art] = read_bytes(_byline_head_body(["弘扬志愿精神", "贡献青春力量", main])).doc.articles
    assert art.title == "\n".join(["弘扬志愿精神", "贡献青春力量", main])


def test_a_line_glossing_a_latin_abbreviation_in_brackets_is_no_labelled_headline():
    # （建筑信息模型） explains BIM: running text cut where the line ends, not a column label
    page, _ = _cut_where_the_text_reads_on([])
    lines = page.decode().split("\n")
    lines.insert(6, "加强BIM（建筑信息模型）")
    [art] = read_bytes("\n".join(lines).encode()).doc.articles
    assert not art.title
    assert "加强BIM（建筑信息模型）" in "".join(b.text for b in art.blocks)


@pytest.mark.parametrize(
    ("line", "label"),
    [("让中医药产业更好补短板惠民生（人民时评）", True), ("（专题深思）", True), ("加强 BIM (建筑信息模型)", False)],
)
def test_column_labels_and_glosses(line, label):
    from pipeline.structure.text_forms import LABEL

    assert bool(LABEL.search(line)) is label


def test_a_first_line_breaking_off_mid_word_into_prose_after_the_byline_is_the_bodys():
    # 标|志 is a word the text uses again: the line reads on into the next, running text
    col = [
        "城市是人类文明的重要标",
        "志，是经济社会发展的核心载",
        "体。实施城市更新行动，是推",
        "动城市高质量发展的重要标志",
        "性举措，也是经济社会发展的",
        "重要载体。城市是人类文明的",
        "重要标志，城市更新是城市发",
        "展的必然要求。",
    ]
    # the text below runs wider: the page's estimate of the column takes its width
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)
    wide = [text[i : i + 20] for i in range(0, 600, 20)]
    doc = read_bytes(_page("张再杰", *col, *wide, "（作者系贵州财经大学教授）")).doc
    [art] = doc.articles
    assert not art.title
    assert art.blocks[0].text.startswith("城市是人类文明的重要标志，")


HEAD_LIST = ["记住要求、心有榜样、从小做起、接受帮助", "做好少年儿童思想政治教育的方法论指引"]


@pytest.mark.parametrize(
    ("byline", "col"),
    [
        # after the byline, two lines as wide as the column, then the body's first line indented
        (
            "■ 李永智",
            [
                "　　少年儿童是祖国的未来，是中华民族",
                "的希望。思想政治教育是引领少年儿童筑",
                "牢理想信念、塑造正确价值观的重要途径。",
                "在今年全国两会上，习近平总书记指出，",
                "要教育引导少年儿童记住要求、心有榜样",
                "、从小做起、接受帮助，从小学会做人。",
            ],
        ),
        # the first line lost its indent: the headline's first line lists its phrases (、) and the
        # text quotes them verbatim; the second has no mark and stands over prose as wide as an
        # indented first line
        (
            "李永智",
            [
                "少年儿童是祖国的未来，是中华民族",
                "的希望。思想政治教育是引领少年儿童筑",
                "牢理想信念、塑造正确价值观的重要途径。",
                "习近平总书记提出了“十六字”要求，即",
                "“记住要求、心有榜样、从小做起、接受帮",
                "助”，为我们提供了方法论指引，教育少年",
                "儿童从小学会做人，从小学会立志。",
            ],
        ),
    ],
)
def test_headline_lines_as_wide_as_the_column_up_to_the_bodys_first_line_are_the_headline(byline, col):
    text = "\n".join([byline, *HEAD_LIST, *col, "（作者为中国教育科学研究院党委书记）"])
    [art] = read_bytes(text.encode()).doc.articles
    assert art.title == "\n".join(HEAD_LIST)
    assert art.blocks[0].text.startswith("少年儿童是祖国的未来")


FENGQIAO = [  # a column of a real page's text (People's Daily), the headline's words in it
    "“枫桥经验”历经60余年的发",
    "展，不断与时俱进，焕发生机，发",
    "扬光大。习近平总书记深刻指出：",
    "“要充分认识‘枫桥经验’的重大",
    "意义，发扬优良作风，适应时代要",
    "求，创新群众工作方法”“把‘枫",
    "桥经验’坚持好、发展好，把党的",
    "群众路线坚持好、贯彻好”。党的",
    "二十届四中全会《建议》对坚持和",
    "发展新时代“枫桥经验”作出战略",
    "部署。近年来，随着以人工智能、",
    "云计算、区块链、大数据等为代表",
    "的数字技术迅猛发展，数字技术日",
    "益成为赋能社会治理的重要力量。",
    "以数字化赋能新时代“枫桥经",
    "验”，不仅意味着技术手段革新，",
    "更意味着社会治理方式变革。",
]


def test_a_headline_whose_words_recur_reads_on_into_no_word_even_where_quotes_meet():
    # 枫桥经验” / “枫桥经验”历经…: the quotes meet across the break (”“ occurs in the text:
    # 方法”“把), the words do not
    text = "\n".join(["文/尉建文", "以数字化赋能新时代“枫桥经验”", *FENGQIAO, "（作者为南开大学社会学院教授）"])
    [art] = read_bytes(text.encode()).doc.articles
    assert art.title == "以数字化赋能新时代“枫桥经验”"


def test_a_headline_whose_words_recur_cut_where_the_text_reads_on_through_a_word_used_once():
    # 充分认 / 以数字化赋能新时代“枫桥经验” / 识‘枫桥经验’…: the page never says 认识 again, so
    # its own pairs cannot tell the sentence reads on past the line; the dictionary's words can
    text = "".join(FENGQIAO)
    cut = text.index("认识") + 1
    width = next(w for w in range(12, 18) if (cut + 2) % w == 0)  # the break after 认
    lines = ["　　" + text[: width - 2]] + [text[i : i + width] for i in range(width - 2, len(text), width)]
    at = next(n for n, ln in enumerate(lines) if ln.endswith("认"))
    head = "以数字化赋能新时代“枫桥经验”"
    page = "\n".join(["文/尉建文", *lines[: at + 1], head, *lines[at + 1 :], "（作者为南开大学社会学院教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == head
    assert "".join(b.text for b in art.blocks) == text


def test_two_lines_wider_than_the_column_worded_like_headlines_cut_into_the_text_are_its_headline():
    # a pause mark in a line keeps it from reading as a bare headline line; both lines wider than
    # any column line and neither ending a sentence, they are none
    head = ["记住要求、心有榜样、从小做起接受", "做好少年儿童思想政治教育方法"]  # 1-2.5 em wider
    page, text = _cut_where_the_text_reads_on(head)
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


def test_a_short_main_line_under_a_headlines_top_lines_cut_into_the_text_is_the_headlines():
    # 弘扬志愿精神 / 贡献青春力量 / 将志愿服务教育融入思政课: the last short of the column (yet
    # too long to look like a headline line alone), without a mark, a full line of running text
    # under it; the pair across the cut occurs nowhere else (no sign the sentence reads past it)
    text = "".join(b.text for a in read_path(SAMPLE).doc.articles[:2] for b in a.blocks)[:900]
    lines = [text[i : i + 15] for i in range(0, len(text), 15)]
    plain = [not any(c.isdigit() for c in ln) for ln in lines]  # full lines: no narrow digits
    at = next(
        k
        for k in range(3, len(lines) - 3)
        if plain[k - 1] and plain[k] and plain[k + 1] and text.count(lines[k - 1][-1] + lines[k][0]) == 1
    )
    head = ["弘扬志愿精神", "贡献青春力量", "将志愿服务教育融入思政课"]
    page = "\n".join(["李四", *lines[:at], *head, *lines[at:], "（作者系中南大学教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


def test_a_decks_first_line_whose_words_the_text_repeats_reading_on_is_the_bodys():
    # the deck's first line recurs verbatim in the text, and where it does the text goes on as
    # the deck's next line does (战略|感十足): it reads on, though no pair of the page shows it
    deck = ["目标感十足的坚定与战略", "感十足的节奏，持续强化着人", "们锚定未来发展的信心。"]
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:390]
    body = [text[i : i + 13] for i in range(0, len(text), 13)]
    again = ["中国。目标感十足的坚定与战略", "感十足的节奏，让人们看到未来。"]
    head = "感悟发展的未来感（评论员观察）"
    page = "\n".join(["文/李洪兴", *deck, *body, *again, head, "（作者系湖南大学教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == head
    assert art.blocks[0].text.startswith("目标感十足的坚定与战略感十足的节奏")


def test_a_decks_last_line_without_its_mark_before_an_indented_paragraph_is_no_headline():
    # short, unmarked, its words recurring in the text: but the line under it is indented, so
    # no sentence goes on past it and it cuts none
    deck = [
        "　　目标感十足的坚定与战略感十",
        "足的节奏，持续强化着人们锚定未",
        "来发展的信心，也为不确定的世界",
        "注入了强大确定性和正能量",
    ]
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:420]
    text = text[: text.rindex("。") + 1]
    body = ["　　" + text[:13]] + [text[i : i + 15] for i in range(13, len(text), 15)]
    again = ["中国。目标感十足的坚定与战略感十", "足的节奏，为不确定的世界注入了强", "大确定性和正能量。"]
    page = "\n".join(["文/李洪兴", *deck, *body, *again, "（作者系湖南大学教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert not art.title
    assert "".join(b.text for b in art.blocks).startswith("".join(deck).replace("　", "") + text[:13])


def test_a_decks_last_line_the_text_says_again_after_the_same_words_is_no_headline_line():
    # 注入了 / 强大确定性和正能量 / 感悟发展的未来感（评论员观察）: the short line reads on from the
    # line before it (the text says 注入了强大确定性和正能量 again), the labelled one is the headline
    deck = [
        "　　目标感十足的坚定与战略感十足",
        "的节奏，持续强化着人们锚定未来发",
        "展的信心，也为不确定的世界注入了",
        "强大确定性和正能量",
    ]
    head = "感悟发展的未来感（评论员观察）"
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:420]
    text = text[: text.rindex("。") + 1]
    body = ["　　" + text[:14]] + [text[i : i + 16] for i in range(14, len(text), 16)]
    again = ["中国。目标感十足的坚定与战略感十足", "的节奏，为不确定的世界注入了强大", "确定性和正能量。"]
    page = "\n".join(["李洪兴", *deck, head, *body, *again, "（作者系湖南大学教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == head
    assert art.blocks[0].text.endswith("注入了强大确定性和正能量")


def test_a_line_nearly_as_wide_as_the_column_over_a_labelled_line_cut_into_the_text_is_the_headlines():
    # not clearly short of the column, but the sentence reads past both lines and into neither
    head = ["党性修养从来不是“一阵子”", "而是“一辈子”（思想纵横）"]
    page, text = _cut_where_the_text_reads_on(head)
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


@pytest.mark.parametrize("opening", ["（", "(", "〈"])
def test_a_bios_first_line_whose_words_read_as_a_name_is_no_byline(opening):
    # (作者：江苏商贸 / 职业学院马克思主义学 / 院): 作者： reads like a byline's prefix and 江苏商贸
    # like a name, but the line opens a bracket the next lines close
    closing = {"（": "）", "(": ")", "〈": "〉"}[opening]
    page = _page(
        "李智水",
        *BODY,
        f"{opening}作者：江苏商贸",
        "职业学院马克思主义学",
        f"院{closing}",
        "徐丹丹",
        "打好提振消费组合拳",
        *BODY2,
        "（作者系湖南大学教授）",
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["李智水"], ["徐丹丹"]]
    assert doc.articles[0].bio == "作者：江苏商贸职业学院马克思主义学院"


def test_a_line_of_name_like_words_in_a_column_narrowed_round_a_box_is_not_a_byline():
    # six characters a line beside a box: 原材料、高端 reads as two names (原, 高), but the lines
    # above and below it are as wide as it is, the one above left open
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:280]
    wide = [text[i : i + 14] for i in range(0, len(text), 14)]
    box = [
        "从国家急",
        "迫需要和长远",
        "需求出发，聚",
        "焦能源、基础",
        "原材料、高端",
        "芯片等领域关",
        "键核心技术全",
        "力攻坚。",
    ]
    doc = read_bytes(_page("车路遥", *wide, *box, *wide, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.authors == ["车路遥"]
    assert "原材料、高端芯片" in "".join(b.text for b in art.blocks)


def test_a_headline_read_after_the_first_paragraph_that_says_it_word_for_word_is_the_headline():
    # one line after a finished sentence, among the article's first lines: a subheading could
    # stand there, but the first paragraph has just said the line word for word
    col = [
        "　　习近平总书记强调：“持续抓好突出环",
        "境问题整治，高质量建设国家生态文明试验",
        "区。”建设国家生态文明试验区，是以习近",
        "平同志为核心的党中央作出的重大战略部署。",
    ]
    rest = [
        "党的二十届四中全会通过的《中共中央关于",
        "制定国民经济和社会发展第十五个五年规划",
        "的建议》提出：“持续建设国家生态文明试",
        "验区，建设美丽中国先行区，打造绿色发展",
        "高地。”建设国家生态文明试验区承载着坚",
        "定不移走生态优先、绿色发展之路的使命。",
    ]
    head = "高质量建设国家生态文明试验区"
    doc = read_bytes(_page("■ 唐韬", *col, head, *rest, "（作者为北京大学研究员）")).doc
    [art] = doc.articles
    assert art.title == head
    assert head not in "".join(b.text for b in art.blocks)[80:]


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def test_a_labelled_headline_after_a_finished_article_without_bio_or_byline_starts_the_next():
    # the first article printed no bio; the next one's byline was read far into its text (or
    # lost): only its headline, a column label closing it, divides the two. Its first line
    # ends on a listing mark, wider than any column line, so it is no line of the text.
    body1, body2 = _wrap("".join(BODY), 10), _wrap("".join(BODY2), 10)
    head = ["从用电量看中国发展向新性、", "稳定性、普惠性（人民观点）"]
    page = _page("钟才文", "看经济要坚持两点论（经济专论）", *body1, *head, *body2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论（经济专论）", "\n".join(head)]
    assert [a.authors for a in doc.articles] == [["钟才文"], []]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == ["".join(BODY), "".join(BODY2)]
    assert doc.articles[1].bio == "作者系湖南大学教授"


def test_a_column_label_alone_after_a_finished_sentence_starts_no_article():
    # a piece of the article's own headline, set apart by the OCR: no words of its own
    body1, body2 = _wrap("".join(BODY), 10), _wrap("".join(BODY2), 10)
    page = _page(
        "芦子龙", "党性修养不是“一阵子”", "而是“一辈子”", *body1, "（思想纵横）", *body2, "（作者系湖南大学教授）"
    )
    [art] = read_bytes(page).doc.articles
    assert art.authors == ["芦子龙"]
    assert "".join(BODY) + "".join(BODY2) in "".join(b.text for b in art.blocks).replace("（思想纵横）", "")


def test_a_paragraphs_first_line_over_a_labelled_headline_read_after_it_stays_in_the_text():
    # after a finished sentence, a line a little wider than the column (a hung mark) over a
    # one-line labelled headline: the next paragraph's first line, the headline read after it
    text = re.sub("[，。、]", "", "".join(BODY)) + "。"
    lines = _wrap(text, 17)  # 17 em a line
    first, rest = "由此更加深刻理解习近平总书记在民营企", "业座谈会上勉励大家的话，保持爱拼会赢的精气神。"
    page = _page("文/盛玉雷", *lines, first, "爱拼与会赢（人民论坛）", *_wrap(rest, 17), "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.title == "爱拼与会赢（人民论坛）"
    assert "".join(b.text for b in art.blocks) == text + first + rest


def test_a_byline_read_far_into_an_article_that_began_at_its_headline_is_that_articles():
    # the second article began at its labelled headline (no bio before it); its byline, set
    # beside a column's top, was read after the column before: no headline stands by it
    body1, body2 = _wrap("".join(BODY), 10), _wrap("".join(BODY2), 10)
    head = ["从用电量看中国发展向新性、", "稳定性、普惠性（人民观点）"]
    more = "扩大内需是战略基点，要加快培育完整内需体系，推动消费和投资相互促进。"
    page = _page("钟才文", "看经济要坚持两点论（经济专论）", *body1, *head, *body2, "本报评论部", *_wrap(more, 10))
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论（经济专论）", "\n".join(head)]
    assert [a.authors for a in doc.articles] == [["钟才文"], ["本报评论部"]]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2) + more


def test_a_headlines_first_line_short_of_the_column_may_end_on_a_listing_mark():
    # 从用电量看中国发展向新性、 / 稳定性、普惠性（人民观点）: a column line never ends so short
    body1, body2 = _wrap("".join(BODY), 17), _wrap("".join(BODY2), 17)
    head = ["从用电量看中国发展向新性、", "稳定性、普惠性（人民观点）"]
    page = _page(
        "李永智", "做好思想政治教育", *body1, "（作者为中国教育科学研究院党委书记）", *head, "本报评论部", *body2
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["做好思想政治教育", "\n".join(head)]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


# a lead set across the page in two columns, its rows read out of order: its last line read
# stops mid-sentence, its paragraph's end (意义。) read among the first
LEAD_TEXT = (
    "习近平总书记强调：“持续抓好突出环境问题整治，高质量建设国家生态文明试验区。”建设国家生态文明试验区，"
    "是以习近平同志为核心的党中央作出的重大战略部署。党的二十届四中全会通过的建议提出：“持续建设国家生态"
    "文明试验区，建设美丽中国先行区，打造绿色发展高地。”建设国家生态文明试验区承载着坚持和拓展人与自然和"
    "谐共生的现代化道路的重要使命，是破解生态文明建设深层次矛盾的“改革试验田”，是建设美丽中国的“先行示"
    "范窗”，对于实现高质量发展具有重要的理论价值与实践"
)
LEAD_ROWS = _wrap(LEAD_TEXT, 31)[:-1]  # full lines only
LEAD_ROWS.insert(2, "意义。")


def test_a_headline_far_shorter_than_the_leads_lines_ends_the_lead_after_an_unfinished_line():
    # no byline follows close by (the OCR read it far into the article): the headline, a
    # third of the lead's width and ending on no mark, is no line of the lead
    head = ["汲取传统村落生态智慧", "建设好宜居宜业和美乡村"]
    text = "习近平总书记指出：“农村现代化是建设农业强国的内在要求。”" + "".join(BODY) + "".join(BODY2)
    page = _page("导读", *LEAD_ROWS, *head, *_wrap(text, 14), "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert "".join(doc.lead.paragraphs) == "".join(LEAD_ROWS)
    [art] = doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == text


def test_a_short_line_the_leads_text_runs_on_after_stays_in_the_lead():
    # a column's line an engine's order set among the lead's lines: lead-wide lines follow it
    lines = [*LEAD_ROWS[:4], "集聚程度较高城市各类", *LEAD_ROWS[4:]]
    body = _wrap("".join(BODY), 12)
    page = _page("导读", *lines, "钟才文", "看经济要坚持两点论", *body, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert "".join(doc.lead.paragraphs) == "".join(lines)


def test_stray_marks_the_ocr_read_between_a_kicker_and_its_headline_keep_them_one_headline():
    # 、属，尼心，: no printed line opens on a pause mark; one headline, one article
    body1, body2 = _wrap("".join(BODY), 17), _wrap("".join(BODY2), 17)
    page = _page(
        "看经济要坚持两点论", "钟才文", *body1, "（作者系湖南大学教授）",
        "汲取传统村落生态智慧", "、属，尼心，", "建设好宜居宜业和美乡村", "国吴灿", *body2,
    )  # fmt: skip
    doc = read_bytes(page).doc
    assert len(doc.articles) == 2
    assert doc.articles[1].title.startswith("汲取传统村落生态智慧")
    assert doc.articles[1].title.endswith("建设好宜居宜业和美乡村")
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_column_label_split_round_a_single_character_still_closes_its_headline():
    # an inset headline set in a narrow box: the OCR read it two characters a line, the
    # label's halves with a stray character between them
    head = ["把绿", "色发", "展理", "念贯", "穿城", "市更", "新全", "过程", "（专题", "全", "深思）"]
    body = _wrap("".join(BODY), 12)
    doc = read_bytes(_page("导读", *LEAD_ROWS, *head, "张再杰", *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title.replace("\n", "").startswith("把绿色发展理念贯穿城市更新全过程（专题")
    assert art.authors == ["张再杰"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_paragraphs_line_cut_by_a_labelled_headline_and_its_byline_stays_in_the_text():
    # after a finished paragraph, a full line whose words run on past the headline and its
    # byline into the line after them (财政补 / … / 贴的: 补贴): the paragraph's, no headline's
    before = _wrap("爱拼会赢，表现为一种破局突围的精神。人生有顺逆，成长无坦途，唯有杀出一条血路，拼出一方天地。", 18)
    cut, rest = (
        "福建晋江，改革开放前是一个依靠财政补",
        "贴的“穷县”。一无沃土可耕，二无经验可循，咋办？晋江人敢为天下先。",
    )
    body1 = _wrap("".join(BODY), 17)
    page = _page(
        "看经济要坚持两点论", "钟才文", *body1, "（作者系湖南大学教授）",
        *before, cut, "与会赢（人民论坛）", "盛玉雷", *_wrap(rest, 18),
    )  # fmt: skip
    doc = read_bytes(page).doc
    art = doc.articles[-1]
    assert art.title == "与会赢（人民论坛）" and art.authors == ["盛玉雷"]
    assert "".join(b.text for b in art.blocks).endswith(cut + rest)


def test_a_byline_of_three_names_run_together_is_the_articles_byline():
    # nine characters, longer than any one name: the byline pass still looks at it
    body = _wrap("".join(BODY), 17)
    doc = read_bytes(_page("看经济要坚持两点论（经济专论）", "孔庆江范晓波车路遥", *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.authors == ["孔庆江", "范晓波", "车路遥"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_byline_and_headline_read_inside_a_sentence_of_a_headless_article_are_its_own():
    # the OCR read the article's first columns before its headline, which spans them: the
    # byline and the headline under it cut a sentence (习惯用“一阵 / … / 子”的想法: 一阵子)
    first = _wrap("".join(BODY), 17)
    cut = "现实中，少数党员干部习惯用“一阵"
    rest = "子”的想法去干“一辈子”的事业，短了目光、低了境界、入了歧途。有的把党和人民的事业当成“一阵子”的职业。"
    head = ["党性修养不是“一阵子”", "而是“一辈子”"]
    page = _page(*first, cut, "芦子龙", *head, *_wrap(rest, 17), "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head) and art.authors == ["芦子龙"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY) + cut + rest


def test_a_name_whose_surname_the_ocr_misread_under_a_headline_is_the_byline():
    # 谨晓芬 for 虞晓芬: no surname list holds 谨; under a long headline line that opens after a
    # finished sentence, over running text, it is the next article's byline
    body1, body2 = _wrap("".join(BODY), 17), _wrap("".join(BODY2), 17)
    head = "建设安全舒适绿色智慧的“好房子”"
    doc = read_bytes(_page("看经济要两点论", "钟才文", *body1, head, "谨晓芬", *body2, "（作者系湖南大学教授）")).doc
    assert [a.title for a in doc.articles] == ["看经济要两点论", head]
    assert doc.articles[1].authors == ["谨晓芬"]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_headlines_short_second_line_is_no_misread_name():
    # 抓落实 / 见真章: two short headline lines, neither under a long one
    body = _wrap("".join(BODY), 17)
    [art] = read_bytes(_page("钟才文", "抓落实", "见真章", *body, "（作者系湖南大学教授）")).doc.articles
    assert art.authors == ["钟才文"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


@pytest.mark.parametrize("latin", ["AI一", 'AI"-'])
def test_a_name_among_the_pieces_of_a_narrow_headline_is_a_piece_not_a_byline(latin):
    # an inset headline set a few characters a line, one piece reading as a name (胡说) and
    # one holding a Latin word (AI一; or AI"-, 一 read as a hyphen: no Han at all), then its
    # byline: one headline, one byline
    body1, body2 = _wrap("".join(BODY), 13), _wrap("".join(BODY2), 13)
    pieces = ["如何看待", latin, "本正经地", "胡说", "八道", "（新知）"]
    page = _page("张三", "看经济要坚持两点论", *body1, "（作者系湖南大学教授）", *pieces, "谷业凯", *body2)
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["谷业凯"]]
    assert doc.articles[1].title.replace("\n", "") == "".join(pieces)
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_byline_with_its_affiliation_read_inside_a_sentence_is_the_articles_byline():
    # 南开大学社会学院教授尉建文 between two lines of one sentence: a rarer surname, so only
    # the institution and title before it vouch for the name; no headline cuts the text there
    head = "以数字化赋能新时代“枫桥经验”"
    page = _page(head, *BODY[:2], "南开大学社会学院教授尉建文", *BODY[2:], "（作者为南开大学社会学院教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors == ["尉建文"]
    assert art.title == head
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_labelled_headline_in_two_lines_over_the_bodys_indented_first_line_starts_the_next():
    # no bio after the first article, the next one's byline read far into its text: its
    # headline's first line is no wider than the column, but the line under the label is a
    # paragraph's indented first line, which the line over the label does not read into
    body1 = _wrap("".join(BODY), 13)
    text2 = "".join(BODY2)
    body2 = [text2[:11], *_wrap(text2[11:], 13)]
    head = ["音符跃动，谱写动人篇章", "（新语·文化强国名家谈）"]
    page = _page("钟才文", "看经济要坚持两点论（经济专论）", *body1, *head, *body2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["看经济要坚持两点论（经济专论）", "".join(head)]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == ["".join(BODY), text2]


def test_one_character_before_two_bylines_of_the_page_is_a_misread_bullet():
    # the OCR read the ■ before each byline as the same Han character (侠), one the profile
    # does not list: twice before a sure name, it is the page's bullet
    page = _page(
        "看经济要坚持两点论",
        "侠高立伟",
        *BODY,
        "（作者系湖南大学教授）",
        "夯实执政之基（观察者说）",
        "侠李明华",
        *BODY2,
        "（作者系上海大学教授）",
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["高立伟"], ["李明华"]]
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论", "夯实执政之基（观察者说）"]


def test_a_character_before_one_rare_surnames_name_only_is_no_bullet():
    # once on the page, 转 before a rarer surname's name is not known to be a bullet (the profile
    # does not list it, as it lists 侠, Tesseract's usual reading of ■): the line is not a byline
    page = _page("看经济要坚持两点论", "转尉建文", *BODY, "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors != ["尉建文"]


def test_a_character_before_a_common_surnames_name_is_a_bullet_even_once():
    # before a common surname's name whose characters make no word together (量李智水, a real
    # Tesseract reading of ■李智水), any one character is the bullet misread
    page = _page("看经济要坚持两点论", "转高立伟", *BODY, "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors == ["高立伟"]


def test_a_one_off_bullet_counts_on_a_page_whose_other_byline_shows_a_known_one():
    # ■ read as 图 (a misreading the profile lists) before one byline and as 转 before the
    # other: the page sets bullets, so 转 before a rare surname's full name is one too; the
    # headline over it ends on a comma the OCR read for its closing quote
    page = _page(
        "以数字化赋能新时代枫桥经验，",
        "转尉建文",
        *BODY,
        "（作者系湖南大学教授）",
        "夯实执政之基（观察者说）",
        "图李明华",
        *BODY2,
        "（作者系上海大学教授）",
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["尉建文"], ["李明华"]]
    assert [a.title for a in doc.articles] == ["以数字化赋能新时代枫桥经验，", "夯实执政之基（观察者说）"]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == ["".join(BODY), "".join(BODY2)]


def test_a_line_ending_on_a_comma_wider_than_the_column_after_a_sentence_is_a_headline():
    # the OCR read the headline's closing quote as a comma, and its byline far down the
    # text: after a finished sentence, wider than the column and the lines under it, no
    # paragraph's first line (indented) stands so
    one, two = "".join(BODY + BODY), "".join(BODY2 + BODY2)
    first, second = _wrap(one, 12), _wrap(two, 12)
    page = _page(
        "看经济要坚持两点论",
        "高立伟",
        *first,
        "以数字化赋能新时代枫桥经验，",
        *second[:5],
        "■尉建文",
        *second[5:],
        "（作者系南开大学教授）",
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论", "以数字化赋能新时代枫桥经验，"]
    assert [a.authors for a in doc.articles] == [["高立伟"], ["尉建文"]]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == [one, two]


def test_a_name_after_a_byline_mark_is_a_byline_though_no_list_knows_its_surname():
    # 文/户子龙 (芦 misread 户): the mark says byline where a byline stands, after a bio
    page = _page(
        "看经济要坚持两点论", "高立伟", *BODY, "（作者系湖南大学教授）", "文/户子龙", *BODY2, "夯实执政之基（观察者说）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["高立伟"], ["户子龙"]]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_name_between_two_full_lines_of_an_article_without_byline_is_its_byline():
    # the reading order put the byline (its bullet lost, a rarer surname) inside a sentence:
    # no word reads across either break, and the article has no other byline
    body = _wrap("".join(BODY), 20)
    page = _page("看经济要坚持两点论", *body[:2], "尉建文", *body[2:], "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors == ["尉建文"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_name_between_two_full_lines_of_an_article_with_a_byline_stays_text():
    body = _wrap("".join(BODY), 20)
    page = _page("看经济要坚持两点论", "高立伟", *body[:2], "尉建文", *body[2:], "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors == ["高立伟"]
    assert "尉建文" in "".join(b.text for b in art.blocks)


def test_a_line_ending_on_a_comma_over_an_unbulleted_name_stays_text():
    # no bullet on the page: a sentence left open over a name-like line is no headline
    page = _page("看经济要坚持两点论", "高立伟", *BODY, "以数字化赋能新时代枫桥经验，", "转尉建文", *BODY2)
    [art] = read_bytes(page).doc.articles
    assert art.title == "看经济要坚持两点论"
    assert "以数字化赋能新时代枫桥经验，转尉建文" in "".join(b.text for b in art.blocks)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("侠刷建文", ["刷建文"]),  # a bullet read as 侠, the surname misread
        ("孔庆江范晓波车路还", ["孔庆江", "范晓波", "车路还"]),  # run together, one misread
    ],
)
def test_a_garbled_byline_a_bio_names_is_the_articles_byline(line, names):
    bio = "作者简介：" + "、".join(["尉建文"] if len(names) == 1 else ["孔庆江", "范晓波", "车路遥"]) + "，南开大学教授"
    page = _page("看经济要坚持两点论", *BODY[:2], line, *BODY[2:], bio)
    [art] = read_bytes(page).doc.articles
    assert art.authors == names
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_bio_that_names_no_one_vouches_for_no_garbled_line():
    page = _page("看经济要坚持两点论", *BODY[:2], "侠刷建文", *BODY[2:], "（作者系南开大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.authors == []


def test_lead_text_read_before_its_marker_at_the_page_top_stays_the_leads():
    # the OCR read the lead box's right column before its marker: prose, so no page header
    before = ["同时，大模型又不是简单地储存所有事实，而会像人脑", "那样进行大量压缩和泛化，也就是抓概要、找规律。"]
    lead = ["大模型的工作原理，是基于概率生成内容。给它上半句，", "它就根据自己学过的海量知识算出下半句该说什么。"]
    page = _page(*before, "导读", *lead, "张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert doc.unplaced == []
    assert "".join(doc.lead.paragraphs) == "".join(before + lead)
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论"]


def test_a_page_header_before_the_leads_marker_is_no_lead_text():
    page = _page("理论周刊", "导读", "大模型的工作原理，是基于概率生成内容。", "张三", "看经济要坚持两点论", *BODY)
    doc = read_bytes(page).doc
    assert "理论周刊" not in "".join(doc.lead.paragraphs)


def test_a_first_line_pausing_on_a_comma_over_a_labelled_headline_after_the_byline_is_the_bodys():
    # 我是一名作曲家，创作生涯始于 reads like a headline line (one comma, words either side),
    # but the full line under the label goes on with its sentence: the body's first line
    text = "我是一名作曲家，创作生涯始于上世纪80年代初期，几十年来创作了交响音画《北方森林》。"
    first, rest = text[:14], text[14:]
    head = "音符跃动，谱写动人篇章（新语·文化强国名家谈）"
    page = _page("文/张千一", first, head, *_wrap(rest, 16), *_wrap("".join(BODY2), 16), "（作者系湖南大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.title == head
    assert "".join(b.text for b in art.blocks).startswith(text)


def test_a_collective_byline_under_a_headline_line_left_open_is_a_byline():
    # the headline's first line ends on a listing mark (its second line read elsewhere): a
    # collective byline under it is still one, though a sentence would go on after 、
    page = _page(
        "张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）",
        "从用电量看中国发展向新性、稳定性、", "本报评论部", *BODY2,
    )  # fmt: skip
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["本报评论部"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # three authors one a line between the headline and the text
        (["区域协调发展", "张明华", "李建国", "王立伟"], ["打好提振消费组合拳", "李四"]),
        # two at the page top, the headline read after the text; two in the second article
        (["张明华", "李建国"], ["打好提振消费组合拳", "李四", "王五"]),
        # the names joined by single newlines (one block, as an engine's own order gives them)
        (["区域协调发展", "张明华\n李建国\n王立伟"], ["打好提振消费组合拳", "李四"]),
    ],
)
def test_authors_set_one_a_line_are_one_articles_byline(first, second):
    page = _page(*first, *BODY, "（作者系某大学教授）", *second, *BODY2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    names = [n for ln in first if ln != "区域协调发展" for n in ln.split("\n")]
    assert [a.authors for a in doc.articles] == [names, second[1:]]
    assert doc.articles[1].title == "打好提振消费组合拳"
    assert "".join(b.text for b in doc.articles[0].blocks) == "".join(BODY)


def test_a_headline_listing_over_two_lines_as_wide_as_a_column_line_is_one_headline():
    # the first line ends on a listing mark and is as wide as a column line; the labelled
    # line under it goes on with the list: one headline, not a body line and a label
    upper, lower = "从用电量看中国经济发展的向新性与创造性、", "稳定性、普惠性（人民观点）"
    page = _page(
        "张三",
        "看经济要坚持两点论",
        *BODY,
        "（作者系湖南大学教授）",
        upper,
        lower,
        *BODY2,
        *BODY2,
        "（作者系某大学教授）",
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论", f"{upper}\n{lower}"]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2 * 2)


def test_a_headline_left_open_on_a_listing_mark_joins_its_labelled_end_read_in_the_text():
    # the headline's first line (wider than any column line) stands over the byline; its
    # labelled last line was read among the body's lines: one headline, the text rejoined
    upper, lower = "从用电量看中国经济发展的向新性与创造性、稳定性、", "普惠性（人民观点）"
    body = [*BODY2[:2], lower, *BODY2[2:], *BODY2]
    page = _page("张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", upper, "本报评论部", *body)
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["看经济要坚持两点论", f"{upper}\n{lower}"]
    assert doc.articles[1].authors == ["本报评论部"]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2 * 2)


def test_a_byline_read_into_the_text_over_the_headline_cutting_it_is_the_byline():
    # the engine read the byline and the headline under it between two lines of the text
    # of an article that began after a bio: the names are its byline, not a headline line
    head = ["建强战斗堡垒", "夯实执政之基（观察者说）"]
    text = ["新时代以来，我们党坚持分类指导、分领域抓", "好基层党组织建设，作出系列重要指示要求，"]
    rest = ["为我们做好新形势下基层党建工作提供了根本", "遵循。"]
    body = [*BODY2, *text, "李四", *head, *rest]
    doc = read_bytes(
        _page("张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", *body, "（作者系某大学教授）")
    ).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["李四"]]
    assert doc.articles[1].title == "\n".join(head)
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join([*BODY2, *text, *rest])


@pytest.mark.parametrize("after", [["多措并举", "协同发力", "打好提振消费组合拳"], []])
def test_a_surname_alone_after_a_bio_is_a_byline_cut_short(after):
    # ■李铄 read as 李: the article is cut there, its headline found under it, the editor told
    page = _page(
        "张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", "李", *after, *BODY2, "（作者系某大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["李"]]
    assert doc.articles[1].title == "\n".join(after)
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)
    assert any(n["code"] == "byline-partial" for n in doc.stats["notices"])


def test_a_character_alone_after_a_bio_that_is_a_rare_surname_and_a_word_stays_text():
    # 和 is a surname too, but a rare one and a common word: no byline on that alone
    page = _page("张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", "和", *BODY2, "（作者系某大学教授）")
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], []]


def test_a_bio_whose_closing_bracket_the_ocr_lost_ends_before_the_labelled_headline_after_it():
    # （作者系… / 组书记 with no ）: the next bracket closes a column label, not the bio
    bio = ["（作者系江苏省哲学社会科学界联合会原党", "组书记"]
    head = ["感悟发展", "的未来感", "（评论", "员观察）"]
    page = _page("张三", "看经济要坚持两点论", *BODY, *bio, *head, "李四", *BODY2, "（作者系某大学教授）")
    doc = read_bytes(page).doc
    assert doc.articles[0].bio == "作者系江苏省哲学社会科学界联合会原党组书记"
    # the label's halves are one again: 感悟发展 / 的未来感（评论员观察）
    assert doc.articles[1].title.split("\n")[-1] == "的未来感（评论员观察）"
    assert doc.articles[1].title.replace("\n", "") == "感悟发展的未来感（评论员观察）"


def test_a_narrow_headline_piece_ending_on_an_opening_quote_stays_in_the_headline():
    # 建设安全 / 舒适绿色 / 智慧的“ / 好房子”: the quoted word on the next piece; the piece
    # before it had cut the headline in two and made an article of its own
    head = ["建设安全", "舒适绿色", "智慧的“", "好房子”"]
    page = _page(
        *head, "张三", *BODY, "（作者系湖南大学教授）", "打好提振消费组合拳", "李四", *BODY2, "（作者系某大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["李四"]]
    assert doc.articles[0].title == "建设安全\n舒适绿色\n智慧的“好房子”"


def test_a_surname_alone_under_the_headline_after_a_bio_is_a_byline_cut_short():
    head = ["多措并举", "协同发力", "打好提振消费组合拳"]
    page = _page(
        "张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", *head, "李", *BODY2, "（作者系某大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["张三"], ["李"]]
    assert doc.articles[1].title == "\n".join(head)


def test_a_surname_alone_under_the_headline_at_the_page_top_is_a_byline_cut_short():
    head = ["多措并举", "协同发力", "打好提振消费组合拳"]
    page = _page(
        *head, "李", *BODY2, "（作者系某大学教授）", "看经济要坚持两点论", "张三", *BODY, "（作者系湖南大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["李"], ["张三"]]
    assert doc.articles[0].title == "\n".join(head)


def test_a_headline_in_pieces_with_a_stray_character_cutting_a_sentence_is_taken_out():
    # the engine read an inset headline's pieces (and its first character, split off) between
    # 在推 and 进新能源: the sentence reads past them all
    text = [
        "习近平总书记强调，推进碳达峰碳中和不可毕",
        "其功于一役。中国将破立并举、稳扎稳打在推",
        "进新能源可靠替代过程中逐步有序减少传统能",
        "源，确保经济社会平稳发展。",
    ]
    head = ["措并举", "协同发力", "多", "加快建设新型能源体系"]
    page = _page("李四", *BODY2, *text[:2], *head, *text[2:], *BODY2, "（作者系某大学教授）")
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == "".join([*BODY2, *text, *BODY2])


def test_a_kicker_over_the_first_headline_after_a_lead_cut_short_is_the_headlines():
    # the lead's lines run across the page; its last line read stops mid-sentence, and the
    # kicker under it (no mark, far narrower) is the first headline's, not the lead's
    lead = [
        "以数字化赋能新时代“枫桥经验”，必须坚持以党的领导为根本、服务为导向，加快形成共建共治共享",
        "的现代基层社会治理新格局，以源头治理为前提、以多方共治为基础、以依法治理为保障、以民生",
    ]
    kicker, head = "发展新质生产力与改造提升传统产业密不可分", "积极运用新技术改造提升传统产业（专题深思）"
    page = _page("导读", *lead, kicker, head, "张三", *BODY2, *BODY2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert doc.lead is not None and kicker not in "".join(doc.lead.paragraphs)
    assert [a.title for a in doc.articles] == [f"{kicker}\n{head}"]


def test_a_labels_tail_read_far_into_the_text_joins_the_headline_that_lacks_it():
    # a display headline's last words and label (活力（金台潮声）) were read among the body's
    # lines, its first line (进一步激发基层干事) over the byline: one headline, the text rejoined
    body = [*BODY2[:2], "活力（金台潮声）", *BODY2[2:], *BODY2]
    page = _page("张三", "看经济要坚持两点论", *BODY, "（作者系湖南大学教授）", "进一步激发基层干事", "李四", *body)
    doc = read_bytes(_page(page.decode(), "（作者系某大学教授）")).doc
    assert doc.articles[1].title == "进一步激发基层干事\n活力（金台潮声）"
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2 * 2)


def test_a_labelled_headline_read_far_into_the_text_joins_the_kicker_over_it():
    # the kicker stood under the lead, over the text; the main line (words of its own and the
    # column label) was read among the body's lines: one headline, kicker over main line
    lead = [
        "以数字化赋能新时代“枫桥经验”，必须坚持以党的领导为根本、服务为导向，加快形成共建共治共享",
        "的现代基层社会治理新格局，以源头治理为前提、以多方共治为基础、以依法治理为保障、以民生。",
    ]
    kicker, main = "发展新质生产力与改造提升传统产业密不可分", "积极运用新技术改造提升传统产业（专题深思）"
    text = "".join(BODY2 * 2)
    narrow = [text[i : i + 10] for i in range(0, len(text), 10)]  # a narrow column under a wide kicker
    page = _page("导读", *lead, kicker, *narrow[:5], main, *narrow[5:], "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == [f"{kicker}\n{main}"]
    assert "".join(b.text for b in doc.articles[0].blocks) == text


def test_the_pieces_of_a_headline_set_in_a_narrow_box_stay_one_headline():
    # a headline set a few characters a line after a bio, the article before it without a
    # headline of its own: its pieces are one headline, not shared out between the two articles
    pieces = ["打好提振", "消费组", "合拳（人", "民论坛）"]
    page = _page("唐韬", *BODY, "（作者系湖南大学教授）", *pieces, "杨彦帆", *BODY2, *BODY2, "（作者系某大学教授）")
    doc = read_bytes(page).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["", "打好提振消费组合拳（人民论坛）"]


def test_a_narrow_box_headline_breaking_on_a_comma_at_the_page_top_is_the_headline():
    # 惩治“微 / 腐败”， / …: a piece a few characters wide ends on the comma where the box broke
    # the headline, and the OCR's lost byline (二河 for 常晋) stands under it; the page's next
    # article is a byline under another narrow headline whose label runs over four lines
    first = ["惩治“微", "腐败”，", "让老百姓", "可感可及", "（评论", "观察）"]
    second = ["科学客观", "看待我国", "当前经济", "发展态势", "（习近平", "经济思想指", "引下的中国", "经济专论）"]
    page = _page(*first, *BODY, *BODY, *second, "钟才文", *BODY2, *BODY2)
    doc = read_bytes(page).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["".join(first), "".join(second)]
    assert [a.authors for a in doc.articles] == [[], ["钟才文"]]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == ["".join(BODY * 2), "".join(BODY2 * 2)]


def test_a_name_between_a_narrow_box_headlines_pieces_ending_on_pauses_is_a_piece():
    # 从用电 / 量看 / 国发展 / 向新性、 / 稳定性 / （人民 / 观点） / 本报评论部: the collective byline
    # after the pieces says the short name-like line among them is a piece of the headline
    pieces = ["从用电", "量看", "国发展", "向新性、", "稳定性", "（人民", "观点）"]
    page = _page(*BODY2, "（作者系某大学教授）", *pieces, "本报评论部", *BODY, *BODY, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert doc.articles[-1].title.replace("\n", "") == "".join(pieces)
    assert doc.articles[-1].authors == ["本报评论部"]


def test_a_byline_read_far_into_a_headed_article_over_a_full_line_is_the_articles():
    # the article began at its headline after a bio and has no byline; its byline was read
    # after a finished sentence far into the text, over a full column line with a comma in it:
    # that line is running text, no headline by the byline, so the byline is the article's
    after = ["事关党执政大厦的地基稳固，群众工作是看家", "本领。", *BODY]
    page = _page("张三", *BODY2, "（作者系湖南大学教授）", "夯实执政之基（观察者说）", *BODY2, "高立伟", *after)
    doc = read_bytes(_page(page.decode(), "（作者系上海大学教授）")).doc
    assert [a.title for a in doc.articles] == ["", "夯实执政之基（观察者说）"]
    assert [a.authors for a in doc.articles] == [["张三"], ["高立伟"]]
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2 + after)


def test_a_two_line_headline_under_its_byline_as_wide_as_the_column_is_found_by_its_echo():
    # 文/孙静 / 以基层治理现代化助力 / 更高水平平安中国建设: no line of it narrower than the
    # column, no mark in either; the text says the two lines again as one sentence, which does
    # not go on into the body's first line
    head = ["以人才布局优化助推区", "域协调发展迈上新台阶"]
    text = "".join(BODY) + "以人才布局优化助推区域协调发展迈上新台阶。" + "".join(BODY2)
    body = [text[:9], *_wrap(text[9:], 11)]  # the first line's 2-em indent lost
    [art] = read_bytes(_page("文/孙静", *head, *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title == "\n".join(head)
    assert art.authors == ["孙静"]
    assert "".join(b.text for b in art.blocks) == text


def test_two_bare_body_lines_said_again_in_the_text_are_no_headline_when_the_echo_reads_on():
    # the same two lines, but where the text says them again it goes on as the body does
    # under them: a sentence the article repeats, not a headline
    said = "以人才布局优化助推区域协调发展迈上新台阶的重要"
    text = said + "意义。" + "".join(BODY) + said + "作用。" + "".join(BODY2)
    body = _wrap(text, 10)
    [art] = read_bytes(_page("文/孙静", *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title == ""
    assert "".join(b.text for b in art.blocks) == text


def test_a_column_label_over_many_pieces_of_a_box_three_characters_wide_closes_its_headline():
    # 美国 / 滥施关 / … / 角透析 / （深入 / 学习贯 / … / 思想）: the label runs over more
    # pieces than a wider box's would, every one of them three characters or less
    pieces = ["看经", "济要", "坚持", "两点论"]
    label = ["（深入", "学习贯", "彻党的", "二十届", "四中全", "会精神", "）"]
    body = _wrap("".join(BODY), 17)
    [art] = read_bytes(_page(*pieces, *label, "钟才文", *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title.replace("\n", "") == "".join(pieces + label)
    assert art.authors == ["钟才文"]
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def test_a_bullet_read_once_as_a_han_before_a_two_character_name_on_a_bulleted_page():
    # 图赵成 (图 a known misreading of ■) and 量唐毛 (■ read as 量, once): the second article
    # printed no bio before it, so only its byline and its narrow headline divide the two
    body1, body2 = _wrap("".join(BODY), 13), _wrap("".join(BODY2), 13)
    page = _page(
        "看经济要坚持两点论", "图赵成", *body1, "量唐毛", "提振", "消费", "正当时", *body2, "（作者系湖南大学教授）"
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["赵成"], ["唐毛"]]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == ["".join(BODY), "".join(BODY2)]


def test_a_labelled_headline_over_a_byline_is_no_line_of_a_bio_left_open_above_it():
    # the bio's closing line was read elsewhere (before it), so its bracket stays open; the
    # next line closes a label of its own right over a byline: the next article's headline
    body1, body2 = _wrap("".join(BODY), 17), _wrap("".join(BODY2), 17)
    head = "建强战斗堡垒夯实执政之基（观察者说）"
    page = _page("张三", *body1, "（作者为北京工商大学党委常委、副", head, "高立伟", *body2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["", head]
    assert doc.articles[0].bio == "作者为北京工商大学党委常委、副"
    assert [a.authors for a in doc.articles] == [["张三"], ["高立伟"]]


def test_a_line_wider_than_every_piece_of_a_narrow_box_under_it_is_the_bodys_first():
    # 尉建文 / 以数字 / 化赋能新 / 时代“枫 / 桥经验 / “枫桥经验”历经60余年的 / 发展，…: the
    # body's first line is narrower than the column (its indent lost) but wider than any piece
    pieces = ["看经", "济要坚", "持两点", "论"]
    text = "".join(BODY)
    body = [text[:12], *_wrap(text[12:], 16)]
    [art] = read_bytes(_page("钟才文", *pieces, *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title.replace("\n", "") == "".join(pieces)
    assert "".join(b.text for b in art.blocks) == text


LEAD = [
    "关于我国当前经济形势，主流是看好的，但也有唱衰",
    "的声音。我们认为，看经济要坚持两点论，用好辩证法。",
]


def test_a_leads_last_lines_set_narrower_over_a_narrow_boxs_headline_stay_the_leads():
    # 导读 / …辩证法。 / 总的看，我国经济形有分化、 / 势在向好、未来可期。 / 从用电 / 量看 / …: the
    # narrow box's pieces under the lead are no column of text the lead would end before
    tail = ["总的看，我国经济形有分化、", "势在向好、未来可期。"]
    pieces = ["从用电", "量看中", "国发展", "向新性", "稳定性", "（人民", "观点）"]
    body = _wrap("".join(BODY + BODY2), 12)
    doc = read_bytes(_page("导读", *LEAD, *tail, *pieces, "本报评论部", *body, "（作者系湖南大学教授）")).doc
    assert "".join(doc.lead.paragraphs) == "".join(LEAD + tail)
    [art] = doc.articles
    assert art.title.replace("\n", "") == "".join(pieces)
    assert art.authors == ["本报评论部"]


def test_a_column_label_over_four_pieces_of_a_box_six_characters_wide_closes_its_headline():
    # 美国滥施关 / … / 理视角透析 / （深入学习贯 / 彻习近平新时 / 代中国特色社 / 会主义思想）
    # after the article before it: a box a little wider than a bare piece, its label over four
    pieces = ["看经济要坚", "持两点论用", "好辩证法"]
    label = ["（深入学习贯", "彻党的二十届", "四中全会精神", "专题研究）"]
    body1, body2 = _wrap("".join(BODY2 * 2), 12), _wrap("".join(BODY * 2), 12)
    page = _page("张三", *body1, *pieces, *label, "钟才文", *body2, "（作者系湖南大学教授）")
    doc = read_bytes(page).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["", "".join(pieces + label)]
    assert "".join(b.text for b in doc.articles[0].blocks) == "".join(BODY2 * 2)


def test_a_bio_naming_its_articles_byline_after_text_the_ocr_cut_short_is_the_bio():
    # …方面，多边主义并非纯粹的结 / 作者简介：孔庆江、范晓波、 / 车路遥，中国政法大学: no finished
    # sentence before it, but the note names the byline's authors
    body = [*_wrap("".join(BODY * 2), 12)[:-1], "方面，多边主义并非纯粹的结"]
    bio = ["作者简介：孔庆江、范晓波、", "车路遥，中国政法大学"]
    [art] = read_bytes(_page("孔庆江 范晓波 车路遥", *body, *bio)).doc.articles
    assert art.bio == "".join(bio)
    assert art.authors == ["孔庆江", "范晓波", "车路遥"]


def test_a_narrow_boxs_pieces_at_the_page_top_are_no_column_of_their_own():
    # 美国滥施关 / 税及中国反 / 制措施的法 / 理视角透析 / （深入 / 学习贯 / … / 思想） / 孔庆江…:
    # the stretch before the first byline holds the pieces alone, no sentence in them
    pieces = ["看经济要坚", "持两点论用", "好辩证法看", "发展新态势"]
    label = ["（深入", "学习贯", "彻习近", "平新时", "代中国", "特色社", "会主义", "思想）"]
    body = _wrap("".join(BODY * 2), 14)
    [art] = read_bytes(_page(*pieces, *label, "钟才文", *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title.replace("\n", "") == "".join(pieces + label)
    assert "".join(b.text for b in art.blocks) == "".join(BODY * 2)


def test_a_narrow_boxs_first_piece_ending_on_a_comma_at_the_page_top_over_a_wider_piece():
    # 音符跃动， / 谱写动人篇章 / （新语·文化 / 强国名家谈） / 文/张千一: the box broke its
    # headline at the comma, the piece after a little wider than five em
    head = ["音符跃动，", "谱写动人篇章", "（新语·文化", "强国名家谈）"]
    body = _wrap("".join(BODY * 2), 12)
    doc = read_bytes(_page("第9版", "理论", *head, "文/张千一", *body, "（作者为中国音乐家协会副主席）")).doc
    [art] = doc.articles
    assert art.title.replace("\n", "") == "".join(head)
    assert art.authors == ["张千一"]


def test_a_headline_whose_labels_opening_bracket_the_ocr_lost_under_its_byline():
    # 国李洪兴 / 感悟发展的未来感评论员观察） / 目标感十足的坚定与战略感十足的节 / 奏，…: the
    # line closes a bracket nothing opened; the deck's bare line under it is the body's
    head = "感悟发展的未来感评论员观察）"
    text = "目标感十足的坚定与战略感十足的节奏，" + "".join(BODY)
    body = [text[:16], *_wrap(text[16:], 17)]
    [art] = read_bytes(_page("李洪兴", head, *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title == head
    assert "".join(b.text for b in art.blocks) == text


def test_two_bare_lines_said_again_between_two_lines_breaking_between_words_are_a_headline():
    # …能源消费 / 多措并举协同发力 / 加快建设新型能源体系 / 持续向绿色化…: no pair on the page
    # shows the sentence reading past them, but neither break round them falls in a word
    head = ["多措并举协同发力", "加快建设新型能源体系"]
    before = [*_wrap("".join(BODY), 12), "要着力推动我国的能源消费"]
    after = ["持续向绿色化低碳化发展。", *_wrap("我们要加快建设新型能源体系，" + "".join(BODY2), 12)]
    page = _page("李铄", *before, *head, *after, "（作者单位：北京大学经济学院）")
    [art] = read_bytes(page).doc.articles
    assert art.title == "\n".join(head)
    assert "".join(b.text for b in art.blocks) == "".join(before + after)


def test_a_line_under_the_byline_whose_last_word_the_next_line_ends_is_the_bodys():
    # 本报评论部 / 党的二十届四中全会提 / 出：“我国经济…: the word 提出 is used nowhere else on
    # the page, but the next line goes on after one character and a mark: running text
    first = "党的二十届四中全会提"
    text = first + "出：“我国经济基础稳、优势多、韧性强、潜能大。”" + "".join(BODY)
    body = [first, *_wrap(text[len(first) :], 12)]
    head, second = "看经济要坚持两点论（人民观点）", _wrap("".join(BODY2), 12)
    page = _page("本报评论部", *body, "（作者系湖南大学教授）", head, "张三", *second, "（作者系北京大学教授）")
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == ["", head]
    assert "".join(b.text for b in doc.articles[0].blocks) == text


def test_a_long_column_label_broken_over_two_lines_under_its_headline():
    # 科学客观看待我国当前经济发展态势 / （习近平经济思想指 / 引下的中国经济专论） / 钟才文: each
    # half of the label longer than a narrow box's piece, words only between its brackets
    head = ["看经济要坚持两点论", "（习近平经济思想指", "引下的中国经济专论）"]
    page = _page(
        "张三", *_wrap("".join(BODY2 * 2), 14), "（作者系北京大学教授）", *head, "钟才文", *_wrap("".join(BODY * 2), 14)
    )
    doc = read_bytes(_page(page.decode(), "（作者系湖南大学教授）")).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["", "".join(head)]
    assert doc.unplaced == []


def test_a_narrow_box_under_a_bio_whose_close_was_read_first_keeps_its_first_piece():
    # 保障。 / 院） / （作者单位：北京大学经济学 / 以数字 / 化赋能新 / 时代“枫 / 桥经验” / 尉建文
    pieces = ["以数字", "化赋能新", "时代“枫", "桥经验”"]
    body1 = _wrap("".join(BODY2 * 2), 14)
    page = _page("张三", *body1, "院）", "（作者单位：北京大学经济学", *pieces, "尉建文", *_wrap("".join(BODY * 2), 14))
    doc = read_bytes(_page(page.decode(), "（作者系南开大学教授）")).doc
    assert [a.title.replace("\n", "") for a in doc.articles] == ["", "".join(pieces)]
    assert doc.articles[0].bio == "作者单位：北京大学经济学院"


def test_a_surname_alone_under_a_narrow_boxs_pieces_after_the_lead_is_a_byline_cut_short():
    # 导读 / … / 多措并举 / 协同发力 / 加快建设新 / 型能源体系 / 李 / 习近平总书记指出…: ■李铄
    # read as 李, under the first article's narrow headline
    lead = ["关于我国当前经济形势，主流是看好的，但也有唱衰", "的声音。我们认为，看经济要坚持两点论，用好辩证法。"]
    pieces = ["多措并举", "协同发力", "加快建设新", "型能源体系"]
    body = _wrap("".join(BODY * 2), 14)
    doc = read_bytes(_page("导读", *lead, *pieces, "李", *body, "（作者单位：北京大学经济学院）")).doc
    [art] = doc.articles
    assert art.authors == ["李"]
    assert art.title.replace("\n", "") == "".join(pieces)


def test_a_rarer_surnames_byline_over_a_labelled_headline_cutting_the_text_is_the_articles():
    # …够一够的劲头。走上坡路、开 / 盛玉雷 / 爱拼与会赢（人民论坛） / 顶风船，…: the article began
    # after a bio with no byline; its byline and headline were read inside a sentence
    before = [
        "“蓝天不是等来的，而是拼出来的。”不久",
        "前生态环境部新闻发布会上的一句话，道出蓝",
        "发展到今天，“低垂的果子”已经摘完了，",
        "更需要跳一跳、够一够的劲头。走上坡路、开",
    ]
    after = [
        "顶风船，没点儿拼劲是走不远的。无论是稳增",
        "长、提质效，还是打基础、利长远，抑或是防",
        "风险、过难关……今天的中国，自带逆水行舟",
        "的危机感、时不我待的紧迫感、舍我其谁的使",
        "命感。",
    ]
    first = _wrap("".join(BODY * 2), 19)
    page = _page(
        "林伟",
        *first,
        "（作者：复旦大学教务处处长，本报记者",
        "丁雅诵整理）",
        *before,
        "盛玉雷",
        "爱拼与会赢（人民论坛）",
        *after,
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["林伟"], ["盛玉雷"]]
    assert doc.articles[1].title == "爱拼与会赢（人民论坛）"
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(before + after)


def test_a_number_whose_count_the_next_line_names_is_running_text_under_a_byline():
    # 尉建文 / “枫桥经验”历经60 / 余年的发展，…: the body's first line, not a headline under the
    # byline, though it is short and bare; the headlines stand at the page end
    text = "“枫桥经验”历经60余年的发展，不断与时俱进，焕发生机，发扬光大。" + "".join(BODY)
    second = ["“枫桥经验”历经60", *_wrap(text[len("“枫桥经验”历经60") :], 14)]
    heads = ["打好提振消费组合拳", "以数字化赋能新时代“枫桥经验”"]
    page = _page(
        "张三",
        *_wrap("".join(BODY2 * 2), 14),
        "（作者系北京大学教授）",
        "尉建文",
        *second,
        "（作者系南开大学教授）",
        *heads,
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == heads
    assert "".join(b.text for b in doc.articles[1].blocks) == text


def test_a_bio_that_an_engine_broke_into_two_blocks_on_a_pause_is_one_note():
    # 作者简介：孔庆江、范晓波、 / (blank line) / 车路遥，中国政法大学: the engine ended its
    # block on the list's pause, where no note ends
    body = "\n".join(_wrap("".join(BODY * 2), 14))
    page = f"孔庆江 范晓波 车路遥\n\n{body}\n\n作者简介：孔庆江、范晓波、\n\n车路遥，中国政法大学\n"
    doc = read_bytes(page.encode()).doc
    [art] = doc.articles
    assert art.bio == "作者简介：孔庆江、范晓波、车路遥，中国政法大学"
    assert doc.unplaced == []


def test_a_bare_line_under_a_headline_that_the_sentence_reads_into_stays_the_text():
    # 基 / 打好提振消费组合拳 / 本生活类…增势较 / 好，…: the two lines bare, the headline said
    # again in the text, but the sentence reads into the line under it (基本): the text's line
    lines = [
        "消费是拉动经济增长的主引擎。去年以来，",
        "我国一系列扩内需促消费政策发力显效，基",
        "本生活类和部分升级类商品销售增势较",
        "好，服务消费需求不断释放。我们要打好",
        "提振消费组合拳，使消费潜力充分释放。",
    ]
    head = "打好提振消费组合拳"
    text = "".join(lines) + "".join(BODY) + "打好提振消费组合拳。" + "".join(BODY2)
    body = [*lines[:2], head, *lines[2:], *_wrap(text[len("".join(lines)) :], 18)]
    [art] = read_bytes(_page("文/徐丹丹", *body, "（作者系湖南大学教授）")).doc.articles
    assert art.title == head
    assert "".join(b.text for b in art.blocks) == text


def test_straight_quotes_are_paired_within_each_paragraph_of_the_model():
    # Tesseract's '"' and '`' for “ ”: made Chinese once the paragraphs are rebuilt, each paired
    # on its own (the first paragraph's lost closing quote turns none of the second's round),
    # and counted for the cleanup report; the lines the structure stage reads are the engine's
    first = "习近平总书记指出：“不忘初心、牢记使命不是一阵子的事。" + "".join(BODY)
    second = '全社会用电量被喻为经济"晴雨表"，为观察中国经济提供了独特视角。' + "".join(BODY2)
    body = [*_wrap(first, 16), "　　" + second[:14], *_wrap(second[14:], 16)]
    r = read_bytes(_page("张三", *body, "（作者系湖南大学教授）"))
    [art] = r.doc.articles
    assert [b.text for b in art.blocks] == [first, second.replace('"晴雨表"', "“晴雨表”")]
    assert r.doc.stats["cleanup"]["quotes"] == 2


def test_a_name_after_a_misread_bullet_with_its_surname_misread_is_a_byline():
    # ■尉建文 read as 国导建文: no list knows 导, but the bullet says byline after a bio, over a headline
    page = _page(
        "看经济要坚持两点论", "高立伟", *BODY, "（作者系湖南大学教授）", "国导建文", "夯实执政之基（观察者说）", *BODY2
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["高立伟"], ["导建文"]]
    assert doc.articles[1].title == "夯实执政之基（观察者说）"
    assert "".join(b.text for b in doc.articles[1].blocks) == "".join(BODY2)


def test_a_misread_bullet_and_name_after_a_finished_sentence_starts_an_article():
    # no bio: the sentence ends, then the bullet and a misread name, then a headline line the
    # article's text says again (as wide as its narrow columns)
    head = "打好提振消费组合拳"
    body2 = [BODY2[0], BODY2[1], "费，打好提振消费组合拳，满足人民日益增长的", "美好生活需要。"]
    page = _page("看经济要坚持两点论", "高立伟", *BODY, "侠店家", head, *body2)
    doc = read_bytes(page).doc
    assert [(a.title, a.authors) for a in doc.articles] == [("看经济要坚持两点论", ["高立伟"]), (head, ["店家"])]


def test_a_bullet_character_opening_a_word_is_no_misread_bullet():
    # 国内外 opens with a character the profile lists as a misread bullet, but 国内 is a word
    page = _page(
        "看经济要坚持两点论", "高立伟", *BODY, "（作者系湖南大学教授）", "国内外", "夯实执政之基（观察者说）", *BODY2
    )
    doc = read_bytes(page).doc
    assert all(a.authors != ["内外"] for a in doc.articles)


def test_a_rare_surnames_name_that_is_a_common_word_is_no_byline():
    # 能量 under a deck line ending 和正 (正能量): 能 is a rare surname, 能量 a common word
    deck = [
        "目标感十足的坚定与战略感十足的节奏，持续强化着",
        "人们锚定未来发展的信心，也为不确定的世界注入了",
        "强大确定性和正",
        "能量",
    ]
    page = _page(
        "看经济要坚持两点论",
        "高立伟",
        *BODY,
        "（作者系湖南大学教授）",
        "感悟发展的未来感（评论员观察）",
        "李洪兴",
        *deck,
        *BODY2,
    )
    doc = read_bytes(page).doc
    assert [a.authors for a in doc.articles] == [["高立伟"], ["李洪兴"]]
    assert doc.articles[1].title == "感悟发展的未来感（评论员观察）"


def test_a_byline_alone_cutting_a_sentence_leaves_the_line_before_it_in_the_text():
    # the reading order put the byline (its bullet read 人@@) between two lines of one sentence
    # (覆盖全 / 人@@张千一 / 剧并…):
    # the line before it is no headline, and the article stays one
    body = _wrap("".join(BODY) + "因此", 20)
    cut = ["我将青春作为本剧的音乐主题，贯穿并覆盖全", "剧并涵盖所有主要人物。全剧音乐织体几乎都处"]
    page = _page(
        "音符跃动，谱写动人篇章",
        *body,
        *cut[:1],
        "人@@张千一",
        *cut[1:],
        "于动态之中，充满热情。",
        "（作者系湖南大学教授）",
    )
    [art] = read_bytes(page).doc.articles
    assert art.title == "音符跃动，谱写动人篇章"
    assert "贯穿并覆盖全剧并涵盖" in "".join(b.text for b in art.blocks)


def test_a_lead_whose_last_line_read_is_unfinished_ends_where_a_narrow_boxs_pieces_begin():
    # the OCR read the lead's columns out of order: its last line read stops mid-sentence, an
    # indented first line (…惠民生。从田间到临) narrower than the lead's full lines but far wider
    # than the article's column; the byline and the narrow headline's pieces come right after
    lead = [
        "精准对接群众需求，方能更好发挥中医药临床优势。中药疗效",
        "如何，老百姓最为关心关切。不妨从难点破题，落细落实完善",
        "中药标准体系、完善中药材价格监管机制、强化临床价值评估",
        "等举措。此外，还要从实践中汲取经验智慧，造福广大患者。",
        "　　强协同、抓源头、提质量、促转型、惠民生。从田间到临",
    ]
    pieces = ["党性", "修养不", "是“一", "阵子”", "（思想", "纵横）"]
    body = _wrap("".join(BODY * 3), 15)
    # (a rarer surname's byline, which no test of names alone takes for one)
    doc = read_bytes(_page("编者按", *lead, "芦子龙", *pieces, *body, "（作者系湖南大学教授）")).doc
    assert doc.lead is not None and "".join(doc.lead.paragraphs).endswith("从田间到临")
    [art] = doc.articles
    assert "党性" in art.title


def test_a_narrow_headlines_listing_line_over_a_line_its_label_stands_under_is_the_headlines():
    # 从用电量看中 / 国发展向新性、 / 稳定性、普惠性 / （人民观点） / 本报评论部: the label on a line
    # of its own; the line ending on 、 goes on with the list the next line ends
    first = _wrap("".join(BODY * 2), 13)
    pieces = ["从用电量看中", "国发展向新性、", "稳定性、普惠性", "（人民观点）"]
    second = _wrap("".join(BODY2 * 2), 13)
    doc = read_bytes(_page("张三", *first, "（作者系湖南大学教授）", *pieces, "本报评论部", *second)).doc
    assert len(doc.articles) == 2
    assert doc.articles[1].title.replace("\n", "") == "".join(pieces)


def test_a_pages_name_among_a_narrow_headlines_pieces_is_a_word_of_it():
    # （习近平 / 经济 / 思想指 / 引下）: 经济 is a page's name, furniture only where it stands alone
    pieces = ["科学客观", "看待我国", "（习近平", "经济", "思想指", "引下）"]
    body = _wrap("".join(BODY * 2), 13)
    doc = read_bytes(_page("经济", *pieces, "钟才文", *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title.replace("\n", "") == "".join(pieces)
    assert doc.unplaced == ["经济"]  # the page's header, kept as furniture


def test_an_article_without_a_byline_takes_the_authors_its_bio_names():
    # the OCR never read the byline (a narrow box beside the headline): 作者简介 names the authors
    body = _wrap("".join(BODY * 2), 14)
    bio = ["作者简介：张金阳、邹升平，扬州", "大学马克思主义学院"]
    doc = read_bytes(_page("以人才布局优化促进区域协调发展", *body, *bio)).doc
    [art] = doc.articles
    assert art.authors == ["张金阳", "邹升平"]
    assert any(n["code"] == "authors-from-bio" for n in doc.stats["notices"])
    # a bio in another wording names nobody; a byline, where there is one, is the authors
    doc = read_bytes(_page("以人才布局优化促进区域协调发展", *body, "（作者系扬州大学教授）")).doc
    assert doc.articles[0].authors == []
    doc = read_bytes(_page("李四", *body, *bio)).doc
    assert doc.articles[0].authors == ["李四"]


def test_a_narrow_headlines_pieces_closed_by_its_label_hold_no_byline_and_a_latin_word():
    # 如何看待 / AT / 本正经 / 胡说 / 八道， / （新知）, the byline lost by the OCR: 胡说 reads as a
    # name, but the label that closes the pieces after it says it stands inside the headline;
    # AT (AI“一 misread) is a piece between two pieces
    pieces = ["如何看待", "AT", "本正经", "胡说", "八道，", "（新知）"]
    body = _wrap("".join(BODY * 2), 16)
    doc = read_bytes(_page(*pieces, *body, "（作者系湖南大学教授）")).doc
    [art] = doc.articles
    assert art.title.replace("\\n", "") == "".join(pieces)
    assert art.authors == []


def test_a_narrow_headlines_piece_opening_with_a_common_word_is_no_rare_surnames_name():
    # 以数字 / 化赋能新 / 时代“枫 / 桥经验” over the byline, the quote read as a character (时代机):
    # 时 is a surname, but a rare one, and 时代 a common word: the piece is the headline's
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:420]
    text = text[: text.rindex("。") + 1]
    body = ["　　" + text[:13]] + [text[i : i + 15] for i in range(13, len(text), 15)]
    head = ["以数字", "化赋能新", "时代机", "桥经验”"]
    page = "\n".join([*head, "尉建文", *body, "（作者系南开大学社会学院教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == "".join(head)  # (a narrow box's pieces: one line, broken again by the writers)
    assert art.authors == ["尉建文"]


def test_a_kickers_short_lines_over_a_long_headline_keep_their_breaks():
    # unlike a narrow box's pieces, the kicker's lines are the headline's own lines
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:420]
    text = text[: text.rindex("。") + 1]
    body = ["　　" + text[:13]] + [text[i : i + 15] for i in range(13, len(text), 15)]
    head = ["多措并举", "协同发力", "加快建设新型能源体系"]
    page = "\n".join([*head, "李铄", *body, "（作者系中国人民大学教授）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == "\n".join(head)


def test_a_narrow_boxs_pieces_closed_by_a_column_label_are_one_line():
    # the label on the last piece (板惠民生（人民时评）) is no part of the piece's measure
    text = "".join(b.text for b in read_path(SAMPLE).doc.articles[1].blocks)[:420]
    text = text[: text.rindex("。") + 1]
    body = ["　　" + text[:13]] + [text[i : i + 15] for i in range(13, len(text), 15)]
    head = ["让中医", "药产业更", "好补短", "板惠民生（人民时评）"]
    page = "\n".join(["杨彦帆", *head, *body, "（作者系人民日报记者）"])
    [art] = read_bytes(page.encode()).doc.articles
    assert art.title == "".join(head)


def test_a_page_that_keeps_its_paragraphs_one_a_line_reads_as_its_model():
    # text copied from an e-paper (or an OCR tool that joins a paragraph's lines): every line a
    # paragraph, the subheadings lines without a stop among them; the sample's model back, block
    # for block (a subheading once ran into the paragraph after it)
    import json

    model = json.loads((Path(__file__).parent / "fixtures" / "sample_model.json").read_text(encoding="utf-8"))
    lines = [model["lead"]["heading"], *model["lead"]["paragraphs"]]
    for a in model["articles"]:
        lines += [a["title"].replace("\n", ""), "  ".join(a["authors"]), *(b["text"] for b in a["blocks"])]
        lines.append(f"（{a['bio']}）")
    doc = read_bytes("\n".join(lines).encode(), "page").doc
    assert doc.lead is not None and doc.lead.paragraphs == model["lead"]["paragraphs"]
    assert len(doc.articles) == len(model["articles"])
    for got, want in zip(doc.articles, model["articles"], strict=True):
        assert got.title == want["title"].replace("\n", "")
        assert got.authors == want["authors"] and got.bio == want["bio"]
        assert [(b.type, b.text) for b in got.blocks] == [(b["type"], b["text"]) for b in want["blocks"]]
    assert not doc.unplaced


def test_a_line_whose_next_opens_on_a_verb_and_a_quotation_is_the_bodys_first():
    # under the byline, a short line that could be a headline's (习近平总书记深刻), over a line
    # opening on 指出：“ with no speaker before it: the line is the speaker, the body's first,
    # not the headline (the article's own headline the OCR lost)
    body = _wrap("".join(BODY2), 12)
    page = _page(
        "把党中央精神落到实处",
        "文/张明华",
        *_wrap("".join(BODY), 12),
        "（作者系湖南大学教授）",
        "文/李建国",
        "习近平总书记深刻",
        "指出：“过去更多的是要求群众去做事。”",
        *body,
        "（作者系湖南师范大学教授）",
    )
    arts = read_bytes(page).doc.articles
    assert len(arts) == 2
    assert arts[1].title != "习近平总书记深刻"
    assert arts[1].blocks[0].text.startswith("习近平总书记深刻指出：")


def test_a_deck_under_a_labelled_headline_read_inside_the_text_stays_with_it():
    # the reading order put the headline, its label and its deck between two lines of a
    # sentence; a label closes the main line, the deck goes under it, not into the text
    body = _wrap("".join(BODY), 12)
    page = _page(
        "张明华",
        *body[:3],
        "感悟发展的未来感（评论员观察）\n——从一个县域看高质量发展",
        *body[3:],
        "（作者系湖南大学教授）",
    )
    [art] = read_bytes(page).doc.articles
    assert art.title == "感悟发展的未来感（评论员观察）\n——从一个县域看高质量发展"
    assert "——" not in "".join(b.text for b in art.blocks)


def test_decks_in_a_stack_of_headlines_at_the_page_end_close_their_own_headlines():
    # every headline read after the last bio: a deck ends the headline over it and never
    # opens the next one
    page = _page(
        "张明华",
        *_wrap("".join(BODY), 12),
        "（作者系湖南大学教授）",
        "李建国",
        *_wrap("".join(BODY2), 12),
        "（作者系湖南师范大学教授）",
        "以人才布局优化促进区域协调发展\n——来自基层一线的调研与思考",
        "打好提振消费组合拳\n——把握新发展阶段的时代特征",
    )
    doc = read_bytes(page).doc
    assert [a.title for a in doc.articles] == [
        "以人才布局优化促进区域协调发展\n——来自基层一线的调研与思考",
        "打好提振消费组合拳\n——把握新发展阶段的时代特征",
    ]


def test_a_headline_and_its_deck_on_one_line_read_as_two_title_lines():
    page = _page(
        "以人才布局优化促进区域协调发展（专题深思）——来自基层一线的调研与思考",
        "张明华",
        *_wrap("".join(BODY), 12),
        "（作者系湖南大学教授）",
    )
    [art] = read_bytes(page).doc.articles
    assert art.title == "以人才布局优化促进区域协调发展（专题深思）\n——来自基层一线的调研与思考"


def test_a_bylines_title_broken_over_the_lines_above_its_name_is_the_bylines():
    """A narrow box breaks a byline's affiliation and title over lines above the name
    (江苏省哲学社会科学界联合 / 会原党组书记 / 张颢瀚): they are the byline's, not an article of
    their own nor a headline's lines; one article, the title printed with the name."""
    head = "以人才布局优化促进区域协调发展"
    raw = _page("江苏省哲学社会科学界联合", "会原党组书记", "张颢瀚", head, *BODY, "（作者系湖南大学教授）")
    doc = read_bytes(raw).doc
    [art] = doc.articles
    assert art.title == head
    assert art.authors == ["张颢瀚"]
    assert art.byline == "江苏省哲学社会科学界联合会原党组书记 张颢瀚"
    assert "".join(b.text for b in art.blocks) == "".join(BODY)


def _column(text: str, width: int = 16) -> list[str]:
    """A paragraph as the column prints it: indented two, a line every `width` characters."""
    t = "\u3000\u3000" + text
    return [t[i : i + width].strip("\u3000") for i in range(0, len(t), width)]


@pytest.mark.parametrize(
    "head",
    ["理论·实践 06版", "第06版：理论周刊", "学习时报  理论周刊  A3版", "思想·理论 | 第 11 版", "理论.实践09版"],
)
def test_a_running_head_of_several_parts_is_furniture_not_a_headline_line(head):
    """Another paper's running head (page name and number on one line) over the first headline
    was read as the headline's first line; it is the page's furniture, kept in unplaced."""
    body = [
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成，",
        "一些地方在推动产业转型中仍存在路径依赖，创新要素的集聚能力不强，科技成果转化的链条不够顺畅，需要从体制机制入手。",
        "要打通从实验室到生产线的“最后一公里”，健全以企业为主体、市场为导向、产学研深度融合的技术创新体系，于",
    ]
    date_line = "2025年10月14日"  # a narrow column's line that holds only a date stays in its paragraph
    lines = [head, "以科技创新引领", "新质生产力发展", "王晓明"]
    lines += _column(body[0]) + _column(body[1]) + _column(body[2]) + [date_line, "正式启动。"]
    lines += _column("（作者系中国人民大学马克思主义学院教授）", 16)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [a.title for a in doc.articles] == ["以科技创新引领\n新质生产力发展"]
    assert [a.authors for a in doc.articles] == [["王晓明"]]
    assert " ".join(head.split()) in [" ".join(u.split()) for u in doc.unplaced] or any(
        re.sub(r"\s", "", head) == re.sub(r"\s", "", u) for u in doc.unplaced
    )
    assert date_line + "正式启动。" in doc.articles[0].blocks[-1].text


def test_an_interviews_deck_stays_under_its_headline_and_its_name_is_no_author():
    lines = ["推动经济持续回升向好", "——访国务院发展研究中心研究员王一鸣", "□ 本报记者 张晓兰"]
    lines += _column("今年以来，我国经济运行总体平稳、稳中有进，高质量发展扎实推进。外贸进出口规模再创新高。")
    lines += _column("在宏观政策持续发力的同时，各地因地制宜发展新质生产力，推动传统产业转型升级。")
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles] == [
        ("推动经济持续回升向好\n——访国务院发展研究中心研究员王一鸣", ["张晓兰"])
    ]


def test_the_authors_of_a_page_without_bylines_are_the_names_its_notes_give():
    """Guangming Daily's wording: no byline over the text, the names open the note at its end
    (（作者：李红梅，系…；赵志刚，系…）); a funding note (本文系…成果) is the end note too, never
    the last paragraph's words, while a paragraph opening 本文系统… stays text."""
    first = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    own = "本文系统梳理了中华优秀传统文化创造性转化的路径，认为要立足新时代的实践要求，用时代精神激活传统文化的生命力。"
    second = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = ["让中华优秀传统文化", "焕发新的时代光彩", *_column(first), *_column(own)]
    lines += _column("（作者：李红梅，系北京师范大学文学院教授；赵志刚，系北京师范大学文学院副教授）", 16)
    lines += ["以科技创新引领", "新质生产力发展", "王晓明", *_column(second)]
    lines += _column("（本文系国家社科基金重大项目“新时代科技创新体制机制研究”（23ZDA001）阶段性成果）", 16)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.authors, a.authors_from) for a in doc.articles] == [(["李红梅", "赵志刚"], "bio"), (["王晓明"], "")]
    assert [len(a.blocks) for a in doc.articles] == [2, 1]
    assert doc.articles[0].blocks[1].text.startswith("本文系统梳理")
    assert doc.articles[1].bio.startswith("本文系国家社科基金") and doc.articles[1].bio.endswith("阶段性成果")
    assert doc.articles[1].blocks[-1].text.endswith("新质生产力加快形成。")


@pytest.mark.parametrize("marker", ["开栏的话", "导语", "本期导读", "【编者按】"])
def test_a_lead_under_another_papers_marker_is_the_lead_not_an_article(marker):
    note = "本版今日刊发一组文章，从不同角度探讨如何以科技创新引领新质生产力发展，敬请关注。"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = [marker, *_column(note), "以科技创新引领", "新质生产力发展", "王晓明", *_column(body)]
    lines += _column("（作者系中国人民大学教授）", 16)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and doc.lead.heading == marker.strip("【】")
    assert doc.lead.paragraphs == [note]
    assert [a.title for a in doc.articles] == ["以科技创新引领\n新质生产力发展"]


@pytest.mark.parametrize("bullet", ["■ ", "◆", "一、"])
def test_bulleted_subheadings_stay_in_their_article(bullet):
    paras = [
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。",
        "外贸是国民经济的重要组成部分。面对复杂严峻的外部环境，要积极拓展多元化市场，支持企业稳订单拓市场。",
        "消费是经济增长的主引擎。要着力提升消费能力、优化消费环境、创新消费场景，推动消费从疫后恢复转向持续扩大。",
    ]
    subs = [bullet + "稳住外贸基本盘", bullet.replace("一", "二") + "激发消费新活力"]
    lines = ["以科技创新引领", "新质生产力发展", "王晓明", *_column(paras[0]), subs[0], *_column(paras[1])]
    lines += [subs[1], *_column(paras[2]), *_column("（作者系中国人民大学教授）", 16)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert len(doc.articles) == 1 and doc.articles[0].authors == ["王晓明"]
    heads = [b.text for b in doc.articles[0].blocks if b.type == "heading"]
    assert [re.sub(r"\s", "", h) for h in heads] == [re.sub(r"\s", "", s) for s in subs]


def _three_articles(middle: list[str]) -> list[str]:
    first = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    last = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    lines = ["以科技创新引领", "新质生产力发展", "王晓明", *_column(first), *_column("（作者系中国人民大学教授）", 16)]
    lines += middle
    lines += [
        "让中华优秀传统文化",
        "焕发新的时代光彩",
        "李红梅",
        *_column(last),
        *_column("（作者系北京师范大学教授）", 16),
    ]
    return lines


SHORT_COMMENT = [
    "民营经济是推进中国式现代化的生力军，是高质量发展的重要基础。促进民营经济发展壮大，必须坚持“两个毫不动摇”。",
    "要持续优化民营经济发展环境，破除市场准入壁垒，完善融资支持政策制度，让民营企业家安心经营、放心投资。",
]


def test_a_short_unsigned_comment_under_its_own_headline_is_an_article():
    """A 短评 of a hundred-odd characters with no byline or bio, under its headline, between
    two signed articles: an article of its own, not leftover text after a bio."""
    doc = read_bytes(
        "\n\n".join(
            _three_articles(["营造良好营商环境", *_column(SHORT_COMMENT[0]), *_column(SHORT_COMMENT[1])])
        ).encode()
    ).doc
    assert [a.title for a in doc.articles][1] == "营造良好营商环境"
    assert [b.text for b in doc.articles[1].blocks] == SHORT_COMMENT
    assert not doc.unplaced


def test_unplaced_text_keeps_its_paragraphs_and_a_headline_apart():
    """A note after a bio too short to be an article is set apart; its paragraphs stay
    paragraphs, and a headline-like line over it is not glued to the text under it."""
    note = ["征稿启事", *_column("本版长期征集理论文章。"), *_column("来稿请注明作者单位。")]
    doc = read_bytes("\n\n".join(_three_articles(note)).encode()).doc
    assert doc.unplaced == ["征稿启事", "本版长期征集理论文章。", "来稿请注明作者单位。"]


def test_a_bio_under_the_byline_before_the_text_keeps_the_text_in_its_article():
    """Some papers print the author's note under the byline, before the text: the note is
    the article's bio, and the text under it is still that article's, not leftover text."""
    texts = [
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。",
        "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。",
    ]
    lines = [
        "以科技创新引领",
        "新质生产力发展",
        "王晓明",
        *_column("（作者系中国人民大学教授）", 16),
        *_column(texts[0]),
    ]
    lines += [
        "让中华优秀传统文化",
        "焕发新的时代光彩",
        "李红梅",
        *_column("（作者系北京师范大学教授）", 16),
        *_column(texts[1]),
    ]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.authors, a.bio, [b.text for b in a.blocks]) for a in doc.articles] == [
        (["王晓明"], "作者系中国人民大学教授", [texts[0]]),
        (["李红梅"], "作者系北京师范大学教授", [texts[1]]),
    ]
    assert not doc.unplaced


def test_numbered_subheadings_as_wide_as_the_column_or_broken_over_two_lines():
    """A numbered subheading no narrower than the column (a paragraph's first line is indented)
    alone on its line, or wider and broken over two lines, is a subheading, not a paragraph's
    first words nor the end of the paragraph before it."""
    paras = [
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。",
        "外贸是国民经济的重要组成部分。面对复杂严峻的外部环境，要积极拓展多元化市场，支持企业稳订单拓市场。",
        "消费是经济增长的主引擎。要着力提升消费能力、优化消费环境、创新消费场景，推动消费从恢复转向持续扩大。",
        "开放是当代中国的鲜明标识。要稳步扩大规则、规制、管理、标准等制度型开放，以高水平开放促进深层次改革。",
    ]
    heads = ["一、科技创新是发展新质生产力的核心要素", "二、以体制机制改革激发创新活", "三、在开放合作中提升创新能力"]
    lines = ["深刻把握以科技创新引领", "新质生产力发展的内在逻辑", "王晓明", *_column(paras[0], 15)]
    for h, p in zip(heads, paras[1:], strict=True):
        lines += [h[i : i + 15] for i in range(0, len(h), 15)]  # set flush, not indented
        lines += _column(p, 15)
    lines += _column("（作者系中国人民大学教授）", 15)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    blocks = [(b.type, b.text) for b in doc.articles[0].blocks]
    assert blocks == [("paragraph", paras[0])] + [
        x for h, p in zip(heads, paras[1:], strict=True) for x in (("heading", h), ("paragraph", p))
    ]


def test_a_photos_caption_and_credit_inside_the_text_are_set_apart():
    """图为… / 新华社记者 张三摄 set among an article's column lines: the credit read as a
    byline split the article, the caption was glued into the paragraph. They are furniture,
    kept apart, and the paragraph they stood in reads on; a column line opening 图为 in the
    text (宏伟蓝 / 图为实现…) stays text."""
    para = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成，经济发展的质量和效益不断提升。"
    own = "我们要绘就高质量发展的宏伟蓝图为实现中国式现代化贡献力量，各地坚持以科技创新引领产业创新。"
    cols = _column(para, 15)
    lines = ["以科技创新引领", "新质生产力发展", "王晓明", *cols[:3], "图为浙江省杭州市某科技企业研", "发车间。"]
    lines += ["新华社记者 张三摄", *cols[3:], *_column(own, 15), "图为研发车间。（李四摄）"]
    lines += [*_column("（作者系中国人民大学教授）", 15), "（下转第六版）"]
    lines += [
        "让中华优秀传统文化",
        "焕发新的时代光彩",
        "李红梅",
        *_column(own, 15),
        *_column("（作者系北京师范大学教授）", 15),
    ]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles] == [
        ("以科技创新引领\n新质生产力发展", ["王晓明"]),
        ("让中华优秀传统文化\n焕发新的时代光彩", ["李红梅"]),
    ]
    assert [b.text for b in doc.articles[0].blocks] == [para, own]
    assert doc.unplaced == [
        "图为浙江省杭州市某科技企业研",
        "发车间。",
        "新华社记者 张三摄",
        "图为研发车间。（李四摄）",
        "（下转第六版）",
    ]


def test_a_headline_under_its_byline_as_wide_as_the_column_is_not_the_bodys_first_line():
    """Byline over headline (王晓明 / 以科技创新引领新质生产力发展), the headline within an em of
    the column's width: the body's first line is indented, so the full line between the byline
    and it is the headline, not the paragraph's first words."""
    first = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。"
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶。"
    lines = [
        "李红梅",
        "让中华优秀传统文化焕发新的时代光",
        *_column(other, 15),
        *_column("（作者系北京师范大学教授）", 15),
    ]
    lines += ["王晓明", "以科技创新引领新质生产力发展", *_column(first, 15), *_column("（作者系中国人民大学教授）", 15)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors, [b.text for b in a.blocks]) for a in doc.articles] == [
        ("让中华优秀传统文化焕发新的时代光", ["李红梅"], [other]),
        ("以科技创新引领新质生产力发展", ["王晓明"], [first]),
    ]


def test_a_lead_note_signed_on_its_last_line_keeps_its_signature():
    note = "本版今日刊发一组文章，从不同角度探讨如何以科技创新引领新质生产力发展，敬请关注。"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = ["编者按", *_column(note), "——编者", "以科技创新引领新质生产力发展", "王晓明", *_column(body)]
    lines += _column("（作者系中国人民大学教授）", 16)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and (doc.lead.paragraphs, doc.lead.signature) == ([note], "——编者")
    assert [a.title for a in doc.articles] == ["以科技创新引领新质生产力发展"]


@pytest.mark.parametrize("signed", ["——编者", "编者", "——本报编辑部"])
def test_a_leads_signature_is_set_apart_from_its_last_paragraph(signed):
    # on a line of its own after the note's last sentence, its dash maybe lost (RapidOCR drops
    # a leading ——): the writers set it flush right; with a single newline between lines too
    note = "本版今日刊发一组文章，从不同角度探讨如何以科技创新引领新质生产力发展，敬请关注。"
    body = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。" * 3
    lines = ["编者按", *_column(note), signed, "以科技创新引领新质生产力发展", "王晓明", *_column(body)]
    lines += _column("（作者系中国人民大学教授）", 16)
    for sep in ("\n\n", "\n"):
        doc = read_bytes(sep.join(lines).encode()).doc
        assert doc.lead is not None and (doc.lead.paragraphs, doc.lead.signature) == ([note], signed)
        assert "".join(b.text for b in doc.articles[0].blocks) == body


@pytest.mark.parametrize("gap", ["", "  ", "\u3000\u3000"])
def test_a_signature_run_onto_the_leads_last_line_is_set_apart(gap):
    # the page set ——编者 flush right on the note's last line (or the OCR joined it there)
    note = "本版今日刊发一组文章，从不同角度探讨如何以科技创新引领新质生产力发展，敬请关注。"
    body = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。" * 3
    lines = _column(note)
    lines[-1] += gap + "——编者"
    lines = ["编者按", *lines, "以科技创新引领新质生产力发展", "王晓明", *_column(body), "（作者系中国人民大学教授）"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and (doc.lead.paragraphs, doc.lead.signature) == ([note], "——编者")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("敬请关注。——编者", 5),
        ("敬请关注！  ——本报编辑部", 5),
        ("敬请关注读者来信——编者", None),  # no sentence ends before the dash: the note's own words
        ("敬请关注。编者", None),  # no dash: a word of the note
        ("敬请关注。——编者说", None),  # no signer the profile knows
    ],
)
def test_a_signature_runs_on_only_after_a_finished_sentence_and_a_dash(text, at):
    from types import SimpleNamespace

    from pipeline.structure.passes.lead import signature_run_on
    from pipeline.structure.profile import load_profile

    assert signature_run_on(SimpleNamespace(profile=load_profile()), text) == at


def test_a_headline_as_wide_as_the_column_between_the_leads_signature_and_a_byline_is_the_headline():
    # no paragraph runs before it for the byline to have cut: the lead ended on its signature
    note = "为深入学习贯彻党的二十届四中全会精神，本版今起开设专栏，邀请专家学者围绕重大问题撰写文章，敬请关注。"
    body = "人才是第一资源，创新是第一动力。把党中央精神落到实处，要深入认识人才布局优化的重要意义。" * 4
    lines = ["开栏的话", *_column(note, 30), "——编者", "以人才布局优化促进区域协调发展", "张金阳", *_column(body, 16)]
    lines += ["（作者系扬州大学教授）"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and doc.lead.signature == "——编者"
    assert [(a.title, a.authors) for a in doc.articles] == [("以人才布局优化促进区域协调发展", ["张金阳"])]
    assert "".join(b.text for b in doc.articles[0].blocks) == body


def test_a_one_line_note_ending_on_a_title_ends_before_a_paragraphs_first_line():
    # brackets lost, no byline on the next article (its names in its own note): the note's
    # line ends on a title in full and the next line is as narrow as an indented first line
    # (the indent itself lost): the next article's text, not the note's
    first = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。" * 2
    second = "消费是拉动经济增长的主引擎，我们要打好提振消费组合拳，使居民有稳定收入能消费、敢消费。" * 2
    lines = ["看经济要坚持两点论", "高立伟", *_column(first, 12), "作者：芦子龙，系本报记者", *_column(second, 12)]
    lines += ["（作者：尉建文，系南开大学教授）", "打好提振消费组合拳"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [a.bio for a in doc.articles] == ["作者：芦子龙，系本报记者", "作者：尉建文，系南开大学教授"]
    assert ["".join(b.text for b in a.blocks) for a in doc.articles] == [first, second]


def test_a_one_line_notes_next_line_naming_a_post_in_full_stays_the_notes():
    first = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。" * 2
    lines = ["看经济要坚持两点论", *_column(first), "作者：张三，系湖南大学教授", "湖南省社会科学院哲学所研究员"]
    [art] = read_bytes("\n\n".join(lines).encode()).doc.articles
    assert art.bio == "作者：张三，系湖南大学教授湖南省社会科学院哲学所研究员"


@pytest.mark.parametrize("above", [True, False])
def test_a_research_groups_name_wrapped_over_lines_is_the_byline(above):
    # a narrow box (or the headline's width) broke the group's name: no line alone names it
    group = ["国务院发展研究中心", "宏观经济研究部课题", "组"]
    first = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深。" * 2
    body = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。" * 2
    head = [*group, "爱拼与会赢（人民论坛）"] if above else ["爱拼与会赢（人民论坛）", *group]
    lines = ["让中华优秀传统文化焕发新的时代光彩", "李红梅", *_column(first), "（作者系北京师范大学教授）"]
    lines += [*head, *_column(body), "（执笔：王晓明）"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles][1] == ("爱拼与会赢（人民论坛）", ["".join(group)])
    assert "".join(b.text for b in doc.articles[1].blocks) == body


def test_a_research_groups_byline_and_its_writer_are_the_authors():
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    group = "中国人民大学习近平新时代中国特色社会主义思想研究院课题组"
    lines = ["以科技创新引领新质生产力发展", group, "执笔：王晓明", *_column(body), *_column(body)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles] == [("以科技创新引领新质生产力发展", [group, "王晓明"])]


@pytest.mark.parametrize(
    "headline", ["科技创新何以引领新质生产力？", "如何看待AI“一本正经地胡说八道”？", "奋斗者，正青春！"]
)
@pytest.mark.parametrize("under", [False, True])
def test_a_headline_that_asks_or_exclaims_is_still_a_headline(headline, under):
    """A headline ending on ？ or ！ over its byline (or under it): a sentence's mark, but no
    sentence of the text stands alone between an article's end and a byline."""
    first = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶。"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = [
        "让中华优秀传统文化焕发新的时代光彩",
        "李红梅",
        *_column(first),
        *_column("（作者系北京师范大学教授）", 16),
    ]
    lines += ["王晓明", headline] if under else [headline, "王晓明"]
    lines += [*_column(body), *_column("（作者系中国人民大学教授）", 16)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles][1] == (headline, ["王晓明"])
    assert [b.text for b in doc.articles[1].blocks] == [body]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_headline_as_wide_as_the_column_right_after_a_bio_heads_the_next_article(sep):
    """No byline (the names are in the note at the end): after the bio before it, a line as
    wide as the column with an indented first line under it is the next article's headline."""
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶。"
    body = "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新。"
    lines = [
        "让中华优秀传统文化焕发新的时代光",
        "李红梅",
        *_column(other, 15),
        *_column("（作者系北京师范大学教授）", 15),
    ]
    lines += ["以科技创新引领新质生产力发展", *_column(body, 15), *_column("（作者：王晓明，系中国人民大学教授）", 15)]
    doc = read_bytes(sep.join(lines).encode()).doc
    assert [(a.title, a.authors, [b.text for b in a.blocks]) for a in doc.articles][1] == (
        "以科技创新引领新质生产力发展",
        ["王晓明"],
        [body],
    )


def test_a_research_groups_name_may_hold_its_parents_in_brackets():
    """…党校（国家行政学院）…课题组 signs as one: the brackets are part of the group's name, not
    a bio's or an affiliation's, so the line is the byline and the group the author."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    group = "中共中央党校（国家行政学院）经济学教研部课题组"
    lines = ["以科技创新引领", "新质生产力发展", group, *_column(body), *_column(body)]
    lines += ["守正创新", "传承中华文化", "李红梅", *_column(other), *_column(other)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors) for a in doc.articles] == [
        ("以科技创新引领\n新质生产力发展", [group]),
        ("守正创新\n传承中华文化", ["李红梅"]),
    ]


@pytest.mark.parametrize("credit", ["本版责编：孙波  版式设计：王轩", "责编：孙波", "美术设计：王轩  视觉设计：李明"])
def test_a_pages_production_credits_in_other_papers_words_are_furniture(credit):
    """本版责编, 版式设计, 美术设计: the credits other papers print under the page, read here
    after the headlines the OCR put at the page's end: furniture, not a headline's line."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    lines = ["王晓明", *_column(body), *_column("（作者系中国人民大学教授）")]
    lines += ["李红梅", *_column(other), *_column("（作者系北京师范大学教授）")]
    lines += ["以科技创新引领新质生产力发展", "守正创新传承中华文化", credit]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [a.title for a in doc.articles] == ["以科技创新引领新质生产力发展", "守正创新传承中华文化"]
    assert [u.replace(" ", "") for u in doc.unplaced] == [credit.replace(" ", "")]


def _unsigned(body: str, note: str, width: int = 13) -> list[str]:
    """An article whose only signature is its closing note (no headline or byline read before it)."""
    return [*_column(body, width), *_column(note, width)]


def test_a_signed_lead_ends_on_its_signature_though_no_headline_follows():
    """The lead's signature (——编者) ends it even where the first article's text follows with
    no headline or byline read before it (its headline at the page's end, its names in its
    note): the signature is no headline's deck, the text after it the article's."""
    note = "以数字化赋能新时代“枫桥经验”，必须坚持以党的领导为根本、以源头治理为前提、以多方共治为基础。"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = ["编者的话", note, "——编者", *_unsigned(body, "（作者：王晓明，系中国人民大学教授）")]
    lines += ["以科技创新引领新质生产力发展"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and (doc.lead.paragraphs, doc.lead.signature) == ([note], "——编者")
    assert [(a.title, a.authors, [b.text for b in a.blocks]) for a in doc.articles] == [
        ("以科技创新引领新质生产力发展", ["王晓明"], [body])
    ]


def test_a_lead_of_one_line_across_the_page_ends_where_the_columns_begin():
    """A lead of one paragraph printed on one line (as the sample prints its lead) over an
    article with no headline or byline read before its text: the lead is that one line."""
    note = "向新性，这是中国经济在新时代呈现的一个突出特点。党的二十届四中全会提出：“加快高水平科技自立自强，引领发展新质生产力。”"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = ["本期导读", note, *_unsigned(body + body, "（作者：王晓明，系中国人民大学教授）")]
    lines += ["以科技创新引领新质生产力发展"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and doc.lead.paragraphs == [note]
    assert [a.blocks[0].text for a in doc.articles] == [body + body]


FUNDED = [
    "（作者为贵州财经大学中国西",
    "部绿色发展战略研究院院长；",
    "本文系教育部人文社会科学研",
    "究规划基金项目“乡村振兴中",
    "的基层治理”",
    "（24YJA710012）阶段性成",
    "果）",
]


@pytest.mark.parametrize("closed", [True, False])
def test_a_bio_with_a_funding_note_after_its_semicolon_is_one_bio(closed):
    """（作者为…院长；本文系…“…”（24YJA710012）阶段性成果）: the funding note opens a line
    inside the bracket the bio opened, and its project number, carried down whole, leaves the
    line before it short; neither ends the bio, with its closing bracket or without it."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    bio = FUNDED if closed else [*FUNDED[:-1], "果"]
    lines = ["以科技创新引领新质生产力发展", "王晓明", *_column(body, 13), *_column(body, 13), *bio]
    lines += ["守正创新传承中华文化", "李红梅", *_column(other, 13), *_column(other, 13)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [a.bio for a in doc.articles] == [
        "作者为贵州财经大学中国西部绿色发展战略研究院院长；本文系教育部人文社会科学研究规划基金项目“乡村振兴中的基层治理”"
        "（24YJA710012）阶段性成果",
        "",
    ]
    assert [len(a.blocks) for a in doc.articles] == [2, 2]


def test_an_unbracketed_funding_note_goes_on_past_its_project_number_to_its_last_words():
    """作者：…；本文系…（23ZDA001） / 阶段性成果, no brackets round the note, and the next
    article's text right after it: the note ends on 阶段性成果, not on the number."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    note = [
        "作者：尉建文，南开大学社会学院教",
        "授；本文系国家社科基金重大项目“新时",
        "代科技创新体制机制研究”（23ZDA001）",
        "阶段性成果",
    ]
    lines = ["以科技创新引领新质生产力发展", *_column(body, 17), *_column(body, 17), *note]
    lines += [*_column(other, 17), *_column(other, 17), "（作者：李红梅，系北京师范大学教授）", "守正创新传承中华文化"]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.authors, a.bio.endswith(("阶段性成果", "北京师范大学教授")), len(a.blocks)) for a in doc.articles] == [
        (["尉建文"], True, 2),
        (["李红梅"], True, 2),
    ]
    assert "阶段性成果" in doc.articles[0].bio


def test_a_groups_writers_note_that_lost_its_brackets_is_no_byline_of_the_next_article():
    """执笔：肖凯 after the text of a piece a research group signed, its brackets lost, and then
    the next headline and byline: the group's closing note, not the next article's author."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    group = "国务院发展研究中心宏观经济研究部课题组"
    lines = ["以科技创新引领新质生产力发展", group, *_column(body), *_column(body), "执笔:肖凯"]
    lines += ["守正创新传承中华文化", "李红梅", *_column(other), *_column(other)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.authors, a.bio) for a in doc.articles] == [([group], "执笔：肖凯"), (["李红梅"], "")]


@pytest.mark.parametrize("after", ["headline", "indent"])
def test_a_one_line_note_naming_its_author_ends_before_a_labelled_headline_or_a_paragraph(after):
    """作者：尉建文，南开大学社会学院教授 (a rare surname, no brackets) on one line, then a headline
    its column label closes, or the next article's indented first line: the note is one line and
    names the author; the next article is not its text."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    lines = [
        "以科技创新引领",
        "新质生产力发展",
        *_column(body, 17),
        *_column(body, 17),
        "作者：尉建文，南开大学社会学院教授",
    ]
    if after == "headline":
        lines += ["守正创新传承中华文化（思想纵横）", *[ln.strip() for ln in _column(other, 17)]]
    else:
        lines += ["  " + ln if i == 0 else ln for i, ln in enumerate(_column(other, 17))] + ["守正创新传承中华文化"]
    lines += ["（作者：李红梅，系北京师范大学教授）"]
    doc = read_bytes("\n".join(lines).encode()).doc
    first = doc.articles[0]
    assert (first.authors, first.bio) == (["尉建文"], "作者：尉建文，南开大学社会学院教授")
    assert [b.text for b in first.blocks] == [body, body]


@pytest.mark.parametrize("deck", ["深入学习贯彻党的二十届四中全会精神", "一深入学习贯彻党的二十届四中全会精神"])
def test_a_deck_whose_dash_the_ocr_lost_is_still_the_headlines_deck(deck):
    """RapidOCR drops a deck's leading —— (or reads it as one stroke, 一): right under the
    headline, with no byline between (the names in the note at the end), a phrase with no mark
    set wider than the column of the text under it is the deck, not the text's first line."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    lines = ["王晓明", *_column(other, 12), *_column("（作者系中国人民大学教授）", 12)]
    lines += ["以科技创新引领新质生产力发展（人民时评）", deck, *_column(body, 12), *_column(body, 12)]
    lines += _column("（作者：李红梅，系北京师范大学教授）", 12)
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.title, a.authors, [b.text for b in a.blocks]) for a in doc.articles][1] == (
        f"以科技创新引领新质生产力发展（人民时评）\n{deck}",
        ["李红梅"],
        [body, body],
    )


def test_a_lead_signed_by_the_editors_whose_dash_the_ocr_lost_keeps_its_signature():
    """——编者 read as 编者 alone (the dash dropped): still the lead's signature, not the first
    headline's first line."""
    note = "以数字化赋能新时代“枫桥经验”，必须坚持以党的领导为根本、以源头治理为前提、以多方共治为基础。"
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = ["开栏的话", note, "编者", "以科技创新引领新质生产力发展", "王晓明", *_column(body), *_column(body)]
    lines += _column("（作者系中国人民大学教授）")
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert doc.lead is not None and (doc.lead.paragraphs, doc.lead.signature) == ([note], "编者")
    assert [a.title for a in doc.articles] == ["以科技创新引领新质生产力发展"]


def test_a_caption_over_lines_ending_on_its_credit_read_inside_a_paragraph_is_set_apart():
    """A photo's caption read where the photo stands, between two lines of a sentence, over two
    lines whose last ends on its credit (图为… / …游览。（张波摄）): furniture, and the paragraph
    reads on across it."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    lines = _column(body)
    lines[2:2] = ["图为湖南省长沙市岳麓区，游客在古镇街巷", "参观游览。（张波摄）"]
    page = ["以科技创新引领新质生产力发展", "王晓明", *lines, *_column(body), *_column("（作者系中国人民大学教授）")]
    doc = read_bytes("\n\n".join(page).encode()).doc
    assert [b.text for b in doc.articles[0].blocks] == [body, body]
    assert "".join(doc.unplaced).replace(" ", "") == "图为湖南省长沙市岳麓区，游客在古镇街巷参观游览。（张波摄）"


def test_a_funding_notes_last_words_alone_on_a_line_are_no_byline():
    """成果 alone under …（23ZDA001）阶段性 (成 is a surname): the funding note's last words, in
    the bio, not the next article's author."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    note = [
        "（作者：孔庆江，系中国政",
        "法大学教授；本文系国家社",
        "科基金重大项目“新时代科",
        "技创新体制机制研究”",
        "（23ZDA001）阶段性",
        "成果",
    ]
    lines = ["以科技创新引领新质生产力发展", "王晓明", *_column(body, 12), *_column(body, 12), *note]
    lines += ["守正创新传承中华文化", "李红梅", *_column(other, 12), *_column(other, 12)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    assert [(a.authors, a.bio[-5:]) for a in doc.articles] == [(["王晓明"], "阶段性成果"), (["李红梅"], "")]


def test_a_naming_notes_first_line_broken_inside_its_names_goes_on():
    """（作者：孔庆江、范 / 晓波、车路遥，均来自中国政法大学 with its closing bracket lost: the
    first line, short of the column, breaks inside the list of names, before the comma that
    closes it; the note goes on and names all three."""
    body = (
        "推动高质量发展，是全面建设社会主义现代化国家的首要任务。各地坚持以科技创新引领产业创新，新质生产力加快形成。"
    )
    other = "文化是民族的血脉，是人民的精神家园。中华优秀传统文化源远流长、博大精深，是中华文明的智慧结晶和精华所在。"
    note = ["（作者：孔庆江、范", "晓波、车路遥，均来自中国", "政法大学"]
    lines = ["以科技创新引领新质生产力发展", *_column(body, 12), *_column(body, 12), *note]
    lines += ["守正创新传承中华文化", "李红梅", *_column(other, 12), *_column(other, 12)]
    doc = read_bytes("\n\n".join(lines).encode()).doc
    first = doc.articles[0]
    assert (first.authors, first.bio) == (
        ["孔庆江", "范晓波", "车路遥"],
        "作者：孔庆江、范晓波、车路遥，均来自中国政法大学",
    )
