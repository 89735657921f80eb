"""The dossier core: model, storage, search and services. Never imports Qt."""
