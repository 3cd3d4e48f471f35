"""Sizes the text report switches at (light: the CLI's option table reads them)."""

SUMMARY_THRESHOLD = 200  # more results than this: the text report lists the top ones
