"""coopextract: structured records of international cooperation agreements from news articles.

    import coopextract
    records = coopextract.extract_text(text, language="fr", published="2021-03-10")

`extract_text` (`coopextract.run.text`) is imported on first use, so that importing the
package stays cheap: spaCy and the model load only when text is extracted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopextract.errors import (
    CoopExtractError,
    InputError,
    LanguageError,
    OutputError,
    RulesError,
    RulesFolderError,
)

if TYPE_CHECKING:
    from coopextract.run.text import extract_text

__version__ = "0.1.0"

__all__ = [
    "CoopExtractError",
    "InputError",
    "LanguageError",
    "OutputError",
    "RulesError",
    "RulesFolderError",
    "__version__",
    "extract_text",
]


def __getattr__(name: str) -> Any:
    # The package's one name from a layer above it (see tests/test_architecture.py).
    if name == "extract_text":
        from coopextract.run.text import extract_text

        return extract_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
