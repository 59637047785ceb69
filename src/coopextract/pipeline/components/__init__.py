"""spaCy components of the coopextract pipeline, one per module.

Importing this package registers their factories (`coop_sentences`, `coop_rules`,
`coop_agreements`) and the tokenizer's callback (`coop_typography.v1`) with spaCy: do it
before `spacy.load` of a saved coopextract pipeline.
"""

from coopextract.pipeline.components import agreements, rules, sentences, typography

__all__ = ["agreements", "rules", "sentences", "typography"]
