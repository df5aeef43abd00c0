"""Build time: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now.

Kept in one place so the cover date, PDF info, DOCX core properties, EPUB dcterms:modified
and zip entry times all agree.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH from the environment, or None (then builds use the current time)."""
    v = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not v:
        return None
    try:
        return int(v)
    except ValueError:
        return None


def build_time(epoch: int | None) -> datetime:
    return datetime.fromtimestamp(epoch if epoch is not None else time.time(), tz=UTC)
