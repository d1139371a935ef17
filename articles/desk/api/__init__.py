"""The write API: the desk's articles, their workflow moves, ingest and preview links."""
