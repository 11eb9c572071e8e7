from deelname.views import (
    aanvragen,
    aanwezigheden,
    activiteiten,
    bewegingslijsten,
    organisatie,
    terminal,
)

app_name = "deelname"

# Each screen keeps its own routes next to its views.
urlpatterns = [
    *activiteiten.urlpatterns,
    *aanwezigheden.urlpatterns,
    *organisatie.urlpatterns,
    *bewegingslijsten.urlpatterns,
    *aanvragen.urlpatterns,
    *terminal.urlpatterns,
]
