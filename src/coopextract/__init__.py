"""coopextract: structured records of international cooperation agreements from news articles."""

from coopextract.errors import CoopExtractError, InputError, OutputError, RulesError

__version__ = "0.1.0"

__all__ = ["CoopExtractError", "InputError", "OutputError", "RulesError", "__version__"]
