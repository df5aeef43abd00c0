"""The package around the document: parts kept, core properties, deterministic zip bytes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...model import Document
from ...terms import terms
from ..shared import all_authors, content_id, xml_text
from ..ziparchive import reproducible_zip

# Template parts that say nothing true about our document: python-docx's thumbnail of an empty
# page, a Word 2010 duplicate of styles.xml (it would keep the template's theme fonts), and an
# empty custom-XML item.
_DROP_DOC = {RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
_DROP_PKG = {RT.THUMBNAIL}


def prune(d: DocxDocument) -> None:
    for rels, drop in ((d.part.rels, _DROP_DOC), (d.part.package.rels, _DROP_PKG)):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in drop]:
            del rels[rid]


def core_properties(d: DocxDocument, doc: Document, lang: str, when: datetime, variant: str = "zh-Hans") -> None:
    cp = d.core_properties
    cp.title = xml_text(doc.meta.title)  # the booklet's (shared.booklet_doc)
    cp.subject = xml_text(doc.meta.subtitle)
    cp.author = _names(xml_text("、".join(all_authors(doc))), terms(variant).and_others)
    cp.language = lang
    cp.identifier = content_id(doc)
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.last_modified_by = xml_text(doc.meta.publisher)
    cp.revision = 1
    cp.created = when.replace(tzinfo=None)
    cp.modified = when.replace(tzinfo=None)


CORE_LIMIT = 255  # python-docx (and Word) keep a core property to 255 characters


def _names(names: str, others: str) -> str:
    """As many whole names as the field holds, then 等 (a book has a hundred authors)."""
    if len(names) <= CORE_LIMIT:
        return names
    cut = names[: CORE_LIMIT - len(others)]
    return cut[: cut.rfind("、")] + others if "、" in cut else cut + others


def to_bytes(d: DocxDocument, when: datetime) -> bytes:
    """Save, then rewrite the zip with fixed entry times and attributes.

    python-docx stamps every entry with the current local time; entries are rewritten in the
    same order with the build time (SOURCE_DATE_EPOCH when set), so equal input gives equal bytes.
    """
    raw = io.BytesIO()
    d.save(raw)
    with zipfile.ZipFile(raw) as zin:
        return reproducible_zip(((n, zin.read(n)) for n in zin.namelist()), when)
