from deelname.views import (
    aanvragen,
    aanwezigheden,
    activiteiten,
    bewegingslijsten,
    inschrijvingen,
    organisatie,
    terminal,
    wachtlijst,
)

app_name = "deelname"

# Each screen keeps its own routes next to its views.
urlpatterns = [
    *activiteiten.urlpatterns,
    *inschrijvingen.urlpatterns,
    *wachtlijst.urlpatterns,
    *aanwezigheden.urlpatterns,
    *organisatie.urlpatterns,
    *bewegingslijsten.urlpatterns,
    *aanvragen.urlpatterns,
    *terminal.urlpatterns,
]
