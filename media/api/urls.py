from rest_framework.routers import SimpleRouter

from media.api.views import PhotoViewSet

router = SimpleRouter()
router.register("photos", PhotoViewSet, basename="photo")
