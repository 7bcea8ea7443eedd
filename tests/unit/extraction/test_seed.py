"""The seed article of issue 4 as the specification: 16 claims, each with its resolved claimant.

The article is read from ../shared by path and never copied into the repository.
"""

from datetime import UTC, datetime

import pytest

from claimwire.extraction import extract_claims
from claimwire_contracts import ArticleReceived, ClaimExtracted, EventType, make_article_id
from tests.conftest import SEED_ARTICLE

# The article was published on a Tuesday; 12 March 2024 is one.
PUBLISHED = datetime(2024, 3, 12, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def claims() -> list[ClaimExtracted]:
    if not SEED_ARTICLE.exists():
        pytest.skip(f"seed article not found at {SEED_ARTICLE} (../shared is not mounted)")
    text = SEED_ARTICLE.read_bytes().decode("utf-8")
    article = ArticleReceived(
        article_id=make_article_id(None, SEED_ARTICLE.name, text),
        source="CNN",
        text=text,
        published_at=PUBLISHED,
        received_at=PUBLISHED,
    )
    return extract_claims(article)


def _one(claims: list[ClaimExtracted], *words: str) -> ClaimExtracted:
    found = [c for c in claims if all(w in c.text for w in words)]
    assert len(found) == 1, f"expected one claim with {words}, got {[c.text for c in found]}"
    return found[0]


def _claimant(claim: ClaimExtracted) -> str:
    return claim.claimant.name.lower()


LEGION = "freedom for russia legion"
MINISTRY = "russian defense ministry"


def test_legion_takes_tyotkino_unverified(claims: list[ClaimExtracted]) -> None:
    """1: the Legion's takeover of Tyotkino, in Kursk region, Russia, is unverified."""
    claim = _one(claims, "Tyotkino")
    assert _claimant(claim) == LEGION
    assert claim.verification.status.value == "unverified"
    tyotkino = next(p for p in claim.locations if p.name == "Tyotkino")
    assert (tyotkino.admin1, tyotkino.country) == ("Kursk region", "Russia")


def test_this_group_is_the_legion(claims: list[ClaimExtracted]) -> None:
    """2: "This group" resolves to the Legion; one armoured personnel carrier destroyed."""
    claim = _one(claims, "personnel carrier within")
    assert (claim.claimant.mention, _claimant(claim)) == ("This group", LEGION)
    assert [q.value for q in claim.quantities] == [1]


def test_siberian_battalion_statement(claims: list[ClaimExtracted]) -> None:
    """3: the Siberian Battalion's Telegram message is a statement."""
    claim = _one(claims, "home at last")
    assert _claimant(claim) == "siberian battalion"
    assert claim.event_type is EventType.statement


def test_ministry_claims(claims: list[ClaimExtracted]) -> None:
    """4-8: the ministry's claims, written "the ministry", "It", "According to the ministry"."""
    attempts = _one(claims, "three directions")
    assert _claimant(attempts) == MINISTRY
    assert attempts.time is not None
    assert str(attempts.time.start) == "2024-03-12"
    repelled = _one(claims, "repelled")
    assert (_claimant(repelled), repelled.cue.text if repelled.cue else None) == (MINISTRY, "According to")
    engagements = _one(claims, "Odnorobovka in")
    places = {p.name: (p.admin1, p.country) for p in engagements.locations}
    assert places["Odnorobovka"] == ("Kharkiv region", "Ukraine")
    assert places["Nekhoteevka"][1] == "Russia"
    assert "Spodariushino" in places
    assert _claimant(engagements) == MINISTRY
    losses = _one(claims, "five tanks")
    assert (losses.claimant.mention, _claimant(losses)) == ("It", MINISTRY)
    assert sorted(q.value for q in losses.quantities) == [1, 5, 60]
    skirmishes = _one(claims, "skirmishes")
    assert _claimant(skirmishes) == MINISTRY
    assert skirmishes.hedged
    assert skirmishes.verification.status.value == "unverified"


def test_legion_incursion_in_may_2023(claims: list[ClaimExtracted]) -> None:
    """9: the Legion's incursion into Belgorod in May 2023."""
    claim = _one(claims, "incursion into Belgorod")
    assert _claimant(claim) == LEGION
    assert claim.time is not None
    assert (str(claim.time.start), str(claim.time.end)) == ("2023-05-01", "2023-05-31")


def test_kremlin_air_defences(claims: list[ClaimExtracted]) -> None:
    """10: the Kremlin announces enhancements to Belgorod's air defences."""
    assert _claimant(_one(claims, "air defenses")) == "kremlin"


def test_drones_over_seven_regions(claims: list[ClaimExtracted]) -> None:
    """11: the ministry reports drones intercepted over seven named places."""
    claim = _one(claims, "interception")
    assert _claimant(claim) == MINISTRY
    assert {p.name for p in claim.locations} == {"Moscow", "Belgorod", "Kursk", "Oryol", "Leningrad", "Bryansk", "Tula"}


def test_oil_depot_no_casualties(claims: list[ClaimExtracted]) -> None:
    """12: a drone hit an oil depot in the Oryol region; the fire caused no casualties (quantity 0)."""
    claim = _one(claims, "oil depot")
    assert 0 in [q.value for q in claim.quantities]
    assert any("Oryol" in p.name for p in claim.locations)


def test_governor_accuses_ukraine(claims: list[ClaimExtracted]) -> None:
    """13: the governor of Belgorod: four explosives, seven settlements without electricity."""
    claim = _one(claims, "four explosives")
    assert _claimant(claim) == "governor of belgorod"
    assert sorted(q.value for q in claim.quantities) == [4, 7]


def test_kursk_online_learning(claims: list[ClaimExtracted]) -> None:
    """14: over 4,500 students (approximate) in 34 schools."""
    claim = _one(claims, "4,500")
    figures = {q.value: q.approximate for q in claim.quantities}
    assert figures == {4500: True, 34: False}


def test_ria_novosti_plane_crash(claims: list[ClaimExtracted]) -> None:
    """15: RIA Novosti reports the IL-76 crash in the Ivanovo region with eight crew and seven passengers."""
    crash = _one(claims, "Ivanovo")
    assert _claimant(crash) == "ria novosti"
    aboard = _one(claims, "eight crew")
    assert _claimant(aboard) == "ria novosti"
    assert sorted(q.value for q in aboard.quantities) == [7, 8]


def test_january_crash_blamed_on_ukraine_is_disputed(claims: list[ClaimExtracted]) -> None:
    """16: Russia attributes the January crash to Ukraine; the claim is disputed."""
    claim = _one(claims, "attributed to Ukraine")
    assert _claimant(claim) == "russia"
    assert claim.verification.status.value == "disputed"
    assert claim.time is not None
    assert str(claim.time.start) == "2024-01-01"


def test_no_commentary_or_meta_reporting(claims: list[ClaimExtracted]) -> None:
    """The writer's commentary and "reached out … for comments" are not claims."""
    for phrase in ("cannot be understated", "profound sentiment", "paint a picture", "reached out", "appears to"):
        assert not any(phrase in c.text for c in claims), phrase
