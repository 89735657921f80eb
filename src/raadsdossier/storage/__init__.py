"""Dossier files: SQLite and SQLCipher, locking, migrations, backups, the search index and checks. Below every service."""
