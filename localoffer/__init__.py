"""The Essex SEND Local Offer: application factory."""
from __future__ import annotations

from flask import Flask
from jinja2 import ChainableUndefined, ChoiceLoader, PackageLoader, PrefixLoader

from config import Config, config_for_environment


def create_app(config_class: type[Config] | None = None, **overrides) -> Flask:
    app = Flask(__name__, instance_relative_config=False)
    app.config.from_object(config_class or config_for_environment())
    app.config.update(overrides)

    _register_templates(app)
    _register_extensions(app)
    _register_blueprints(app)

    from . import applog, auth, cli, errors, filters, i18n, pagecache, refusals, security, sqlite

    applog.init_app(app)
    auth.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    pagecache.init_app(app)  # after csrf and security: it wraps their template globals
    errors.init_app(app)
    refusals.init_app(app)
    filters.init_app(app)
    cli.init_app(app)
    sqlite.init_app(app)
    return app


def _register_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader([
        app.jinja_loader,
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    # The GOV.UK macros test optional params with `if params.x`; ChainableUndefined lets them.
    app.jinja_env.undefined = ChainableUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension("jinja2.ext.do")


def _register_extensions(app: Flask) -> None:
    from .extensions import babel, csrf, db, migrate
    from .search import init_app as init_search

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    csrf.init_app(app)
    from .i18n import select_locale

    babel.init_app(app, locale_selector=select_locale)
    init_search(app)


def _register_blueprints(app: Flask) -> None:
    from .api import bp as api_bp
    from .directory import bp as directory_bp
    from .pages import bp as pages_bp
    from .shortlist import bp as shortlist_bp
    from .survey import bp as survey_bp
    from .wall import bp as wall_bp
    from .yswd import bp as yswd_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(directory_bp)
    app.register_blueprint(shortlist_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(wall_bp)
    app.register_blueprint(survey_bp)
    app.register_blueprint(yswd_bp)

    from .staff import register as register_staff

    register_staff(app)
