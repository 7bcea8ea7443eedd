"""The stream-consuming services by name, as `claimwire run` and the demo start them."""

from .runtime import Component
from .settings import Settings

CONSUMERS = ("ingest", "dedup")


def components_for(name: str, settings: Settings) -> list[Component]:
    """The components that make up the consuming service `name`."""
    if name == "ingest":
        from .ingest import ingest_stage

        return [ingest_stage(settings)]
    if name == "dedup":
        from .dedup import dedup_component

        return [dedup_component(settings)]
    raise ValueError(f"unknown service {name!r}; expected one of {', '.join(CONSUMERS)}")
