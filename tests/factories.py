"""Factories for tests. People are synthetic; numbers come from sequences."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from hdv.models import Gevangenis, Medewerker, Organisatie
from trajecten.models import Gedetineerde, Verblijf

WACHTWOORD = "een-lang-testwachtwoord-2026"


class GevangenisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gevangenis
        django_get_or_create = ("code",)

    naam = factory.Sequence(lambda n: f"Gevangenis {n}")
    code = factory.Sequence(lambda n: f"G{n}")
    soort = Gevangenis.Soort.GEVANGENIS
    capaciteit = 400


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("afkorting",)

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    afkorting = factory.Sequence(lambda n: f"ORG{n}")
    soort = Organisatie.Soort.AANBODVERSTREKKER
    sector = Organisatie.Sector.WELZIJN


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    password = factory.django.Password(WACHTWOORD)


class MedewerkerFactory(factory.django.DjangoModelFactory):
    """A staff member; ``rollen`` are group names, ``gevangenissen`` a list of prisons."""

    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)

    @factory.post_generation
    def gevangenissen(self, create, extracted, **kwargs):
        if extracted:
            self.gevangenissen.set(extracted)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if extracted:
            self.user.groups.set(Group.objects.filter(name__in=extracted))


class GedetineerdeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gedetineerde
        skip_postgeneration_save = True

    detineenummer = factory.Sequence(lambda n: f"T{n:07d}")
    voornaam = factory.Faker("first_name", locale="nl_BE")
    achternaam = factory.Faker("last_name", locale="nl_BE")
    geboortedatum = datetime.date(1990, 5, 17)
    geslacht = Gedetineerde.Geslacht.MAN
    huidige_gevangenis = factory.SubFactory(GevangenisFactory)

    @factory.post_generation
    def verblijf(self, create, extracted, **kwargs):
        # Every person present has an open stay in their prison.
        if create and extracted is not False:
            Verblijf.objects.create(
                gedetineerde=self,
                gevangenis=self.huidige_gevangenis,
                van=kwargs.get("van", datetime.date(2026, 1, 5)),
                afdeling="A1",
            )
