"""What several import formats share: reading a size-limited UTF-8 file, and a council's wording of a status."""

from __future__ import annotations

from pathlib import Path

from raadsdossier.domain.enums import MotionStatus
from raadsdossier.domain.errors import InvalidInput


def read_text(path: Path, max_bytes: int, what: str, hint: str = "", save_as: str = "UTF-8") -> str:
    """The file as text (UTF-8, with or without BOM), refused with a message when too big or not UTF-8.

    `what` names the expected content ("Notubiz-JSON"); `hint` is added to the size message;
    `save_as` is what the user should save the file as (Excel calls it "CSV UTF-8").
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidInput(path, f"het bestand is {size / 1024 / 1024:.0f} MB; bestanden met {what} groter dan "
                                     f"{max_bytes // (1024 * 1024)} MB worden niet ingelezen{hint}.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(path, "dit bestand bestaat niet.") from None
    except IsADirectoryError:
        raise InvalidInput(path, "dit is een map; kies een bestand.") from None
    except OSError as exc:
        raise InvalidInput(path, f"het bestand kan niet worden gelezen ({exc.strerror}).") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInput(path, f"regel {line}: dit is geen tekst in UTF-8 (byte 0x{data[exc.start]:02x}), dus geen "
                                 f"{what}; sla het bestand op als '{save_as}'.") from None


def motion_status(text: str) -> MotionStatus | None:
    """The status a council's wording stands for ("Motie verworpen"); None when the words say none."""
    lowered = text.lower()
    # Withdrawn or held first: "ingetrokken, niet aangenomen" was never voted down.
    if "ingetrokken" in lowered:
        return MotionStatus.WITHDRAWN
    if "aangehouden" in lowered:
        return MotionStatus.HELD
    if "verworpen" in lowered or "niet aangenomen" in lowered or "afgewezen" in lowered:
        return MotionStatus.REJECTED
    if "aangenomen" in lowered:
        return MotionStatus.ADOPTED
    if "ingediend" in lowered:
        return MotionStatus.SUBMITTED
    return None
