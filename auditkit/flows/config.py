"""What a batch needs to know about the policy's data categories and authorization checks:
plain, picklable values (a batch may run in another process or on a Dask worker)."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.core.policy import Policy


@dataclass(frozen=True)
class FlowConfig:
    categories: tuple[tuple[str, tuple[str, ...]], ...] = ()
    python_authorizers: tuple[str, ...] = ()
    gateway_paths: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.categories) or bool(self.python_authorizers)

    @classmethod
    def from_policy(cls, policy: Policy) -> FlowConfig:
        return cls(
            categories=policy.data.categories,
            python_authorizers=policy.gateway.authorizers("python"),
            gateway_paths=policy.gateway.paths,
        )
