"""How every command that reads JSONL reports bad input: the same words from `extract`, `cluster` and `feed`.

A bad input (a JSONL line, a file) is skipped, not fatal: it is named on stderr as `file:line: reason` when it
is met, the run goes on, and at the end one line counts what was skipped and the command exits 1.
"""

import click

from claimwire.adapter._item import Rejection


def skipped_summary(skipped: int, read: int) -> str:
    """The closing count, e.g. "2 of 120 inputs skipped" (a JSONL line or a whole file is one input)."""
    return f"{skipped} of {read} inputs skipped"


class Skips:
    """The tally of one run: inputs read, inputs skipped (each reported when skipped)."""

    def __init__(self) -> None:
        self.read = 0
        self.skipped = 0

    def took(self) -> None:
        """Count one input read (whether or not it is skipped later)."""
        self.read += 1

    def skip(self, rejection: Rejection) -> None:
        """Report one input skipped, as `file:line: field 'x': reason`, on stderr."""
        self.skipped += 1
        click.echo(str(rejection), err=True)

    def warn(self, where: str, line: int | None, message: str) -> None:
        """Report something repaired in an input that was kept (it is not counted as skipped)."""
        place = f"{where}:{line}" if line is not None else where
        click.echo(f"{place}: warning: {message}", err=True)

    def finish(self) -> None:
        """End the run: exit 1 with the closing count when anything was skipped."""
        if self.skipped:
            raise click.ClickException(skipped_summary(self.skipped, self.read))
