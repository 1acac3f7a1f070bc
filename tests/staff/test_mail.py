"""Email leaves through one small interface; headers can never be split by user text."""
from __future__ import annotations

from email import message_from_bytes, policy

import pytest

from localoffer.mail import outbox, send_mail


def test_the_folder_backend_writes_one_eml_file_per_message(app, tmp_path, caplog):
    app.config.update(MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path / "mail"))
    send_mail("jo@example.org", "Your link", "Open this link: https://example.org/secret-token\n")
    files = list((tmp_path / "mail").glob("*.eml"))
    assert len(files) == 1
    message = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert message["To"] == "jo@example.org"
    assert message["Subject"] == "Your link"
    assert message["From"] == app.config["MAIL_FROM"]
    assert "secret-token" in message.get_content()
    # The log says where the message went, never what it says.
    assert "secret-token" not in caplog.text


def test_line_breaks_in_a_subject_or_address_cannot_add_headers(app, tmp_path):
    app.config.update(MAIL_BACKEND="folder", MAIL_FOLDER=str(tmp_path))
    send_mail("jo@example.org\r\nBcc: everyone@example.org", "Hello\r\nBcc: evil@example.org\nX-Evil: 1", "Body")
    message = message_from_bytes(next(tmp_path.glob("*.eml")).read_bytes(), policy=policy.default)
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert message["Subject"] == "Hello Bcc: evil@example.org X-Evil: 1"
    assert "\n" not in message["To"]


def test_the_memory_backend_keeps_messages_for_tests(app, outbox):
    send_mail("a@example.org", "Sub\nject", "Body")
    assert len(outbox) == 1
    assert outbox[0].subject == "Sub ject"
    assert outbox[0].body == "Body"


def test_an_unknown_backend_is_a_clear_error(app):
    app.config["MAIL_BACKEND"] = "pigeon"
    with pytest.raises(RuntimeError, match="Unknown MAIL_BACKEND"):
        send_mail("a@example.org", "Subject", "Body")
    assert outbox() == []


def test_a_mail_server_failure_is_logged_without_the_message_and_reported(app, monkeypatch, caplog):
    import smtplib

    from localoffer import mail

    def broken(*_args, **_kwargs):
        raise smtplib.SMTPServerDisconnected("connection lost")

    monkeypatch.setattr(mail, "send_mail", broken)
    with caplog.at_level("ERROR"):
        assert mail.send_mail_safely("someone@example.org", "Subject", "secret link body") is False
    assert "SMTPServerDisconnected" in caplog.text and "secret link body" not in caplog.text
