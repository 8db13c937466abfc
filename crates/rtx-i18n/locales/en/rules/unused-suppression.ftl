## unused-suppression

rule-summary-unused-suppression = a `# rtxlint:` directive silences nothing, or names a rule that does not exist
