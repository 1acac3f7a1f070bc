"""The audit log: admins read and export it; nobody can change it; exports are audited too."""
from __future__ import annotations

import csv
import io

from localoffer.data import audit
from localoffer.extensions import db
from localoffer.models import AuditEvent

from .accounts import make_user, sign_in


def test_signing_in_is_in_the_audit_log_with_who_and_when(app, client, admin):
    sign_in(client, admin)
    page = client.get("/staff/audit/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "sign-in" in html and admin.email in html


def test_the_log_can_be_filtered_by_action(app, client, admin):
    audit.record("role-changed", subject_type="user", subject_id="abc", actor="command line")
    db.session.commit()
    sign_in(client, admin)
    html = client.get("/staff/audit/?action=role-changed").get_data(as_text=True)
    assert "role-changed" in html and "1 entry" in html
    # An unknown action is ignored rather than an error.
    assert client.get("/staff/audit/?action=<script>").status_code == 200


def test_pages_beyond_the_end_are_not_found_and_bad_page_numbers_are_ignored(app, client, admin):
    sign_in(client, admin)
    assert client.get("/staff/audit/?page=99").status_code == 404
    assert client.get("/staff/audit/?page=abc").status_code == 200


def test_the_export_is_a_csv_of_every_entry_and_records_itself(app, client, admin):
    audit.record("user-created", subject_type="user", subject_id="u1", actor="command line", detail="role admin")
    db.session.commit()
    sign_in(client, admin)
    response = client.get("/staff/audit/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["when (UTC)", "who", "action", "subject type", "subject id", "detail"]
    actions = [row[2] for row in rows[1:]]
    assert actions[0] == "export" and "user-created" in actions and "sign-in" in actions


def test_a_spreadsheet_formula_in_the_log_is_made_harmless_in_the_export(app, client, admin):
    audit.record("import", actor="=HYPERLINK(\"http://evil\")", detail="=1+1")
    db.session.commit()
    sign_in(client, admin)
    rows = list(csv.reader(io.StringIO(client.get("/staff/audit/export.csv").get_data(as_text=True))))
    imported = next(row for row in rows if row[2] == "import")
    assert imported[1].startswith("'=") and imported[5] == "'=1+1"


def test_user_text_in_the_log_is_escaped_on_the_page(app, client, admin):
    audit.record("import", actor="command line", detail="<script>alert(1)</script>")
    db.session.commit()
    sign_in(client, admin)
    html = client.get("/staff/audit/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_moderators_cannot_read_the_log(app, client, moderator):
    sign_in(client, moderator)
    assert client.get("/staff/audit/").status_code == 403
    assert client.get("/staff/audit/export.csv").status_code == 403


def test_the_data_layer_offers_no_way_to_change_or_delete_entries():
    names = [name for name in dir(audit) if not name.startswith("_")]
    assert not [n for n in names if any(word in n for word in ("delete", "update", "edit", "remove", "purge"))]


def test_entries_keep_who_acted_after_the_account_is_deleted(app):
    user = make_user("admin")
    email = user.email
    audit.record("sign-in", user=user)
    db.session.commit()
    db.session.delete(user)
    db.session.commit()
    event = db.session.scalars(db.select(AuditEvent)).one()
    assert event.user_id is None and event.actor == email
