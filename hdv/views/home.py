from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hdv.rollen import ROL_NAMEN
from hdv.startpagina import panelen_voor


def home(request: HttpRequest) -> HttpResponse:
    """Each role's home page: the panels of what needs their attention."""
    rollen = sorted(
        str(ROL_NAMEN.get(naam, naam))
        for naam in request.user.groups.values_list("name", flat=True)
    )
    return render(request, "hdv/home.html", {"panelen": panelen_voor(request), "rollen": rollen})
