"""Packaging that pyproject.toml cannot say: the top-level `rules/` folder ships in the package.

`rules/` is where users read and edit the rules, so it stays at the top of the checkout; a
wheel carries it as the package data `coopextract/rules/` (the files pyproject.toml's
package-data names), without a link or a second copy in `src/`. Code run from a checkout
finds it beside `src/` instead (`coopextract.rule_files.default_rules_dir`).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "coopextract.rules"],
    package_dir={"": "src", "coopextract.rules": "rules"},
)
