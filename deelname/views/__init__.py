"""deelname's HTML views, one module per screen; urls.py splices their urlpatterns."""
