from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class AanmeldForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Gebruikersnaam of wachtwoord is niet juist. Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Gebruikersnaam of wachtwoord is niet juist."),
    }

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
