"""From mentions to agreements: merging, dates, validated records."""
