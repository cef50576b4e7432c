"""The click application: every subcommand lives in its own module and is registered in
``_COMMANDS``; ``run`` maps errors to the exit codes fixed in DESIGN.md and prints one line per
error, never a traceback (unless ``--debug``).
"""

from __future__ import annotations

import importlib

import click

from auditkit import __version__
from auditkit.core.errors import AuditkitError

# name -> "module:attribute"; imported lazily so that `auditkit check` stays fast.
_COMMANDS: dict[str, str] = {
    "scan": "auditkit.cli.scan:scan",
    "check": "auditkit.cli.check:check",
    "classify": "auditkit.cli.classify:classify",
    "audit": "auditkit.cli.audit:audit",
    "render": "auditkit.cli.render:render",
    "keygen": "auditkit.cli.signing:keygen",
    "sign": "auditkit.cli.signing:sign",
    "verify": "auditkit.cli.signing:verify",
    "baseline": "auditkit.cli.baseline:baseline",
    "diff": "auditkit.cli.diff:diff",
    "fleet": "auditkit.cli.fleet:fleet",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in _COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = _COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                return None  # not built yet
            raise
        command = getattr(module, attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditkit")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Audit a source tree for gateway bypass and non-EU endpoints; sign the report."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def run(args: list[str]) -> int:
    debug = "--debug" in args
    try:
        result = cli.main(args=args, prog_name="auditkit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("auditkit: interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("auditkit: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except AuditkitError as exc:
        if debug:
            raise
        for line in exc.message.splitlines() or [type(exc).__name__]:
            click.echo(f"auditkit: error: {line}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, exit 3
        if debug:
            raise
        click.echo(
            f"auditkit: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
            err=True,
        )
        return 3
    return int(result or 0)
