"""The wire desk: reading agency copy and finding who said what in it.

``wire.formats`` turns the bytes an agency sends into a ``wire.story.WireStory``;
``wire.quotes`` finds the quotations in a story's text. Neither touches the database.
"""
