from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from media.models import Agency, Photo
from media.services import EDITABLE_FIELDS
from media.validation import validate_upload
from newsroom.languages import language_choices


class PhotoUploadForm(forms.Form):
    """The admin's upload: the file, plus what the file's metadata lacks. Blank fields
    are filled from the file's IPTC/XMP/EXIF by ``media.services.photo_ingest``."""

    image = forms.FileField(
        label=_("Photo file"),
        help_text=_("JPEG, PNG or WebP. Caption, credit and rights are read from the file."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the caption"),
        help_text=_("For a caption below, and for one in the file that names no language."),
    )
    caption = forms.CharField(
        label=_("caption"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    alt_text = forms.CharField(
        label=_("alt text"),
        required=False,
        max_length=500,
        help_text=_("What the picture shows, for someone who cannot see it. Not the caption."),
    )
    title = forms.CharField(label=_("title"), required=False, max_length=200)
    credit_creator = forms.CharField(label=_("creator"), required=False, max_length=200)
    credit_agency = forms.ModelChoiceField(
        label=_("agency"), queryset=Agency.objects.all(), required=False
    )
    credit_pool = forms.BooleanField(label=_("pool photo"), required=False)
    credit_platform = forms.CharField(label=_("platform"), required=False, max_length=50)
    credit_handle = forms.CharField(label=_("handle"), required=False, max_length=100)
    copyright_notice = forms.CharField(label=_("copyright notice"), required=False, max_length=300)
    usage_terms = forms.CharField(
        label=_("usage terms"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    rights_expire_at = forms.DateTimeField(label=_("rights expire at"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["language"].initial = settings.NEWSROOM_DEFAULT_LANGUAGE

    def service_arguments(self):
        """Return the keyword arguments for ``photo_ingest`` (without file and user)."""
        data = dict(self.cleaned_data)
        data.pop("image")
        language = data.pop("language")
        caption, alt_text = data.pop("caption"), data.pop("alt_text")
        return {
            "language": language,
            "captions": {language: caption} if caption else None,
            "alt_texts": {language: alt_text} if alt_text else None,
            **{key: value for key, value in data.items() if value not in (None, "", False)},
        }


class FocalPointWidget(forms.NumberInput):
    """The focal point's x input, with the picture above it: a click on the picture sets
    both x and y (``media/focal-point.js``); the marker shows where it is."""

    template_name = "admin/media/photo/focal_point_widget.html"

    def __init__(self, image_url="", attrs=None):
        super().__init__(attrs={"step": "0.0001", "min": "0", "max": "1", **(attrs or {})})
        self.image_url = image_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["image_url"] = self.image_url
        context["y_id"] = context["widget"]["attrs"].get("id", "").replace("_x", "_y")
        return context

    class Media:
        js = ["media/focal-point.js"]
        css = {"all": ["media/focal-point.css"]}


class PhotoChangeForm(forms.ModelForm):
    """The photo's editorial fields; the file itself is replaced through the service."""

    replacement = forms.FileField(
        label=_("Replace the file"),
        required=False,
        help_text=_(
            "Upload a better version of the same picture. Captions and credits stay; the "
            "renditions are made again."
        ),
    )

    class Meta:
        model = Photo
        fields = list(EDITABLE_FIELDS)

    def __init__(self, *args, image_url="", **kwargs):
        super().__init__(*args, **kwargs)
        focal_point = self.fields.get("focal_point_x")
        if focal_point is not None:  # absent where the page is read-only for this user
            focal_point.widget = FocalPointWidget(image_url=image_url)
            focal_point.help_text = _(
                "Click the picture on what must stay in every crop. 0.5, 0.5 is the centre."
            )

    def clean_replacement(self):
        replacement = self.cleaned_data.get("replacement")
        if replacement:
            # Refuse a bad file here, with the reason next to the field; the service
            # checks again when it stores it.
            validate_upload(replacement)
        return replacement
