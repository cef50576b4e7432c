"""clover_gateway: the approved data gateway for Clover user data.

Every read or write of user data (profiles, phone numbers, private videos, watch
history) must go through this package. It is the only code allowed to open the
data stores and the user-data service directly.
"""

from clover_gateway.service import GatewayService

__all__ = ["GatewayService"]
__version__ = "3.7.1"
