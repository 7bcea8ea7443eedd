"""Redis key design of the ledger: every key an atomic script touches shares one hash slot.

All keys of one partition carry the partition's tag in braces, so on Redis Cluster they live in one slot and
a Lua script may touch them together. Articles are matched by their reports, which name no place, so today
every article is filed in one partition (see docs/dedup.md, Key design):

    {prefix}:dedup:{<tag>}:i:<incident>   hash: state (IncidentUpdated JSON), summary (matching view), version
    {prefix}:dedup:{<tag>}:c:<report>     hash: incident, version, claim (the article and its claims, for
                                          `incidents show`, zlib-compressed JSON); its existence marks the
                                          article as filed
    {prefix}:dedup:{<tag>}:o:<article>    the state published for the article, until it is published and acked
    {prefix}:dedup:{<tag>}:x:<bucket>     sorted set: incident ids by last change, expiring with the window
    {prefix}:dedup:{<tag>}:recent         sorted set of recently changed incidents, at most dedup_recent_max
    {prefix}:dedup:{<tag>}:commit         hash: seq (filings so far), cursor (newest extracted entry filed)
    {prefix}:dedup:{<tag>}:df             hash: in how many articles each content token occurred; "*": articles
    {prefix}:dedup:latest                 hash: incident -> "version entry-id" of its entry on the incidents stream
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
        """The record of a filed article, by its report's id."""
        return f"{self.base}:c:{claim_id}"

    def outbox(self, article_id: str) -> str:
        """The state published for an article, kept until the publish is acked."""
        return f"{self.base}:o:{article_id}"

    def bucket(self, name: str) -> str:
        """An index bucket."""
        return f"{self.base}:x:{name}"

    @property
    def df(self) -> str:
        """Document frequencies of content tokens (IDF weights): read by LOOKUP, counted by APPLY, in the
        partition's slot so both are part of the scripts (the numbers a decision used are exactly those of the
        articles filed before it)."""
        return f"{self.base}:df"

    @property
    def commit(self) -> str:
        """The partition's commit sequence (`seq`, one per filing) and cursor (the newest extracted entry filed)."""
        return f"{self.base}:commit"

    @property
    def recent(self) -> str:
        """The partition's recently changed incidents, updated by APPLY."""
        return f"{self.base}:recent"


def latest_key(settings: Settings) -> str:
    """Incident id -> "version entry-id" of its latest version on the incidents stream (older ones are deleted)."""
    return settings.key("dedup", "latest")


#: The field of the document-frequency hash counting the articles themselves (no token is spelled "*").
DOCS_FIELD = "*"
