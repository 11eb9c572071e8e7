from typing import Any

from rest_framework.permissions import BasePermission

from hdv.rollen import is_terminalaccount


class HeeftModelPermissie(BasePermission):
    """Signed in, and holding the view's ``vereiste_permissie`` when it names one.

    Anonymous callers get 401 (the token authenticator supplies the challenge);
    signed-in users without the permission get 403. A detainee's terminal account has no
    API at all, not even the reference data.
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if is_terminalaccount(request.user):
            return False
        permissie = getattr(view, "vereiste_permissie", None)
        return permissie is None or request.user.has_perm(permissie)
