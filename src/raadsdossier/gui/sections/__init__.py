"""The sections of a dossier's navigator."""
