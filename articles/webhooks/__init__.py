"""Signed webhook deliveries of publication events (``articles.publishing.events``)."""
