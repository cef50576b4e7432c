"""Analysis engines. Each runs over a batch of files and returns raw, engine-shaped results;
normalisation into findings happens in ``auditkit.normalise``."""
