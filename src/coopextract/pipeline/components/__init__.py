"""spaCy components of the coopextract pipeline, one per module."""
