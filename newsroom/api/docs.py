"""Swagger UI and Redoc under the Content-Security-Policy.

drf-spectacular's pages start Swagger UI with an inline script, and Redoc's page loads
fonts from Google. These templates give the inline script the response's nonce and
leave the fonts out, so the pages work with ``script-src 'self' 'nonce-…'`` and load
nothing from another origin.
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView


class SwaggerView(SpectacularSwaggerView):
    template_name = "newsroom/swagger_ui.html"


class RedocView(SpectacularRedocView):
    template_name = "newsroom/redoc.html"
