"""The article in the news industry's formats, built from its public document."""
