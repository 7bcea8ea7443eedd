"""An example downstream subscriber: its own consumer group on the incidents stream, printing each change.

It uses only FastStream and the contracts package, as a service of yours would:

    pip install claimwire-contracts "faststream[redis]"
    python -m claimwire.examples.subscriber
"""

import asyncio
import os

import redis.asyncio as aioredis
from faststream import FastStream
from faststream.redis import RedisBroker, StreamSub

from claimwire_contracts import IncidentUpdated

PREFIX = os.environ.get("CLAIMWIRE_KEY_PREFIX", "claimwire")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
STREAM, GROUP = f"{PREFIX}:incidents", "example-subscriber"
broker = RedisBroker(REDIS_URL)
app = FastStream(broker)
seen_versions: dict[str, int] = {}


@app.on_startup
async def create_group_from_the_start() -> None:
    """FastStream would create the group at `$` and skip history; start it at the first entry instead."""
    client = aioredis.Redis.from_url(REDIS_URL)
    try:
        await client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except aioredis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise
    finally:
        await client.aclose()


@broker.subscriber(
    stream=StreamSub(STREAM, group=GROUP, consumer=os.environ.get("HOSTNAME", "example"), max_records=50)
)
async def on_incident(incident: IncidentUpdated) -> None:
    """Print each incident change once; a redelivered or older version is skipped (idempotent)."""
    if seen_versions.get(incident.incident_id, 0) >= incident.version:
        return
    seen_versions[incident.incident_id] = incident.version
    print(
        f"{incident.incident_id} v{incident.version} [{incident.verification}] {incident.title} "
        f"- {incident.corroboration} outlet(s), {len(incident.claim_ids)} claim(s)",
        flush=True,
    )


if __name__ == "__main__":
    asyncio.run(app.run())
