"""Notices for editors: typed records (code, line, detail), rendered to Chinese only at the edge.

The reader records what it was unsure of, or what it set aside, as a Notice; the cleanup report
and the JSON list them. Nothing parses a message back: whoever needs the line or the margin
reads the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# code -> message template (fields from Notice.detail plus `line`). Every code a pass may
# write is here; tests check that each renders.
MESSAGES: dict[str, str] = {
    "furniture": "第{line}行：版面信息（编辑署名、日期或版号），未归入文章",
    "text-after-bio": "第{line}行：作者简介之后的文字无法归入任何文章",
    "headline-unplaced": "第{line}行：标题“{text}”无法归入任何文章",
    "headline-stacked": "第{line}行：“{text}”按版式并入紧邻的标题（眉题或副题），请核对",
    "byline-in-text": "第{line}行：署名夹在正文句中，所属文章从前面的标题处开始，请核对",
    "rows-by-column": "第{line}行起：{rows}行文字横跨{columns}栏（OCR 按行读过各栏，{bars}个竖线为栏线），已按栏顺序重排，请核对",
    "lines-by-column": "第{line}行起：{lines}行是OCR 按行交错读出的{columns}栏文字（每行一栏），已按上下文接续重排为逐栏顺序，请核对",
    "laid-out-columns": "输入按版面排列（各栏并排，如 pdftotext -layout），已按版面几何改为逐栏顺序后读取，请核对",
    "article-start-moved": "第{line}行：标题和署名被OCR读在后面，本文从此行开始（按用词判断，前文读作上一篇），请核对",
    "byline-opens-article": "第{line}行：署名读在句子中间，但其后文字与前文用词不同，从此处另起一篇（前文的标题、署名或简介疑被OCR并入他行），请核对",
    "headline-margin": "第{line}行：标题归属的领先分差较小（{margin:.2f}）",
    "no-title": "第{article}篇：未找到标题",
    "paragraph-unmarked-end": "第{line}行：段落在没有句末标点处结束",
    "short-line-joined": "第{line}行：略短且以句末标点结尾的行仍并入段落",
    "bullet-misread": "第{line}行：署名前的“{char}”疑为误识的符号，未计入作者",
    "page-bullet": "本版多处署名前的“{chars}”疑为误识的符号，按符号处理",
    "byline-partial": "第{line}行：署名只识出姓“{text}”（名字疑被OCR漏识），请补全",
    "authors-from-bio": "第{line}行：文章未识别出署名，作者“{names}”取自作者简介，请核对",
    "byline-named-by-bio": "第{line}行：“{text}”与作者简介中的姓名相符（有误识），按署名处理，请核对",
    "lead-before-marker": "第{line}行：导读标记之前的文字并入导读（OCR 先读了导读的另一栏），请核对",
    "bio-rejected": "第{line}行：以“作者”开头，但不在文末或过长，按正文处理",
    "headline-in-body": "第{line}行：夹在正文中间的标题已移出，前后文字重新接合",
    "low-ocr-confidence": "第{line}行：OCR 置信度低（{conf:.2f}），请核对原文",
    "lead-unmarked": "第{line}行起：版面顶部通栏排的文字未见导读标记（疑被OCR漏识），按导读处理，请核对",
    "lead-unplaced": "第{line}行：导读标记之前的文字无法归入导读或文章",
    "ghost-dropped": "“{text}”位于标题大字的字框之内，疑为对字形的重复识别，已略去",
    "speck-dropped": "“{text}”的字框远小于正文字号，疑为污点被识别成字母，已略去",
}


@dataclass(frozen=True)
class Notice:
    code: str
    line: int | None = None  # 1-based source line, None for a page-level notice
    detail: dict[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        template = MESSAGES.get(self.code)
        if template is None:
            return f"第{self.line}行：{self.code}" if self.line else self.code
        return template.format(line=self.line, **self.detail)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "line": self.line, "detail": dict(self.detail), "message": self.message()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Notice:
        return cls(str(d["code"]), d.get("line"), dict(d.get("detail", {})))
