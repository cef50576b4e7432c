"""Package discovery that pyproject.toml cannot express on its own.

The top-level ``rulesets/`` and ``report_templates/`` folders are shipped as the data-only
packages ``auditkit._rulesets`` and ``auditkit._templates`` (see ``package-dir`` in
pyproject.toml), so that a regular wheel install finds them through importlib.resources.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["auditkit", "auditkit.*"]),
        "auditkit._rulesets",
        "auditkit._templates",
    ],
)
