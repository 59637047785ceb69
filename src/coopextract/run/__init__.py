"""The run: extraction, what needs extracting, state, journal, workers."""
