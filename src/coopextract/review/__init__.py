"""Review: human decisions, their listing, the HTML report, the files a folder keeps."""
