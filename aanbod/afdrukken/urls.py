from django.urls import path

from . import views

urlpatterns = [
    path("afdrukken/weekprogramma/", views.weekprogramma, name="weekprogramma"),
    path("afdrukken/weekprogramma.pdf", views.weekprogramma_pdf, name="weekprogramma_pdf"),
    path("afdrukken/brochure/", views.brochure_html, name="brochure"),
    path("afdrukken/brochure.pdf", views.brochure_pdf, name="brochure_pdf"),
]
