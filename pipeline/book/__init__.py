"""The briefing anthology: many pages gathered into one booklet (issue 16)."""
