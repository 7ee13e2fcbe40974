"""WSGI entry point: `gunicorn wsgi:app`."""
from craftreview import create_app

app = create_app()
