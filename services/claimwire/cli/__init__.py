"""The `claimwire` command line: one group, each command in a module of its own, loaded on demand."""

import importlib
from typing import Any

import click

# Command name -> "module:attribute". Loading lazily keeps `claimwire --help` fast and lets each
# command's module import only what it needs.
COMMANDS: dict[str, str] = {
    "demo": "claimwire.cli.demo:demo",
    "run": "claimwire.cli.run:run",
    "feed": "claimwire.cli.feed:feed",
    "extract": "claimwire.cli.extract:extract",
    "tail": "claimwire.cli.tail:tail",
    "incidents": "claimwire.cli.incidents:incidents",
    "cluster": "claimwire.cli.cluster:cluster",
    "schema": "claimwire.cli.schema:schema",
    "docs": "claimwire.cli.docs:docs",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimwire")
def main(**_: Any) -> None:
    """claimwire: news articles in, typed claim events and a deduplicated incident ledger out.

    Configuration comes from the environment: REDIS_URL and CLAIMWIRE_* variables (see the README).
    """
