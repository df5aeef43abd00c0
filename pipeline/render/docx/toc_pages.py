"""Real page numbers for the DOCX contents, from a LibreOffice layout of the document.

A TOC field's cached result is what every viewer shows until someone updates the field, and
LibreOffice (and Word before the user accepts "update fields") never does: without numbers the
contents is titles and dot leaders. python-docx cannot lay out pages, so LibreOffice does it
headless: the DOCX goes through its PDF export with bookmarks exported as named destinations,
and the page each heading's bookmark (_Toc…) lands on is read back with pypdf. The numbers fill
the PAGEREF results; the fields stay, so Word and WPS still refresh them.

No UNO: one `soffice --convert-to pdf` process with a private profile, so parallel builds never
share a profile. The PDF's physical page number is the folio, because the DOCX's PAGE field
counts every page from the title page on (no section restarts its numbering).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

EXPORT = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
TIMEOUT = 180  # seconds; a first run creates LibreOffice's profile
_DEST = re.compile(r"Toc(\d{9})$")


class LayoutUnavailable(Exception):
    """LibreOffice is missing or failed: the message says which, in one line."""


def soffice() -> str | None:
    """LibreOffice's command: $PIPELINE_SOFFICE if set, else soffice or libreoffice on PATH."""
    env = os.environ.get("PIPELINE_SOFFICE")
    if env:
        return env if os.access(env, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def heading_pages(docx: bytes, timeout: int = TIMEOUT) -> dict[str, int]:
    """Page number of each _Toc bookmark, as LibreOffice lays the document out."""
    exe = soffice()
    if exe is None:
        raise LayoutUnavailable("LibreOffice (soffice) not found; install libreoffice-writer")
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory(prefix="pipeline-toc-") as tmp:
        src = Path(tmp) / "doc.docx"
        src.write_bytes(docx)
        profile = (Path(tmp) / "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        cmd += ["--convert-to", EXPORT, "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise LayoutUnavailable(f"LibreOffice took longer than {timeout} s") from None
        except OSError as e:
            raise LayoutUnavailable(f"LibreOffice could not run ({e.strerror})") from None
        pdf = Path(tmp) / "doc.pdf"
        if not pdf.is_file():
            raise LayoutUnavailable("LibreOffice did not lay the document out")
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        out: dict[str, int] = {}
        for name, dest in reader.named_destinations.items():
            m = _DEST.search(str(name))
            if m:
                out[f"_Toc{m.group(1)}"] = reader.get_destination_page_number(dest) + 1
        return out
