"""auditkit's core: the frozen findings model, the policy and its strict TOML reading, errors
with their exit codes, and the small facts every layer needs (file languages, path patterns,
fingerprints, installed engine versions). It imports nothing else of auditkit's, so every
other package may build on it (import-linter's layers in .importlinter keep it that way).
"""
