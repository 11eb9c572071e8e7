from typing import Any

from rest_framework.permissions import BasePermission


class HeeftModelPermissie(BasePermission):
    """Signed in, and holding the view's ``vereiste_permissie`` when it names one.

    Anonymous callers get 401 (the token authenticator supplies the challenge);
    signed-in users without the permission get 403.
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        permissie = getattr(view, "vereiste_permissie", None)
        return permissie is None or request.user.has_perm(permissie)
