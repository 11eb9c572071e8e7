from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hdv.rollen import ROL_NAMEN, is_terminalaccount
from hdv.startpagina import panelen_voor


def home(request: HttpRequest) -> HttpResponse:
    """Each role's home page: the panels of what needs their attention."""
    if is_terminalaccount(request.user):
        # A detainee on a prison terminal has one page: their own.
        return redirect("deelname:terminal")
    rollen = sorted(
        str(ROL_NAMEN.get(naam, naam))
        for naam in request.user.groups.values_list("name", flat=True)
    )
    return render(request, "hdv/home.html", {"panelen": panelen_voor(request), "rollen": rollen})
