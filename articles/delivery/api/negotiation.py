"""Which language a reader asked for: ``?lang=`` first, then ``Accept-Language``."""

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

from newsroom.languages import query_language


def requested_language(request):
    """Return (language or None, whether the answer depends on Accept-Language).

    Without ``?lang`` it always does, its absence included: a shared cache must not
    hand the answer for "no preference" to a reader who asked for Spanish.
    """
    explicit = query_language(request)
    if explicit is not None:
        return explicit, False
    header = request.headers.get("Accept-Language")
    if not header:
        return None, True
    for code, _quality in parse_accept_lang_header(header):
        primary = code.split("-")[0].lower()
        if primary in settings.NEWSROOM_LANGUAGES:
            return primary, True
    return None, True
