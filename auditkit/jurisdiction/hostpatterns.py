"""The policy's ``allow_hosts`` / ``deny_hosts``: shell-style globs, case-insensitive.

``*.clover.internal`` matches every name below clover.internal at any depth (``*`` crosses
dots, as in fnmatch). A pattern that is an IP network ("10.20.0.0/16") matches addresses in it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from fnmatch import fnmatchcase

from auditkit.jurisdiction.ips import parse_ip


@dataclass(frozen=True)
class HostPatterns:
    globs: tuple[str, ...]
    networks: tuple[tuple[str, ipaddress.IPv4Network | ipaddress.IPv6Network], ...]

    @classmethod
    def compile(cls, patterns: tuple[str, ...]) -> HostPatterns:
        globs: list[str] = []
        networks: list[tuple[str, ipaddress.IPv4Network | ipaddress.IPv6Network]] = []
        for pattern in patterns:
            text = pattern.strip().lower().rstrip(".")
            try:
                networks.append((pattern, ipaddress.ip_network(text, strict=False)))
            except ValueError:
                globs.append(text)
        return cls(tuple(globs), tuple(networks))

    def match(self, host: str) -> str | None:
        """The first pattern ``host`` matches, or None."""
        if not self.globs and not self.networks:
            return None
        host = host.lower().rstrip(".")
        address = parse_ip(host) if self.networks else None
        if address is not None:
            for original, network in self.networks:
                if address.version == network.version and address in network:
                    return original
        for glob in self.globs:
            if fnmatchcase(host, glob):
                return glob
        return None
