"""The editorial side: who may do what (``permissions``), the workflow moves (``moves``,
``workflow``), conflict-safe editing (``editing``), history (``history``), and the two
ways editors work: the Django admin (``admin``) and the desk API (``api``).

It writes articles and asks the publishing side (``articles.publishing``) to publish
them; it never writes a published version itself.
"""
