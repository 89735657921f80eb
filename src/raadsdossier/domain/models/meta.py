"""Key/value facts about the dossier file itself (app version that wrote it, checklist template)."""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from raadsdossier.domain.models.base import Base


class DossierMeta(Base):
    __tablename__ = "dossier_meta"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
