import django_filters

# The largest id a BigAutoField holds; a larger number is a 400, not an overflow in SQLite.
GROOTSTE_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A filter on an object id: a whole number within the range of database ids."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", GROOTSTE_ID)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)
