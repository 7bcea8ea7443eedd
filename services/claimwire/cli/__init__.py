"""The `claimwire` command line: one group, each command in a module of its own, loaded on demand."""

import importlib
from typing import Any

import click

# Command name -> "module:attribute". Loading lazily keeps `claimwire --help` fast and lets each
# command's module import only what it needs.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("claimwire.cli.demo:demo", "Run the whole pipeline on the sample articles and print a summary."),
    "run": ("claimwire.cli.run:run", "Run one service (adapter, ingest or dedup) until SIGTERM."),
    "feed": (
        "claimwire.cli.feed:feed",
        "Send articles (files, folders, JSONL, feeds, stdin) to the articles stream.",
    ),
    "extract": (
        "claimwire.cli.extract:extract",
        "Extract claims offline (no Redis), one ClaimExtracted JSON a line.",
    ),
    "tail": ("claimwire.cli.tail:tail", "Print the claims, incidents or dead-letter stream."),
    "incidents": (
        "claimwire.cli.incidents:incidents",
        "List incidents or show one with its claims and reasons.",
    ),
    "cluster": ("claimwire.cli.cluster:cluster", "Cluster articles or claims into incidents offline."),
    "schema": ("claimwire.cli.schema:schema", "Write the JSON Schemas of all contracts."),
    "docs": ("claimwire.cli.docs:docs", "Write the AsyncAPI document of claimwire's streams."),
    "desk": ("claimwire.cli.desk:desk", "Serve the incident desk: live incident pages and a JSON API."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name][0].split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Summaries are static so that `claimwire --help` imports no command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in sorted(COMMANDS.items())])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimwire")
def main(**_: Any) -> None:
    """claimwire: news articles in, typed claim events and a deduplicated incident ledger out.

    Configuration comes from the environment: REDIS_URL and CLAIMWIRE_* variables (see the README).
    """
