"""claimwire: news articles in, typed claim events and a deduplicated incident ledger out."""

__version__ = "0.1.0"
