"""The domain: the model, its vocabularies and rules, errors, dates, checklist templates and the registry of item kinds. No files, no Qt."""
