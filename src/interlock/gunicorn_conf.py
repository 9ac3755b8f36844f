"""gunicorn's settings for Interlock (``gunicorn -c python:interlock.gunicorn_conf``): its logger
replaces the token of private calendar feed addresses in the access and error logs
(``core/gunicorn_log.py``). Other settings are given on the command line (see
docs/operations.md)."""

logger_class = "interlock.core.gunicorn_log.RedactingLogger"
