"""Readers: turn an input file into the document model."""
