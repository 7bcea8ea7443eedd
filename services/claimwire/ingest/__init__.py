"""The ingest worker: articles stream in, claim events out."""

from .service import ingest_stage

__all__ = ["ingest_stage"]
