"""The EPUB stylesheet, generated from the same sheet the PDF uses.

Reflowable readers let the reader pick the text size, so sizes are em relative to the body
role (role.size / body.size), leading is a unitless line-height ratio and spacing is em of the
element's own size. Fonts are named by family with a generic fallback, so a reader without the
Noto/WenKai faces still picks a serif (Song) or sans (Hei) face.
"""

from __future__ import annotations

from ...style import Role, Style
from .fonts import FONT_ROLE, SANS_ROLES, css_family

# CSS selector for each role the XHTML uses.
SELECTORS = {
    "body": "p.body, p.unplaced",
    "lead": "p.lead",
    "signature": "p.signature",
    "lead_heading": "h1.lead-heading, h2.lead-heading",
    "title": "h1.title",
    "deck": "p.deck",
    "byline": "p.byline",
    "heading": "h2.heading, h2.index-group",
    "note": "p.note",
    "quote": "blockquote.quote",
    "list_item": "ul.list > li",
    "caption": "p.caption",
    "bio": "p.bio",
    "cover_title": "h1.book-title",
    "cover_subtitle": "p.book-subtitle",
    "toc": "nav li",
    "part": "h1.part",
    "source": "p.source",
    "index": "ul.index > li",
}
# Display roles: the Hei/Kai face is their emphasis, as in the PDF, so no bold.
DISPLAY = ("title", "deck", "heading", "lead_heading", "cover_title", "byline", "part")


def _num(x: float) -> str:
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    return s or "0"


def _em(x: float) -> str:
    return "0" if abs(x) < 1e-9 else f"{_num(x)}em"


def family_stack(style: Style, role: str, variant: str) -> str:
    """'"Noto Serif CJK SC", "LXGW WenKai", serif': sheet families, then a generic one."""
    font_role = FONT_ROLE.get(role, "body")
    names = [css_family(n) for n in style.font_families(font_role, variant)]
    generic = "sans-serif" if role in SANS_ROLES or font_role in SANS_ROLES else "serif"
    return ", ".join([*(f'"{n}"' for n in names), generic])


def _role_rules(style: Style, name: str, role: Role, variant: str, vertical: bool) -> list[str]:
    base = style.role("body").size
    before, after = ("margin-right", "margin-left") if vertical else ("margin-top", "margin-bottom")
    start, end = ("margin-top", "margin-bottom") if vertical else ("margin-left", "margin-right")
    rules = [
        f"font-family: {family_stack(style, name, variant)};",
        f"font-size: {_em(role.size / base)};",
        f"line-height: {_num(role.leading / role.size)};",
        f"color: {role.color};",
        f"{before}: {_em(role.space_before / role.size)};",
        f"{after}: {_em(role.space_after / role.size)};",
        f"text-indent: {_em(role.first_line_indent_em)};",
        f"text-align: {role.align};",
    ]
    if role.left_indent_em:
        rules.append(f"{start}: {_em(role.left_indent_em)};")
    if role.right_indent_em:
        rules.append(f"{end}: {_em(role.right_indent_em)};")
    if name in DISPLAY:
        rules.append("font-weight: normal;")
    return rules


def _block(selector: str, rules: list[str]) -> str:
    return selector + " {\n" + "".join(f"  {r}\n" for r in rules if r) + "}\n"


VERTICAL_ROOT = [
    "writing-mode: vertical-rl;",
    "-epub-writing-mode: vertical-rl;",
    "-webkit-writing-mode: vertical-rl;",
    "text-orientation: mixed;",
    "-epub-text-orientation: mixed;",
    "-webkit-text-orientation: mixed;",
]
BODY_TEXT = [  # how readers should break and space Chinese text (clreq; docs/typesetting.md)
    "text-align: justify;",
    "line-break: strict;",
    "-webkit-line-break: strict;",
    "-epub-line-break: strict;",
    "word-break: normal;",
    "overflow-wrap: break-word;",
    "text-autospace: ideograph-alpha ideograph-numeric;",
    "hanging-punctuation: none;",
]


def _page(style: Style, variant: str, vertical: bool) -> list[str]:
    """html and body: writing mode, the body face, and how lines break."""
    body = style.role("body")
    root = ["margin: 0;", "padding: 0;", *(VERTICAL_ROOT if vertical else [])]
    return [
        _block("html", root),
        _block(
            "body",
            [
                "margin: 0 4%;" if not vertical else "margin: 4% 0;",
                f"font-family: {family_stack(style, 'body', variant)};",
                f"color: {body.color};",
                f"line-height: {_num(body.leading / body.size)};",
                *BODY_TEXT,
            ],
        ),
        _block("p, h1, h2", ["margin: 0;", "padding: 0;"]),
        # the user agent's indents and bullets: the sheet's roles say what these get instead
        _block("blockquote.quote, ul.list, ul.index", ["margin: 0;", "padding: 0;", "list-style: none;"]),
    ]


def _bio_rule(style: Style, vertical: bool) -> list[str]:
    """The short rule above an author bio, when the sheet asks for one."""
    if not style.layout.bio_rule:
        return []
    rule = "border-right: 1px solid #999999; height: 4em; width: 0;" if vertical else "width: 4em; height: 0;"
    bio_before = style.role("bio").space_before / style.role("bio").size
    side = "margin: 0 %s 0 0;" if vertical else "margin: %s 0 0 0;"
    return [
        _block(
            "hr.bio-rule",
            ["border: 0;", "border-top: 1px solid #999999;" if not vertical else "", rule, side % _em(bio_before)],
        ),
        _block("hr.bio-rule + p.bio", ["margin-top: 0.4em;" if not vertical else "margin-right: 0.4em;"]),
    ]


def _sections(style: Style, vertical: bool) -> list[str]:
    """Where the XHTML sets things apart beyond the role values: headings kept with what
    follows, display headlines broken only at the phrase boundaries the XHTML marks with <wbr/>
    (render.headline; a phrase wider than the screen still wraps), a page per section."""
    return [
        _block("h1, h2", ["page-break-after: avoid;", "break-after: avoid;", "hyphens: none;"]),
        _block(
            "h1.title, h1.lead-heading, h1.book-title, p.deck, h1.part",
            ["word-break: keep-all;", "overflow-wrap: anywhere;", "text-wrap: balance;"],
        ),
        _block(
            "section.article, section.lead, section.unplaced, section.part, section.index",
            ["page-break-before: always;"],
        ),
        # a book's part opens a little down its page, as the booklet's does
        _block("h1.part", ["margin-right: 15%;" if vertical else "margin-top: 15%;"]),
        _block("ul.index a", ["color: inherit;"]),
        _block("p.bio", ["page-break-inside: avoid;", "break-inside: avoid;"]),
        *_bio_rule(style, vertical),
    ]


def _front_and_nav(style: Style, variant: str, vertical: bool) -> list[str]:
    meta_gap = "margin-right: 0.5em;" if vertical else "margin-top: 0.5em;"
    nav_indent = "padding: 1em 0 0 0;" if vertical else "padding: 0 0 0 1em;"
    return [
        _block(
            "section.titlepage", ["text-align: center;", "margin-top: 30%;" if not vertical else "margin-right: 30%;"]
        ),
        _block("p.book-meta", ["text-indent: 0;", "text-align: center;", meta_gap]),
        _block("body.cover", ["margin: 0;", "padding: 0;"]),
        _block("div.cover", ["text-align: center;", "margin: 0;", "padding: 0;"]),
        _block("div.cover img", ["max-width: 100%;", "max-height: 100%;"]),
        _block("nav ol", ["list-style-type: none;", "margin: 0;", nav_indent]),
        _block("nav > ol", ["padding: 0;"]),
        _block("nav a", ["color: inherit;", "text-decoration: none;"]),
        _block("nav li li", ["font-size: 0.9em;", "color: #555555;"]),
        _block("nav h2", _role_rules(style, "lead_heading", style.role("lead_heading"), variant, vertical)),
    ]


UPRIGHT_RUNS = [  # the runs vertical.vertical_runs marks
    _block(
        ".tcy", ["text-combine-upright: all;", "-epub-text-combine: horizontal;", "-webkit-text-combine: horizontal;"]
    ),
    _block(
        ".upright",
        ["text-orientation: upright;", "-epub-text-orientation: upright;", "-webkit-text-orientation: upright;"],
    ),
]


def stylesheet(style: Style, variant: str, vertical: bool, font_faces: list[tuple[str, str, str]]) -> str:
    """The whole CSS. font_faces: (family, url relative to the CSS, format) for embedded fonts."""
    out = ['@charset "utf-8";\n']
    for family, url, fmt in font_faces:
        out.append(_block("@font-face", [f'font-family: "{family}";', f'src: url("{url}") format("{fmt}");']))
    out += _page(style, variant, vertical)
    for name, selector in SELECTORS.items():
        out.append(_block(selector, _role_rules(style, name, style.role(name), variant, vertical)))
    out += _sections(style, vertical)
    out += _front_and_nav(style, variant, vertical)
    out += UPRIGHT_RUNS
    return "".join(out)
