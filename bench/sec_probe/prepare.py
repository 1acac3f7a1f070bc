"""Fill in bench/sec_probe/config.template.json from the probe's own instance (run by run.sh
with the instance's environment): a private follow link, a published wall post, an open survey's
free-text question, a listing and its review link, the demo staff password. Writes the configs
to the paths given: the full one, one per JSON search, and the rate-limit one."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from sqlalchemy import select

from localoffer import create_app
from localoffer.data import wall as wall_data
from localoffer.data.survey import open_survey
from localoffer.demo.staff import demo_password
from localoffer.extensions import db
from localoffer.models import Service, WallPost
from localoffer.staff.reviews.links import make_token

HERE = Path(__file__).resolve().parent


def values() -> dict[str, str]:
    from datetime import date

    from flask import current_app

    service = db.session.scalar(select(Service).where(Service.is_published.is_(True), Service.status == "active",
                                                      Service.review_due.is_not(None)).order_by(Service.name))
    published = db.session.scalar(select(WallPost).where(WallPost.status == "published").order_by(WallPost.id))
    post, token = wall_data.submit_post("A comment for the security probe to follow", email="probe@example.org")
    db.session.commit()
    survey = open_survey(date.today())
    text_question = next(q for q in survey.questions if q.kind == "text")
    return {
        "SERVICE_ID": str(service.id), "LISTING_TOKEN": make_token(service.id, service.review_due),
        "PUBLISHED_POST_ID": str(published.id), "FOLLOW_TOKEN": token, "FOLLOW_POST_ID": str(post.id),
        "SURVEY_ID": str(survey.id), "SURVEY_TEXT_CODE": text_question.code,
        "DEMO_PASSWORD": demo_password(Path(current_app.config["INSTANCE_FOLDER"])),
    }


def fill(template: str, filled: dict[str, str]) -> dict:
    for key, value in filled.items():
        template = template.replace("{" + key + "}", value)
    return json.loads(template)


def main(out_dir: str) -> None:
    app = create_app()
    with app.app_context():
        filled = values()
    config = fill((HERE / "config.template.json").read_text(), filled)
    out = Path(out_dir)
    (out / "sec_probe.json").write_text(json.dumps(config, indent=2))
    for name, url, param in (("json", "/services.json", "q"), ("api", "/api/oruk/services", "search")):
        (out / f"sec_probe-{name}.json").write_text(json.dumps(
            {"sessions": config["sessions"], "search": {"url": url, "param": param}}, indent=2))
    # The limiter on its own, at its real limits: the wall form without payloads, sent 30 times.
    wall = {**next(f for f in config["forms"] if f["name"] == "wall-new"), "inject": [], "view_urls": []}
    (out / "sec_probe-rate-limit.json").write_text(json.dumps(
        {"forms": [wall], "rate_limit_probe": {"form": "wall-new", "attempts": 30}}, indent=2))
    print(f"probe configs written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
