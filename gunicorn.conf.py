"""gunicorn settings; gunicorn reads ./gunicorn.conf.py by default (run it from the project root)."""


def post_worker_init(worker):
    """Warm each worker (stored model fit, search index) before it accepts requests."""
    from craftreview.web.warmup import warm

    warm(worker.wsgi)
