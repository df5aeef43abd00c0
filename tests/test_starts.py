"""Where an article begins when the OCR read its headline and byline after its first column."""

from __future__ import annotations

from pipeline.read.ocr import read_bytes

# Two articles on different subjects, each set in 15-character column lines.
CONSUMPTION = (
    "消费是拉动经济增长的主引擎，提振消费要从增加居民收入入手。"
    "居民收入稳定增长，消费能力才有保障，消费意愿才能释放。"
    "要完善社会保障体系，让居民没有后顾之忧，敢于消费、愿意消费。"
    "要优化消费环境，加强市场监管，让消费者买得放心、用得舒心。"
    "服务消费潜力巨大，养老托育、文化旅游、体育健身等领域需求旺盛。"
    "扩大服务消费供给，提升服务质量，才能把消费潜力转化为增长动力。"
    "新型消费蓬勃发展，网络购物、直播带货、即时零售改变了居民的消费习惯。"
    "以旧换新政策带动汽车、家电等大宗消费，释放了居民更新换代的消费需求。"
    "提振消费还要稳定居民预期，让居民对收入增长有信心，对未来生活有底气。"
)
VILLAGES = (
    "传统村落是农耕文明的重要载体，蕴含着丰富的生态智慧。"
    "村落顺应地形布局房屋，利用沟渠池塘修建排灌系统，与山林田地构成完整生态链。"
    "保护传统村落，要守住村落的山水格局和乡土风貌，不搞大拆大建。"
    "村民是村落保护的主体，要引导村民参与村落规划、村庄建设和环境整治。"
    "发展乡村旅游，要依托村落的田园景观和民俗文化，让村民在保护中增收。"
    "建设宜居宜业和美乡村，既要改善村落的基础设施，也要留住乡愁和乡韵。"
    "村落的古树、古井、古桥和祠堂，都是村民共同的记忆，修缮时要用本地的木材和石块。"
    "村落的农田、林地和水系相互依存，守护村落生态就要守护山林田地的完整格局。"
    "不少村落探索村民自治的保护办法，由村民议定村规民约，约束乱砍滥伐和乱搭乱建。"
    "让古老村落焕发新的生机，需要村民、乡贤和各方力量共同守护村落的生态与文脉。"
    "传统村落保护不是把村落做成标本，村民的生产生活要在村落里延续下去。"
    "村落的民居修缮要尊重传统工艺，村民自己动手修缮，村落的风貌才留得住。"
    "村落周边的山林要封山育林，村落的水系要清淤疏浚，村落生态才能持续向好。"
    "村民在村落保护中得到实惠，守护传统村落的积极性就会越来越高。"
)


def _column(text: str, width: int = 15) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _page(*blocks: str) -> bytes:
    return "\n\n".join(blocks).encode()


def _sentences(text: str, n: int) -> int:
    """Where the text's first n sentences end."""
    at = 0
    for _ in range(n):
        at = text.index("。", at) + 1
    return at


def _read(first_column_of_second: bool):
    """Article one (no bio), then either article two's first column or more of article one
    (a column of sentences read before the anchors), then article two's byline and headline, its
    other columns and its bio."""
    if first_column_of_second:
        at = _sentences(VILLAGES, 9)
        before, after = _column(VILLAGES[:at]), _column(VILLAGES[at:])
    else:
        before, after = _column(CONSUMPTION[: _sentences(CONSUMPTION, 6)]), _column(VILLAGES)
    page = _page(
        "打好提振消费组合拳",
        "徐丹丹",
        *_column(CONSUMPTION),
        *before,
        "吴灿",
        "建设好宜居宜业和美乡村",
        *after,
        "（作者系中南大学教授）",
    )
    return read_bytes(page)


def _moved(reading) -> bool:
    return any(n.code == "article-start-moved" for n in reading.structure.state.notices)


def _text(article) -> str:
    return "".join(b.text for b in article.blocks)


def test_first_column_read_before_the_headline_goes_to_its_article():
    reading = _read(first_column_of_second=True)
    doc = reading.doc
    assert [(a.authors, a.title) for a in doc.articles] == [
        (["徐丹丹"], "打好提振消费组合拳"),
        (["吴灿"], "建设好宜居宜业和美乡村"),
    ]
    one, two = doc.articles
    assert _text(one) == CONSUMPTION
    assert _text(two) == VILLAGES
    assert _moved(reading)


def test_text_of_the_article_before_stays_with_it():
    reading = _read(first_column_of_second=False)
    one, two = reading.doc.articles
    assert _text(one) == CONSUMPTION + CONSUMPTION[: _sentences(CONSUMPTION, 6)]
    assert _text(two) == VILLAGES
    assert not _moved(reading)


def test_an_article_with_its_bio_keeps_its_text():
    """A bio closes an article: what follows it is the next one's, whatever its words."""
    at = _sentences(VILLAGES, 9)
    page = _page(
        "打好提振消费组合拳",
        "徐丹丹",
        *_column(CONSUMPTION),
        "（作者系北京工商大学教授）",
        *_column(VILLAGES[:at]),
        "吴灿",
        "建设好宜居宜业和美乡村",
        *_column(VILLAGES[at:]),
        "（作者系中南大学教授）",
    )
    reading = read_bytes(page)
    assert _text(reading.doc.articles[0]) == CONSUMPTION
    assert not _moved(reading)


def _top_page(top: str) -> bytes:
    """Text at the page's top before any anchor, then an article on villages with its byline
    and bio, then one on consumption."""
    at = _sentences(VILLAGES, 9)
    rest = CONSUMPTION[_sentences(CONSUMPTION, 6) :] if top == "consumption" else CONSUMPTION
    first = VILLAGES[:at] if top == "villages" else CONSUMPTION[: _sentences(CONSUMPTION, 6)]
    return _page(
        *_column(first),
        "吴灿",
        "建设好宜居宜业和美乡村",
        *_column(VILLAGES[at:] if top == "villages" else VILLAGES),
        "（作者系中南大学教授）",
        "打好提振消费组合拳",
        "徐丹丹",
        *_column(rest),
        "（作者系北京工商大学教授）",
    )


def test_text_at_the_page_top_that_reads_as_the_first_article_is_its_first_column():
    reading = read_bytes(_top_page("villages"))
    assert [a.authors for a in reading.doc.articles] == [["吴灿"], ["徐丹丹"]]
    assert _text(reading.doc.articles[0]) == VILLAGES
    assert _moved(reading)


def test_text_at_the_page_top_in_other_words_stays_an_article_of_its_own():
    reading = read_bytes(_top_page("consumption"))
    assert [a.authors for a in reading.doc.articles] == [[], ["吴灿"], ["徐丹丹"]]
    assert _text(reading.doc.articles[1]) == VILLAGES
    assert not _moved(reading)
