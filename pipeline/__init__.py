"""OCR'd Chinese newspaper pages to typeset booklets (PDF), DOCX and EPUB, in both scripts."""

__version__ = "0.1.0"
