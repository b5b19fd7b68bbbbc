"""A query + a `Store` -> ranked `Hit`s: dense and BM25 rankings fused by reciprocal rank."""
