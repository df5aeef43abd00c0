"""The words our Markdown dialect reserves (docs/markdown.md), shared by its writer and reader.

The writer uses the edition's own script (pipeline/terms.py); the reader accepts either
script's word, and the heading earlier versions wrote for leftover text.
"""

from .terms import all_scripts

AUTHOR_PREFIXES = all_scripts("author_prefix")  # 作者：
BYLINE_PREFIXES = all_scripts("byline_prefix")  # 署名：the byline as printed (文/郑平, 湖南大学教授 张三)
NO_TITLES = all_scripts("no_title")  # （无题）（無題）: an article without a headline, read back as ""
LEFTOVER_HEADINGS = all_scripts("leftovers") | {"未归入文章的文字"}  # the last section's heading
# Block types written as a pandoc fenced div (`::: quote` … `:::`); a list item is `- text`,
# a subheading `### text`, a paragraph plain text.
FENCE_TYPES = ("deck", "note", "quote", "caption")
LEAD_FENCE_TYPES = ("signature",)  # in the lead only: who signed it (——编者), after its paragraphs
