"""The bundled fonts, and marking runs of Chinese (or other CJK) characters for the CJK font."""

from __future__ import annotations

import re

from raadsdossier.base.paths import resource

BODY = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"
ITALIC = "DejaVuSans-Oblique.ttf"
CJK = "DroidSansFallbackFull.ttf"

_CJK_RUN = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ef\u3400-\u4dbf\u4e00-\u9fff"
                      r"\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")


def font_path(name: str) -> str:
    return str(resource("fonts", name))


def split_cjk(text: str) -> list[tuple[str, bool]]:
    """[(run, is_cjk), …] covering `text` in order."""
    out, last = [], 0
    for match in _CJK_RUN.finditer(text):
        if match.start() > last:
            out.append((text[last:match.start()], False))
        out.append((match.group(), True))
        last = match.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def has_cjk(text: str) -> bool:
    return bool(_CJK_RUN.search(text))
