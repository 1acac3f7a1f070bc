"""Downloads of the whole published directory, the same files `flask oruk export` writes: a CSV
spreadsheet and the ORUK JSON data package. Each download streams and is audited."""
from __future__ import annotations

from flask import render_template

from ...auth import requires
from ...data import audit
from ...data.oruk import findable_service_count
from ...extensions import db
from ...openreferral.exporter import DirectoryExport
from ...spreadsheet import download
from . import bp

@bp.route("/")
@requires("data.export")
def index():
    return render_template("staff/opendata/index.html", count=findable_service_count(),
                           csv_name=DirectoryExport("csv").filename(), json_name=DirectoryExport("json").filename())


def _download(kind: str):
    export = DirectoryExport(kind)
    # Recorded before the file is sent: a download that is cut short was still started.
    audit.record("export", subject_type="directory",
                 detail=f"directory {export.label} ({findable_service_count()} services) downloaded")
    db.session.commit()
    return download(export.chunks(), export.filename(), export.mimetype)


@bp.route("/directory.csv")
@requires("data.export")
def directory_csv():
    return _download("csv")


@bp.route("/directory.datapackage.json")
@requires("data.export")
def directory_package():
    return _download("json")
