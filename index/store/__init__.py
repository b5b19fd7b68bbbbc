"""`Document` + vectors -> the store on disk (SQLite, Chroma, BM25, manifest) and the `Store` facade."""
