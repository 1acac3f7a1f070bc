"""User administration (admins only): invite people, change roles, disable accounts, end
sessions, reset two-factor sign-in. Every action is its own POST form and is audited. Admins
cannot disable, demote or reset themselves, so there is always at least one working admin."""
from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from ...auth import requires
from ...auth.roles import ROLE_LABELS
from ...data import audit
from ...data.accounts import (create_user, end_all_sessions, get_organisation, get_user, get_user_by_email,
                              issue_token, list_users, organisations, reset_two_factor)
from ...extensions import db
from ..auth.emails import send_invitation
from . import bp
from .forms import ROLE_HINTS, ChangeRoleForm, ConfirmForm, InviteForm

# Actions that need an "are you sure?" page first (URL word -> endpoint the page posts to).
CONFIRMATIONS = {
    "disable": "disable", "end-sessions": "end_sessions", "reset-two-factor": "reset_two_factor",
}
SELF_FORBIDDEN = ("disable", "reset-two-factor")


def _user_or_404(user_id: str):
    user = get_user(user_id)
    if user is None:
        abort(404)
    return user


def _to_user(user):
    return redirect(url_for(".user", user_id=user.id))


def _is_self(user) -> bool:
    return user.id == g.user.id


def _organisation_for(form):
    return get_organisation(form.organisation.data) if form.role.data == "provider" else None


@bp.route("/")
@requires("users.manage")
def index():
    return render_template("staff/users/index.html", users=list_users())


@bp.route("/invite", methods=["GET", "POST"])
@requires("users.manage")
def invite():
    form = InviteForm()
    form.set_organisations(organisations(), _("Choose an organisation"))
    if form.validate_on_submit():
        if get_user_by_email(form.email.data):
            form.email.errors = [_("There is already an account for this email address")]
        else:
            user = create_user(form.email.data, form.role.data, name=form.name.data,
                               organisation=_organisation_for(form))
            db.session.flush()
            token = issue_token(user, "invitation", timedelta(hours=current_app.config["INVITATION_HOURS"]))
            audit.record("user-invited", subject_type="user", subject_id=user.id, detail=f"role {user.role}")
            db.session.commit()
            send_invitation(user, token)
            flash(_("Invitation sent to %(email)s", email=user.email), "success")
            return _to_user(user)
    return render_template("staff/users/invite.html", form=form, role_hints=ROLE_HINTS,
                           error_title_prefix=bool(form.errors))


@bp.route("/<user_id>")
@requires("users.manage")
def user(user_id: str):
    user = _user_or_404(user_id)
    return render_template("staff/users/user.html", user=user, is_self=_is_self(user), form=ConfirmForm())


@bp.route("/<user_id>/role", methods=["GET", "POST"])
@requires("users.manage")
def change_role(user_id: str):
    user = _user_or_404(user_id)
    if _is_self(user):
        flash(_("You cannot change your own role. Ask another administrator."), "error")
        return _to_user(user)
    form = ChangeRoleForm(data={"role": user.role, "organisation": str(user.organisation_id or "")})
    form.set_organisations(organisations(), _("Choose an organisation"))
    if form.validate_on_submit():
        old = user.role
        user.role = form.role.data
        user.organisation = _organisation_for(form)
        audit.record("role-changed", subject_type="user", subject_id=user.id,
                     detail=f"{old} to {user.role}" + (f" ({user.organisation.name})" if user.organisation else ""))
        db.session.commit()
        flash(_("%(name)s is now: %(role)s", name=user.display_name, role=ROLE_LABELS[user.role]), "success")
        return _to_user(user)
    return render_template("staff/users/role.html", form=form, user=user, role_hints=ROLE_HINTS,
                           error_title_prefix=bool(form.errors))


@bp.route("/<user_id>/confirm/<action>")
@requires("users.manage")
def confirm(user_id: str, action: str):
    user = _user_or_404(user_id)
    if action not in CONFIRMATIONS:
        abort(404)
    return render_template("staff/users/confirm.html", user=user, action=action,
                           endpoint=".{}".format(CONFIRMATIONS[action]), form=ConfirmForm())


def _action(user_id: str, action: str):
    """Load the user for a POST action, or say why not (self-protection, bad CSRF token)."""
    user = _user_or_404(user_id)
    if not ConfirmForm().validate_on_submit():
        flash(_("Something went wrong. Try again."), "error")
        return user, _to_user(user)
    if action in SELF_FORBIDDEN and _is_self(user):
        flash(_("You cannot do this to your own account. Ask another administrator."), "error")
        return user, _to_user(user)
    return user, None


@bp.route("/<user_id>/disable", methods=["POST"])
@requires("users.manage")
def disable(user_id: str):
    user, refused = _action(user_id, "disable")
    if refused:
        return refused
    user.is_active = False
    ended = end_all_sessions(user)
    audit.record("user-disabled", subject_type="user", subject_id=user.id, detail=f"{ended} sessions ended")
    db.session.commit()
    flash(_("%(name)s's account is disabled and they have been signed out", name=user.display_name), "success")
    return _to_user(user)


@bp.route("/<user_id>/enable", methods=["POST"])
@requires("users.manage")
def enable(user_id: str):
    user, refused = _action(user_id, "enable")
    if refused:
        return refused
    user.is_active = True
    audit.record("user-enabled", subject_type="user", subject_id=user.id)
    db.session.commit()
    flash(_("%(name)s's account is enabled", name=user.display_name), "success")
    return _to_user(user)


@bp.route("/<user_id>/end-sessions", methods=["POST"])
@requires("users.manage")
def end_sessions(user_id: str):
    user, refused = _action(user_id, "end-sessions")
    if refused:
        return refused
    # Your own current session stays: sign out for that (the account page ends the others).
    ended = end_all_sessions(user, except_id=g.staff_session.id if _is_self(user) else None)
    audit.record("sessions-ended", subject_type="user", subject_id=user.id, detail=f"{ended} sessions ended")
    db.session.commit()
    flash(_("%(name)s has been signed out everywhere", name=user.display_name), "success")
    return _to_user(user)


@bp.route("/<user_id>/reset-two-factor", methods=["POST"], endpoint="reset_two_factor")
@requires("users.manage")
def reset_second_factor(user_id: str):
    user, refused = _action(user_id, "reset-two-factor")
    if refused:
        return refused
    reset_two_factor(user)
    # Whoever has the old device should not stay signed in either.
    end_all_sessions(user)
    audit.record("two-factor-reset", subject_type="user", subject_id=user.id)
    db.session.commit()
    flash(_("Two-factor sign-in is reset for %(name)s. They will set it up again after signing in with their "
            "password.", name=user.display_name), "success")
    return _to_user(user)


@bp.route("/<user_id>/resend-invitation", methods=["POST"])
@requires("users.manage")
def resend_invitation(user_id: str):
    user, refused = _action(user_id, "resend-invitation")
    if refused:
        return refused
    if user.password_hash or not user.is_active:
        flash(_("%(name)s has already accepted their invitation or is disabled", name=user.display_name), "error")
        return _to_user(user)
    # Issuing a new link makes the old one stop working.
    token = issue_token(user, "invitation", timedelta(hours=current_app.config["INVITATION_HOURS"]))
    audit.record("user-invited", subject_type="user", subject_id=user.id, detail="invitation sent again")
    db.session.commit()
    send_invitation(user, token)
    flash(_("A new invitation has been sent to %(email)s. The old link no longer works.", email=user.email),
          "success")
    return _to_user(user)
