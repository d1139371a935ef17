from rest_framework import permissions


class PublicReadModelWrite(permissions.DjangoModelPermissions):
    """Anyone may read (public endpoints serve published things only); writing needs
    a login and the model permission (add/change/delete) for the method."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return super().has_permission(request, view)
