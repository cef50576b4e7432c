"""tilia_gateway: the only code allowed to touch patient data stores.

The application imports :class:`gateway.api.RecordsGateway`; it never opens a
database, cache, bucket or the records service itself.
"""

from gateway.api import RecordsGateway

__all__ = ["RecordsGateway"]
