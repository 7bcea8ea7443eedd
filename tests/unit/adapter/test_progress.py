"""The progress bar of `claimwire feed`."""

import pytest
from rich.progress import Progress

from claimwire.adapter._feed import _progress


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rich progress bar is created when stderr is a terminal and never otherwise."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert not isinstance(_progress(True), Progress)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert isinstance(_progress(True), Progress)
    assert not isinstance(_progress(False), Progress)
