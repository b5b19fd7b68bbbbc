"""The data's road: files -> read -> facts -> store (vectors from embed) -> retrieve; see docs/ARCHITECTURE.md."""
