from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import DeliveryStatus, WebhookDelivery, WebhookSubscriber
from articles.webhooks.delivery import enqueue


class DeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    extra = 0
    can_delete = False
    max_num = 0
    fields = ["event", "status", "attempts", "last_status_code", "last_error", "created_at"]
    readonly_fields = fields
    ordering = ["-created_at"]
    show_change_link = True


@admin.register(WebhookSubscriber)
class WebhookSubscriberAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    inlines = [DeliveryInline]
    # Subscribers are reached over https unless their address says otherwise (and
    # Django 6 assumes so): say it now rather than rely on the old default.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: what was sent to whom, how it went, what is still to retry."""

    list_display = [
        "event",
        "subscriber",
        "status",
        "attempts",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "event", "subscriber"]
    list_select_related = ["subscriber"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request):
        # Sending again changes the delivery: reading the log is not enough.
        return request.user.has_perm("articles.change_webhookdelivery")

    @admin.action(description=_("Send the selected deliveries again"), permissions=["resend"])
    def send_again(self, request, queryset):
        count = 0
        for delivery in queryset:
            delivery.status = DeliveryStatus.PENDING
            delivery.attempts = 0
            delivery.save(update_fields=["status", "attempts"])
            enqueue(delivery)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery queued again.", "%(count)d deliveries queued again.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )
