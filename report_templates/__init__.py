"""Report templates (jinja2), installed as the data package ``auditkit._templates``."""
