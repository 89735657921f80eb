"""The dossier_meta keys a dossier fetched from a shared store keeps (storage/store.py). Here on their own so the
window can ask whether a dossier comes from a server without importing the store (tens of milliseconds)."""

ORIGIN_KEY = "server_origin"  # {"url", "dossier", "revision"} of a checked-out dossier
CONFLICTS_KEY = "server_conflicts"  # the conflicts still to resolve, as reported
