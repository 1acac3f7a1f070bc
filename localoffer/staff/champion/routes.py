"""Family champions enter wall comments for families who are not online. A champion sees only
their own entries; the comments go into the same moderation queue as everyone else's."""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...data import audit
from ...data import wall as wall_data
from ...extensions import db
from ...models.wall import TEXT_MAX_CHARS
from ...vocab import QUADRANTS
from ...voice_vocab import CHANNELS, WALL_STATUSES
from . import bp
from .forms import GROUP_MAX_CHARS, ChampionPostForm

RECENT_ON_HOME = 10


def _labels() -> dict:
    return {"statuses": WALL_STATUSES, "channels": CHANNELS, "quadrants": QUADRANTS}


@bp.route("/")
@requires("feedback.enter")
def home():
    return render_template("staff/champion/home.html", posts=wall_data.champion_posts(g.user, limit=RECENT_ON_HOME),
                           **_labels())


@bp.route("/wall/")
@requires("feedback.enter")
def entries():
    return render_template("staff/champion/entries.html", posts=wall_data.champion_posts(g.user), **_labels())


@bp.route("/wall/new", methods=["GET", "POST"])
@requires("feedback.enter")
def new_post():
    form = ChampionPostForm()
    if form.validate_on_submit():
        post, _token = wall_data.submit_post(
            form.text.data, quadrant=form.quadrant.data or None, theme=form.theme.data or None,
            reg56_category=form.reg56_category.data or None, consent=True, channel=form.channel.data,
            entered_by=g.user, group_name=form.group_name.data)
        # The channel only: never the family's words or the group's name.
        audit.record("wall-post-entered", subject_type="wall_post", subject_id=post.id,
                     detail=f"channel {post.channel}", user=g.user)
        db.session.commit()
        flash(_("Comment sent for moderation. It will appear on the wall once it has been checked."), "success")
        return redirect(url_for(".entry", post_id=post.id))
    return render_template("staff/champion/new.html", form=form, text_max=TEXT_MAX_CHARS,
                           group_max=GROUP_MAX_CHARS, error_title_prefix=bool(form.errors))


@bp.route("/wall/<int:post_id>")
@requires("feedback.enter")
def entry(post_id: int):
    post = wall_data.champion_post(g.user, post_id)
    if post is None:
        abort(404)
    return render_template("staff/champion/entry.html", post=post, **_labels())
