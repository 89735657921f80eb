"""The interchange format "raadsdossier/1": a whole dossier as JSON, and back (docs/interchange.md)."""

FORMAT = "raadsdossier/1"
