"""The newswire adapter: reads articles in newsroom formats and feeds each once to the articles stream.

`feed_paths` is the one-shot feeder behind `claimwire feed`; `serve` is the long-running adapter behind
`claimwire run adapter` (drop folder and RSS/Atom polling). See docs/adapter.md.
"""

from ._feed import feed_paths
from ._item import Item, Rejection
from ._serve import serve
from ._sink import FeedReport
from ._text import canonical_text

__all__ = ["FeedReport", "Item", "Rejection", "canonical_text", "feed_paths", "serve"]
