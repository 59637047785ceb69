"""The spaCy pipeline: its components, rule matching, sentences, parties and mentions."""
