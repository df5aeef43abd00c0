"""Structure: from cleaned lines to the document model (lead, articles, blocks)."""
