"""Zip containers written the same way every time: the DOCX and the EPUB both come out of here.

Libraries stamp entries with the wall clock and the local file attributes. Entries are written
in the order given, dated from the build time (SOURCE_DATE_EPOCH when set; zip cannot go before
1980), with fixed Unix attributes and one compression level, so equal input gives equal bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from datetime import datetime


def zip_time(when: datetime) -> tuple[int, int, int, int, int, int]:
    t = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    return max(t, (1980, 1, 1, 0, 0, 0))


def reproducible_zip(entries: Iterable[tuple[str, bytes]], when: datetime, stored: tuple[str, ...] = ()) -> bytes:
    """A zip of (name, data) entries in this order; the names in `stored` uncompressed (EPUB's
    mimetype must be), the rest deflated."""
    dt = zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, dt)
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(zi, data, compresslevel=6)
    return out.getvalue()
