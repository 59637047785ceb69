"""Reading articles: files, encodings, HTML, JSON, publication dates, boilerplate, language;
and the date resolver every later stage reads dates with."""
