"""Which personal data goes where, and who may open the gateway (DESIGN.md, issue 17).

The policy's ``[data.categories]`` name personal data in code; this package follows values of
those categories to the places where they leave (endpoints, logs, stores) and checks that the
gateway's entry points authorise before they touch protected data:

- :mod:`auditkit.flows.names`: category names as matchers (any case or style) and regexes;
- :mod:`auditkit.flows.results`: the plain values the analyses return (cached per file);
- :mod:`auditkit.flows.python`: the libcst analysis of Python;
- :mod:`auditkit.flows.semgrep_rules`: semgrep taint and authorization rules for Go, Java,
  Kotlin, JavaScript and TypeScript, generated from the policy;
- :mod:`auditkit.flows.steps`: the steps of a semgrep flow, read back from the source text.

It sits below the engines and above the analyzers (``.importlinter``); nothing here imports
libcst at module level except :mod:`auditkit.flows.python`.
"""
