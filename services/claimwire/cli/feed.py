"""`claimwire feed`: send article files, folders or stdin to the articles stream, once each."""

import asyncio
import json
import sys
from collections import Counter
from datetime import datetime

import click
from redis.exceptions import RedisClusterException, RedisError
from rich.console import Console

from ._common import load_settings, plain_text_options
from ._skips import skipped_summary

MAX_LISTED = 20


def _summary(report: "object", console: Console) -> None:
    from claimwire.adapter import FeedReport

    assert isinstance(report, FeedReport)
    console.print(
        f"fed {report.fed} (of which fed again {report.refed}), "
        f"skipped as already seen {report.skipped_seen}, rejected {len(report.rejected)}"
    )
    for rejection in report.rejected[:MAX_LISTED]:
        console.print(f"  rejected {rejection}", markup=False, highlight=False)
    if len(report.rejected) > MAX_LISTED:
        reasons = Counter(r.reason for r in report.rejected)
        console.print(f"  ... and {len(report.rejected) - MAX_LISTED} more; by reason:")
        for reason, count in reasons.most_common(10):
            console.print(f"    {count:6d}  {reason}", markup=False, highlight=False)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--force", is_flag=True, help="Feed articles again even if their id was fed before.")
@click.option(
    "--updates",
    is_flag=True,
    help="Feed an article seen before again when it carries a newer version time (ninjs versioncreated, "
    "NewsML versionCreated, Atom updated, JSONL updated_at).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@plain_text_options
@click.option(
    "--progress/--no-progress",
    default=True,
    show_default=True,
    help="Progress bar on stderr (only ever shown on a terminal).",
)
def feed(
    paths: tuple[str, ...],
    force: bool,
    updates: bool,
    as_json: bool,
    source: str | None,
    published_at: datetime | None,
    progress: bool,
) -> None:
    """Send articles to the articles stream, skipping ids already fed.

    PATH is a file, a folder (walked for known suffixes) or - for stdin. Formats, by suffix or sniffed:
    plain text (.txt, id from the file name), JSONL (.jsonl: one object a line, "text" required; "id",
    "source", "url", "title", "published_at", "updated_at", "language" optional), JSON and IPTC ninjs 1.x/2.x
    (.json), IPTC NewsML-G2 and RSS/Atom (.xml, .rss, .atom), HTML (.html). Text is canonicalised (NFC,
    normalised white space) before it is published.

    Plain-text files (and plain text on stdin) carry no outlet or date: --source and --published-at give
    them one. Prints how many were fed, skipped as already seen, and rejected (with file, line, field and
    reason); when anything was rejected, ends with the count ("2 of 120 inputs skipped") and exits 1.
    Waits while the ingest workers are more than CLAIMWIRE_ADAPTER_MAX_BACKLOG articles behind.
    Details: docs/adapter.md.

    \b
    Examples:
      claimwire feed seeds/
      claimwire feed story.txt --source "Kyiv Ledger" --published-at 2024-03-12
      claimwire feed --updates wire/ninjs/*.json
      zcat archive.jsonl.gz | claimwire feed -
    """
    from claimwire.adapter import feed_paths
    from claimwire.adapter._item import PlainDefaults

    settings = load_settings()
    plain = PlainDefaults(source, published_at)
    try:
        report = asyncio.run(
            feed_paths(settings, list(paths), force=force, updates=updates, progress=progress, plain=plain)
        )
    except (RedisError, RedisClusterException, OSError) as err:
        raise click.ClickException(f"cannot feed to Redis at {settings.url_redacted}: {err}") from err
    if as_json:
        click.echo(
            json.dumps(
                {
                    "fed": report.fed,
                    "refed": report.refed,
                    "skipped_seen": report.skipped_seen,
                    "rejected": [
                        {"where": r.where, "line": r.line, "field": r.field, "reason": r.reason}
                        for r in report.rejected
                    ],
                }
            )
        )
    else:
        _summary(report, Console(file=sys.stdout, soft_wrap=True))
    if report.rejected_total:
        read = report.fed + report.skipped_seen + report.rejected_total
        raise click.ClickException(skipped_summary(report.rejected_total, read))
