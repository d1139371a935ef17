"""What readers and partners read: the public API, the response cache and the middleware
that answers cached reads, search, feeds and sitemaps.

Everything here reads published versions (``articles.publishing``) only; nothing here
reads the editorial tables or writes anything but the cache.
"""
