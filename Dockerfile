# HDV image: one image for web (gunicorn), worker and beat (celery); docker-compose.yml
# picks the command. Build: docker build -t hdv .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1

# WeasyPrint (from PyPI) loads Pango, HarfBuzz and fontconfig at run time through cffi;
# the slim image has none of them. DejaVu gives the PDFs a font with the accents and
# symbols Dutch and French text needs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        libfontconfig1 \
        libffi8 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN pip install "uv==0.13.9"

WORKDIR /app

# Dependencies first, from the lock file only, so a code change does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .
RUN uv sync --frozen --no-dev

ENV PATH="/app/.venv/bin:$PATH" \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/app/var/media \
    DJANGO_DEBUG=false

# Static files are collected into the image (WhiteNoise serves them, with the manifest
# that CompressedManifestStaticFilesStorage writes when DEBUG is off). The secret key
# here exists only for this command: it is not in ENV, so the running container has
# none unless DJANGO_SECRET_KEY is given, and then settings refuse to start.
RUN DJANGO_DEBUG=false \
    DJANGO_SECRET_KEY="build-only-collectstatic-key-never-used-at-run-time-0f3c9a7e5d21b84c" \
    python manage.py collectstatic --noinput

# Run as a user without privileges. var/ is writable for it: media lives there (a volume
# in compose, which takes this ownership when it is first created). The home directory is
# its own and writable: gunicorn puts its control socket in ~/.gunicorn/.
RUN groupadd --system --gid 10001 hdv \
    && useradd --system --uid 10001 --gid hdv --home-dir /home/hdv --create-home --shell /usr/sbin/nologin hdv \
    && mkdir -p /app/var/media \
    && chown -R hdv:hdv /app/var
USER hdv

EXPOSE 8000

# The access log leaves out query strings (%(U)s is the path only): searches hold names.
CMD ["gunicorn", "hdv.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s %(H)s\" %(s)s %(B)s %(L)ss"]
