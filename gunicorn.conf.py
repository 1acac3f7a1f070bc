"""gunicorn settings for `make run`, and for the reliability tests, which start the site exactly
this way (tests/reliability/site.py).

The app is created in each worker after the fork (no preload), so no SQLite connection or
open index file is ever shared between processes (research anchors-reliability §4.1).
"""
import os

bind = f"127.0.0.1:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WORKERS", "2"))
worker_class = "sync"
preload_app = False
# A request that waits for SQLite's write lock gives up after about 15 s (localoffer/sqlite.py),
# well inside this.
timeout = 30
graceful_timeout = 10
# Access log: method, path and status only. Query strings (searches can name a child's
# diagnosis) are never logged, and private links are masked (localoffer/access_log.py).
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(L)ss'
logger_class = "localoffer.access_log.PrivateAccessLogger"
