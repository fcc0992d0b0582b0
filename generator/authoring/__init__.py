"""For volunteers and reviewers: JSON Schemas, new-file templates, the summary of a change."""
