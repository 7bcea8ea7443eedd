"""`serve`: the long-running adapter (drop folder and feed polling) until told to stop."""

import asyncio

from claimwire.settings import Settings


async def serve(settings: Settings, stop: asyncio.Event) -> None:
    """Run the adapter until `stop` is set."""
    await stop.wait()
