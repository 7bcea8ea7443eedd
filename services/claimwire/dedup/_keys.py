"""Redis key design of the ledger: every key an atomic script touches shares one hash slot.

All keys of one partition (the claim's region, else its place) carry the partition's tag in braces, so on
Redis Cluster they live in one slot and a Lua script may touch them together:

    {prefix}:dedup:{<tag>}:i:<incident>   hash: state (IncidentUpdated JSON), summary (matching view), version
    {prefix}:dedup:{<tag>}:c:<claim>      hash: incident, version, claim (what `incidents show` prints)
    {prefix}:dedup:{<tag>}:o:<claim>      the state published for the claim, kept a while for redelivery
    {prefix}:dedup:{<tag>}:x:<bucket>     sorted set: incident ids by last change, expiring with the window
    {prefix}:dedup:recent                 sorted set of recently changed incidents (outside the scripts)
    {prefix}:dedup:article:<article>      partition of the article's first located claim (outside the scripts)
    {prefix}:dedup:placed:<claim>         partition an unlocated claim was placed in, so a redelivery finds it
    {prefix}:dedup:df                     hash: in how many claims each content token occurred; "*": claims
"""

from dataclasses import dataclass

from ..settings import Settings
from ._features import partition_tag


@dataclass(frozen=True)
class PartitionKeys:
    """The keys of one partition."""

    base: str

    @classmethod
    def for_tag(cls, settings: Settings, tag: str) -> "PartitionKeys":
        """Keys of the partition with tag `tag`."""
        return cls(settings.key("dedup", "{" + tag + "}"))

    @classmethod
    def for_anchor(cls, settings: Settings, anchor: str) -> "PartitionKeys":
        """Keys of the partition of a claim's anchor."""
        return cls.for_tag(settings, partition_tag(anchor))

    @classmethod
    def for_incident(cls, settings: Settings, incident_id: str) -> "PartitionKeys":
        """Keys of the partition an incident lives in (its id carries the tag: inc_<tag>_<hash>)."""
        parts = incident_id.split("_")
        if len(parts) != 3 or parts[0] != "inc":
            raise ValueError(f"not an incident id: {incident_id!r}")
        return cls.for_tag(settings, parts[1])

    def incident(self, incident_id: str) -> str:
        """An incident record."""
        return f"{self.base}:i:{incident_id}"

    def claim(self, claim_id: str) -> str:
        """The applied-claim record."""
        return f"{self.base}:c:{claim_id}"

    def outbox(self, claim_id: str) -> str:
        """The state published for a claim."""
        return f"{self.base}:o:{claim_id}"

    def bucket(self, name: str) -> str:
        """An index bucket."""
        return f"{self.base}:x:{name}"


def recent_key(settings: Settings) -> str:
    """The recency list of incidents."""
    return settings.key("dedup", "recent")


def article_key(settings: Settings, article_id: str) -> str:
    """The partition an article's located claims went to: its unlocated claims follow them there."""
    return settings.key("dedup", "article", article_id)


def placed_key(settings: Settings, claim_id: str) -> str:
    """The partition an unlocated claim was placed in the first time it was processed."""
    return settings.key("dedup", "placed", claim_id)


#: The field of the document-frequency hash counting the claims themselves (no token is spelled "*").
DOCS_FIELD = "*"


def df_key(settings: Settings) -> str:
    """Document frequencies of content tokens: a statistic for IDF weights, updated outside the scripts."""
    return settings.key("dedup", "df")
