"""What the ledger stores and publishes: article records compressed (older plain ones still read), and an
incident state published from the JSON the ledger stored, byte for byte what serialising it gives."""

import json

from claimwire.dedup._articles import article_unit
from claimwire.dedup._offline import MemoryLedger
from claimwire.dedup._store import pack, unit_record, unpack
from claimwire.dedup.service import FiledState
from claimwire.streams import frame_event
from claimwire_contracts import ArticleExtracted, ArticleReceived, IncidentUpdated

from .factories import claim


def _extracted() -> ArticleExtracted:
    text = "Ferry capsizes off Port Halvard\nA ferry capsized off Port Halvard on Monday, the coast guard said."
    article = ArticleReceived(article_id="art_a", source="Outlet", text=text, received_at="2026-12-04T12:00:00Z")
    return ArticleExtracted(
        article=article, claims=[claim("A ferry capsized off Port Halvard on Monday.", article="art_a")]
    )


def test_an_article_record_is_stored_compressed_and_read_in_either_form():
    unit = article_unit(_extracted())
    assert unit is not None
    record = unit_record(unit)
    stored = pack(record)
    assert len(stored) < len(record.encode())
    assert json.loads(unpack(stored)) == json.loads(record)
    # Stored before records were compressed: plain JSON, read as it is.
    assert json.loads(unpack(record.encode())) == json.loads(record)


def test_a_filed_state_frames_exactly_like_the_state():
    unit = article_unit(_extracted())
    assert unit is not None
    state = MemoryLedger().process(unit)
    assert state is not None
    filed = FiledState.of(state, state.model_dump_json())
    assert isinstance(filed, IncidentUpdated)
    assert frame_event(filed, "c") == frame_event(state, "c")
    assert filed.model_dump_json(indent=2) == state.model_dump_json(indent=2)
    assert IncidentUpdated.model_validate_json(filed.model_dump_json()) == state
