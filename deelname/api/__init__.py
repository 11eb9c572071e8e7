"""deelname's API."""
