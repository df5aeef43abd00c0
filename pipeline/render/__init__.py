"""Writers: one module per format, each knowing only the model and the style.

Every writer exposes ``render(doc, style, opts) -> bytes``; the caller writes the bytes
atomically, so no writer ever leaves a half-written file behind.
"""
