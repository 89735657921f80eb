"""Briefing packs: a pack model built from a dossier, rendered to PDF and DOCX. Never imports Qt."""
