"""Finding font files by the family names a style sheet gives: shared by every writer.

One fc-list call lists every installed face with all its (localised) family names; a family
resolves to its regular upright face. A sheet may also name a file, optionally ":index" for
a face inside a TrueType/OpenType collection.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from dataclasses import dataclass

FONT_EXTS = (".ttf", ".otf", ".ttc", ".otc")
PACKAGES = (
    ("noto", "fonts-noto-cjk"),
    ("source han", "fonts-noto-cjk"),
    ("lxgw", "fonts-lxgw-wenkai"),
    ("wenkai", "fonts-lxgw-wenkai"),
    ("霞鹜", "fonts-lxgw-wenkai"),
    ("symbola", "fonts-symbola"),
)


@dataclass(frozen=True)
class Face:
    """One face of a font file (a TTC holds several): what a sheet's family name resolves to."""

    family: str
    path: str
    index: int = 0

    @property
    def fingerprint(self) -> str:
        """The file's identity for caches: path, modification time, size and face index."""
        st = os.stat(self.path)
        return f"{os.path.realpath(self.path)}|{st.st_mtime_ns}|{st.st_size}|{self.index}"


def _norm(name: str) -> str:
    return " ".join(name.replace("\\,", ",").split()).casefold()


_FC: dict[str, list[tuple[float, int, str, int]]] | None = None
_NAMES: dict[str, str] = {}  # normalised family name -> the name as fontconfig spells it


def _fc_families() -> dict[str, list[tuple[float, int, str, int]]]:
    """Every installed face by family name (each localized name too), from one fc-list call."""
    global _FC
    if _FC is None:
        _FC = {}
        try:
            out = subprocess.run(
                ["fc-list", "--format", "%{family}\t%{weight}\t%{slant}\t%{file}\t%{index}\n"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for row in out.splitlines():
            parts = row.split("\t")
            if len(parts) != 5:
                continue
            fams, weight, slant, path, index = parts
            try:
                entry = (float(weight or 80), int(slant or 0), path, int(index or 0))
            except ValueError:
                continue
            for fam in fams.split(","):
                if fam.strip():
                    _FC.setdefault(_norm(fam), []).append(entry)
                    _NAMES.setdefault(_norm(fam), fam.replace("\\,", ",").strip())
    return _FC


def reset_fontconfig_cache() -> None:
    """Forget fc-list answers (tests point FONTCONFIG_FILE elsewhere)."""
    global _FC
    _FC = None
    _NAMES.clear()


def nearest_families(family: str, n: int = 3) -> list[str]:
    """Installed family names closest to a misspelt one (difflib), best first."""
    names = _fc_families() and _NAMES
    close = difflib.get_close_matches(_norm(family), list(names), n=n, cutoff=0.6)
    return [names[k] for k in close]


def missing_font_message(family: str, where: str) -> str:
    """Why a sheet's family resolved to nothing, and what to do: a missing file, a misspelt name
    (the nearest installed names), or a family no installed package provides."""
    spec = os.path.expanduser(family.strip())
    if "/" in spec or spec.lower().endswith(FONT_EXTS):
        return f"font file '{family}' ({where}) does not exist; give the path of an installed font file"
    near = nearest_families(family)
    if near:
        return (
            f"font family '{family}' ({where}): no installed family has that name; nearest installed: {', '.join(near)}"
        )
    return f"font family '{family}' ({where}): no installed family has that name; {package_hint(family)}"


def find_face(family: str) -> Face | None:
    """A family name (via fontconfig, regular upright face preferred) or a font file path."""
    spec = os.path.expanduser(family.strip())
    if "/" in spec or spec.lower().endswith(FONT_EXTS):
        path, index = spec, 0
        head, sep, tail = spec.rpartition(":")
        if sep and tail.isdigit() and head.lower().endswith(FONT_EXTS):
            path, index = head, int(tail)
        return Face(family, path, index) if os.path.isfile(path) else None
    entries = _fc_families().get(_norm(family))
    if not entries:
        return None
    _w, _s, path, index = min(entries, key=lambda e: (e[1] != 0, abs(e[0] - 80), e[2], e[3]))
    return Face(family, path, index)


def package_hint(family: str) -> str:
    low = family.casefold()
    for needle, pkg in PACKAGES:
        if needle in low:
            return f"install the Debian package {pkg} (apt-get install {pkg})"
    return "install a package providing it (apt-cache search font) or name another family in the sheet"
