"""The public wall: published comments, sending one, "me too", flags and the moderation policy.
The private follow pages are in follow.py."""
from __future__ import annotations

import hashlib
import secrets
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import format_decimal, gettext as _

from .. import ratelimit
from ..data import wall as data
from ..extensions import db
from ..filters import month_year
from ..paging import page_number
from ..models.wall import TEXT_MAX_CHARS
from ..vocab import QUADRANTS
from ..voice_vocab import FLAG_REASONS, REFUSAL_REASONS, THEMES
from . import bp
from ..honeypot import caught
from .forms import FlagForm, NewPostForm

PER_PAGE = 30
VOICE_COOKIE = "lo_voice"
VOICE_COOKIE_DAYS = 365
# The raw follow token between sending a comment and the page that shows its link once.
SENT_TOKEN_KEY = "wall_follow_token"


@bp.app_template_filter("wall_month")
def wall_month(value) -> str:
    return month_year(value)


@bp.app_template_filter("wall_decimal")
def wall_decimal(value) -> str:
    """4.0 as "4", 3.5 as "3.5" (in the visitor's language)."""
    return format_decimal(value, format="#,##0.#")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _browser() -> tuple[str, str | None]:
    """This browser's reaction key (a hash of a random cookie value, not an identity) and the
    new cookie value to set, if it had none."""
    value = request.cookies.get(VOICE_COOKIE, "")
    if 20 <= len(value) <= 100:
        return _sha256(value), None
    value = secrets.token_urlsafe(24)
    return _sha256(value), value


def _with_voice_cookie(response, new_value: str | None):
    if new_value:
        response.set_cookie(VOICE_COOKIE, new_value, max_age=VOICE_COOKIE_DAYS * 86400, httponly=True,
                            samesite="Lax", secure=request.is_secure, path="/wall")
    return response


@bp.route("")
def index():
    quadrant = request.args.get("quadrant") if request.args.get("quadrant") in QUADRANTS else None
    theme = request.args.get("theme") if request.args.get("theme") in THEMES else None
    page = page_number()
    posts, total = data.published_posts(quadrant=quadrant, theme=theme, page=page, per_page=PER_PAGE)
    pages = max(1, -(-total // PER_PAGE))
    if page > pages:
        posts, page = data.published_posts(quadrant=quadrant, theme=theme, page=pages, per_page=PER_PAGE)[0], pages
    return render_template("wall/index.html", posts=posts, total=total, page=page, pages=pages,
                           quadrant=quadrant, theme=theme, prompts=data.active_prompts(),
                           quadrants=QUADRANTS, themes=THEMES)


@bp.route("/<int:post_id>")
def post(post_id: int):
    found = data.get_published_post(post_id)
    if found is None:
        abort(404)
    return render_template("wall/post.html", post=found, quadrants=QUADRANTS, themes=THEMES)


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = NewPostForm()
    prompt = data.get_active_prompt(request.args.get("prompt") if request.method == "GET" else form.prompt.data)
    form.prompt.data = str(prompt.id) if prompt else ""
    if form.validate_on_submit():
        if not ratelimit.allow("wall-post"):
            # Kind, and keeps what they typed so nothing is lost while they wait.
            return render_template("wall/new.html", form=form, prompt=prompt, text_max=TEXT_MAX_CHARS), 429
        if caught(form):  # look successful, save nothing
            session.pop(SENT_TOKEN_KEY, None)
            return redirect(url_for(".sent"))
        post, token = data.submit_post(
            form.text.data, quadrant=form.quadrant.data or None, theme=form.theme.data or None,
            reg56_category=form.reg56_category.data or None, prompt_id=prompt.id if prompt else None,
            consent=True, channel="online", email=form.email.data or None)
        db.session.commit()
        session[SENT_TOKEN_KEY] = token
        return redirect(url_for(".sent"))
    return render_template("wall/new.html", form=form, prompt=prompt,
                           error_title_prefix=bool(form.errors), text_max=TEXT_MAX_CHARS)


@bp.route("/new/sent")
def sent():
    """Shows the private follow link once; it is not stored anywhere we could show it again."""
    token = session.pop(SENT_TOKEN_KEY, None)
    follow_url = None
    if token:
        base = (current_app.config.get("PUBLIC_BASE_URL") or "").rstrip("/")
        path = url_for("wall.follow", token=token)
        follow_url = base + path if base else url_for("wall.follow", token=token, _external=True)
    response = current_app.make_response(render_template("wall/sent.html", follow_url=follow_url))
    response.headers["Cache-Control"] = "no-store"
    return response


def _back_to(post_id: int) -> str:
    """Back to the wall page the visitor was on (its page and filters), at the post. Only a
    path on the wall itself is accepted, never another site."""
    back = request.form.get("back", "")
    parts = urlsplit(back)
    if (parts.scheme or parts.netloc or not parts.path.startswith("/wall") or "\\" in back
            or back.startswith("//") or len(back) > 300):
        back = url_for(".index")
    return back.split("#")[0].rstrip("?") + f"#post-{post_id}"


@bp.post("/<int:post_id>/me-too")
@ratelimit.limited("wall-reaction")
def me_too(post_id: int):
    found = data.get_published_post(post_id)
    if found is None:
        abort(404)
    browser, new_cookie = _browser()
    if data.add_me_too(found, browser):
        db.session.commit()
        flash(_("Thank you. We have added your ‘me too’ to this comment."), "success")
    else:
        flash(_("You have already said ‘me too’ to this comment. Each person can say it once."), "info")
    return _with_voice_cookie(redirect(_back_to(post_id)), new_cookie)


@bp.route("/<int:post_id>/flag", methods=["GET", "POST"])
def flag(post_id: int):
    found = data.get_published_post(post_id)
    if found is None:
        abort(404)
    form = FlagForm()
    if form.validate_on_submit():
        if not ratelimit.allow("wall-reaction"):
            return render_template("wall/flag.html", post=found, form=form, quadrants=QUADRANTS, themes=THEMES), 429
        browser, new_cookie = _browser()
        threshold = current_app.config.get("WALL_FLAG_THRESHOLD", 3)
        outcome = data.flag_post(found, browser, form.reason.data, threshold)
        db.session.commit()
        if outcome == "already":
            flash(_("You have already reported this comment. Thank you: the moderators will look at it."), "info")
        else:
            flash(_("Thank you for telling us. The moderators will check this comment."), "success")
        return _with_voice_cookie(redirect(url_for(".index")), new_cookie)
    return render_template("wall/flag.html", post=found, form=form, error_title_prefix=bool(form.errors),
                           quadrants=QUADRANTS, themes=THEMES)


@bp.route("/moderation")
def moderation():
    return render_template("wall/moderation.html", stats=data.monthly_statistics(),
                           reasons=REFUSAL_REASONS, flag_reasons=FLAG_REASONS,
                           flag_threshold=current_app.config.get("WALL_FLAG_THRESHOLD", 3),
                           target_days=current_app.config.get("WALL_TARGET_WORKING_DAYS", 5))

