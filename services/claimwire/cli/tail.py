"""`claimwire tail STREAM`: print a stream's events without joining any consumer group."""

import contextlib
import json
import time
from typing import Any, cast

import click
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from claimwire_contracts import ClaimExtracted, Contract, DeadLetter, IncidentUpdated

from ..broker import build_client
from ..settings import Settings
from ..streams import StreamEntry, entry_document
from ._common import load_settings, run_async

MODELS: dict[str, type[Contract]] = {
    "claims": ClaimExtracted,
    "incidents": IncidentUpdated,
    "deadletter": DeadLetter,
}


@click.command()
@click.argument("stream", type=click.Choice(sorted(MODELS)))
@click.option("--json", "as_json", is_flag=True, help="One JSON event per line instead of a readable line.")
@click.option("--count", type=click.IntRange(min=1), default=None, help="Stop after N events.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=None,
    help="Stop after S seconds without a new event (default: follow until Ctrl-C).",
)
@click.option("--new", "only_new", is_flag=True, help="Only events published from now on.")
def tail(stream: str, as_json: bool, count: int | None, timeout: float | None, only_new: bool) -> None:
    """Print the claims, incidents or dead-letter stream from its first retained entry, then follow it.

    Reads with XREAD, so it never joins a consumer group and never takes work from the services.
    """
    settings = load_settings()
    with contextlib.suppress(KeyboardInterrupt):
        run_async(_tail(settings, stream, as_json=as_json, count=count, timeout=timeout, only_new=only_new))


async def _tail(
    settings: Settings, name: str, *, as_json: bool, count: int | None, timeout: float | None, only_new: bool
) -> None:
    stream = {
        "claims": settings.claims_stream,
        "incidents": settings.incidents_stream,
        "deadletter": settings.deadletter_stream,
    }[name]
    client: Redis = build_client(settings)
    printed, last_event = 0, time.monotonic()
    try:
        last_id = await _last_id(client, stream) if only_new else "0-0"
        while count is None or printed < count:
            block_ms = 500 if timeout is None else max(1, int(min(timeout, 0.5) * 1000))
            reply = cast(
                list[tuple[bytes, list[tuple[bytes, dict[bytes, bytes]]]]],
                await client.xread({stream: last_id}, count=100 if count is None else count - printed, block=block_ms),
            )
            for _, rows in reply:
                for raw_id, fields in rows:
                    last_id = raw_id.decode()
                    click.echo(_render_entry(name, StreamEntry(last_id, fields), as_json))
                    printed += 1
                    last_event = time.monotonic()
            if timeout is not None and time.monotonic() - last_event >= timeout:
                break
    finally:
        await client.aclose()


async def _last_id(client: Redis, stream: str) -> str:
    """The stream's last id now; reading on from "$" instead would skip what arrives between two reads."""
    try:
        info = await client.xinfo_stream(stream)
    except ResponseError:  # no such stream yet: everything in it will be new
        return "0-0"
    last = info["last-generated-id"]
    return last.decode() if isinstance(last, bytes) else str(last)


def _render_entry(name: str, entry: StreamEntry, as_json: bool) -> str:
    """One entry as a line; an entry that is not a valid event is shown as such, not as a traceback."""
    try:
        return _render(name, entry_document(entry), as_json)
    except (ValueError, UnicodeDecodeError) as exc:  # pydantic's ValidationError is a ValueError
        return f"{entry.id}  (not a valid {name} event: {str(exc).splitlines()[0]})"


def _render(name: str, document: Any, as_json: bool) -> str:
    if as_json:
        return json.dumps(document, ensure_ascii=False)
    if name == "claims":
        claim = ClaimExtracted.model_validate(document)
        cue = claim.cue.text if claim.cue else "(own reporting)"
        return f"{claim.claim_id}  {claim.claimant.name} [{cue}] {claim.text}"
    if name == "incidents":
        incident = IncidentUpdated.model_validate(document)
        return (
            f"{incident.incident_id} v{incident.version}  {incident.title}  "
            f"claims={len(incident.claim_ids)} outlets={incident.corroboration} {incident.verification}"
        )
    dead = DeadLetter.model_validate(document)
    return f"{dead.entry_id} {dead.stream} [{dead.reason}] attempts={dead.attempts} {dead.detail}"
