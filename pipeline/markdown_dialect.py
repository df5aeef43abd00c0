"""The words our Markdown dialect reserves (docs/markdown.md), shared by its writer and reader."""

AUTHOR_PREFIX = "作者："
NO_TITLE = "（无题）"  # written for an article without a headline; read back as ""
UNPLACED_HEADING = "未归入文章的文字"
