"""The OOXML python-docx has no API for, in one small layer (like python-docx's own docx/oxml).

East Asian fonts and language, character-based indents, outline levels, borders, complex fields
(TOC, PAGE, PAGEREF, STYLEREF), bookmarks and a few document settings. The rest of the writer
calls these helpers and never builds XML itself. Children are inserted in schema order, because
Word rejects files whose property elements are out of sequence.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

THEME_FONT_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")

# Successors of w:lang in CT_RPr, of w:ind etc. in CT_PPr (ECMA-376 sequence order).
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_PPR_SEQ = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_SETTINGS_SEQ = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone",
    "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
    "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
    "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip

# --- generic ----------------------------------------------------------------------------------


def _child(parent: etree._Element, tag: str, order: tuple[str, ...]) -> etree._Element:
    """The child `tag` of `parent`, created at its place in `order` when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    el = OxmlElement(tag)
    _insert_before(parent, el, order[order.index(tag) + 1 :])
    return el


def _insert_before(parent: etree._Element, el: etree._Element, successors: tuple[str, ...]) -> None:
    """Insert `el` before the first existing child named in `successors`, else append."""
    names = {qn(t) for t in successors}
    for i, sibling in enumerate(parent):
        if sibling.tag in names:
            parent.insert(i, el)
            return
    parent.append(el)


def _ppr_child(pPr: etree._Element, tag: str) -> etree._Element:
    return _child(pPr, tag, _PPR_SEQ)


def clear_formatting(style_el: etree._Element) -> None:
    """Drop a template style's paragraph and run properties so the sheet alone decides them."""
    for tag in ("w:pPr", "w:rPr"):
        for el in style_el.findall(qn(tag)):
            style_el.remove(el)


# --- run properties ---------------------------------------------------------------------------


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove theme font attributes under `root`: they override explicit font names in Word."""
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            rfonts.attrib.pop(qn(attr), None)


def set_fonts(rPr: etree._Element, east_asia: str, latin: str) -> None:
    """Name the East Asian face (w:eastAsia) and the Latin one; python-docx sets only ascii/hAnsi."""
    rfonts = rPr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rPr.insert(1 if len(rPr) and rPr[0].tag == qn("w:rStyle") else 0, rfonts)
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def set_lang(rPr: etree._Element, lang: str) -> None:
    """w:lang with w:val and w:eastAsia = lang: proofing and line-breaking rules for Chinese."""
    el = rPr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        _insert_before(rPr, el, _RPR_AFTER_LANG)
    el.attrib.clear()
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


def doc_defaults(styles_el: etree._Element) -> tuple[etree._Element, etree._Element]:
    """The (rPr, pPr) of w:docDefaults, created when the template lacks them."""
    dd = styles_el.find(qn("w:docDefaults"))
    if dd is None:
        dd = OxmlElement("w:docDefaults")
        styles_el.insert(0, dd)
    rpr_default = _child(dd, "w:rPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    ppr_default = _child(dd, "w:pPrDefault", ("w:rPrDefault", "w:pPrDefault"))
    rPr = rpr_default.find(qn("w:rPr"))
    if rPr is None:
        rPr = OxmlElement("w:rPr")
        rpr_default.append(rPr)
    pPr = ppr_default.find(qn("w:pPr"))
    if pPr is None:
        pPr = OxmlElement("w:pPr")
        ppr_default.append(pPr)
    return rPr, pPr


# --- paragraph properties ---------------------------------------------------------------------


def set_first_line_chars(pPr: etree._Element, chars: float, size_pt: float) -> None:
    """First-line indent in characters (w:firstLineChars, hundredths) with a twips fallback.

    Word and WPS honour firstLineChars, so the indent stays two characters when an editor
    changes the size; readers that ignore it use w:firstLine.
    """
    ind = _ppr_child(pPr, "w:ind")
    for attr in ("w:hanging", "w:hangingChars"):
        ind.attrib.pop(qn(attr), None)
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))
    ind.set(qn("w:firstLine"), str(round(chars * size_pt * 20)))


def set_outline_level(pPr: etree._Element, level: int) -> None:
    """Outline level (0 = level 1): what the navigation pane and TOC \\u read."""
    _ppr_child(pPr, "w:outlineLvl").set(qn("w:val"), str(level))


def set_border(pPr: etree._Element, side: str, color: str, size_eighths: int = 4, space_pt: int = 4) -> None:
    """A single rule on one side of the paragraph ('top' or 'bottom')."""
    pbdr = _ppr_child(pPr, "w:pBdr")
    el = _child(pbdr, f"w:{side}", ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"))
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), str(space_pt))
    el.set(qn("w:color"), color.lstrip("#").upper())


# --- runs, fields, bookmarks, links -----------------------------------------------------------


def run(text: str = "", tab: bool = False) -> etree._Element:
    """A bare w:r holding `text` (spaces preserved) or a tab."""
    r = OxmlElement("w:r")
    if tab:
        r.append(OxmlElement("w:tab"))
    if text:
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        r.append(t)
    return r


def _fld_char(kind: str, dirty: bool = False) -> etree._Element:
    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    if dirty:
        fc.set(qn("w:dirty"), "true")
    r.append(fc)
    return r


def field_begin(parent: etree._Element, instr: str, dirty: bool = False) -> None:
    """Open a complex field: begin, instruction, separate. The result runs follow."""
    parent.append(_fld_char("begin", dirty))
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.text = f" {instr} "
    it.set(qn("xml:space"), "preserve")
    r.append(it)
    parent.append(r)
    parent.append(_fld_char("separate"))


def field_end(parent: etree._Element) -> None:
    parent.append(_fld_char("end"))


def add_field(parent: etree._Element, instr: str, result: str, dirty: bool = False) -> None:
    """A whole complex field (PAGE, STYLEREF, PAGEREF) with a cached result for viewers."""
    field_begin(parent, instr, dirty)
    parent.append(run(result))
    field_end(parent)


def bookmark(p: etree._Element, bm_id: int, name: str) -> None:
    """Wrap the paragraph's content in a bookmark (the TOC's \\h links and PAGEREFs target it)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bm_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bm_id))
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(end)


def internal_link(parent: etree._Element, anchor: str) -> etree._Element:
    """A w:hyperlink to a bookmark; append runs to the returned element."""
    h = OxmlElement("w:hyperlink")
    h.set(qn("w:anchor"), anchor)
    h.set(qn("w:history"), "1")
    parent.append(h)
    return h


# --- settings ---------------------------------------------------------------------------------


def set_setting(settings: etree._Element, tag: str, val: str | None = None) -> etree._Element:
    """Turn on a w:settings flag (mirrorMargins, updateFields, ...) at its schema position."""
    el = _child(settings, tag, _SETTINGS_SEQ)
    if val is not None:
        el.set(qn("w:val"), val)
    return el


def remove_setting(settings: etree._Element, tag: str) -> None:
    for el in settings.findall(qn(tag)):
        settings.remove(el)


def set_theme_font_lang(settings: etree._Element, lang: str) -> None:
    """The template says en-US/ja-JP: theme fonts would resolve to Japanese faces."""
    el = set_setting(settings, "w:themeFontLang")
    el.attrib.clear()
    el.set(qn("w:val"), lang)
    el.set(qn("w:eastAsia"), lang)


def section_break(body: etree._Element) -> etree._Element:
    """End the current section at the last paragraph; return the sectPr of the new last section.

    Like python-docx's add_section_break, but the break rides on the last paragraph instead of
    an added empty one (which would leave a blank line at the end of every article). The new
    section inherits page setup and links its headers and footers to the previous one.
    """
    sentinel = body.get_or_add_sectPr()
    last_p = body.findall(qn("w:p"))[-1]
    last_p.set_sectPr(sentinel.clone())
    for ref in sentinel.xpath("w:headerReference|w:footerReference|w:titlePg"):
        sentinel.remove(ref)
    return sentinel


def clear_runs(p: etree._Element) -> None:
    """Empty a paragraph but keep its properties."""
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)


def set_columns(sectPr: etree._Element, num: int, space_pt: float) -> None:
    """Set the section in `num` columns `space_pt` apart (w:cols; a book's index)."""
    cols = sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        successors = ("w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi")
        _insert_before(sectPr, cols, (*successors, "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"))
    cols.set(qn("w:num"), str(num))
    cols.set(qn("w:space"), str(round(space_pt * 20)))
