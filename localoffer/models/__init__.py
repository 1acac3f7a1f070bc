"""All models, imported here so Alembic and the app see one metadata."""
from .directory import (Contact, CostOption, IndexOutbox, Language, LocalOfferAnswer, Location,  # noqa: F401
                        Organisation, Schedule, SearchLog, Service, ServiceArea, ServiceAtLocation,
                        TaxonomyTerm, service_taxonomy_term)
from .reports import ProblemReport  # noqa: F401,E402
from .accounts import RateLimit, StaffSession, User, UserToken  # noqa: F401,E402
from .governance import AuditEvent, ImportRun, ServiceRevision, ServiceVersion  # noqa: F401,E402
from .wall import WallContact, WallDecision, WallPost, WallPrompt, WallReaction  # noqa: F401,E402
from .survey import (Survey, SurveyAnswer, SurveyAnswerTally, SurveyDraft, SurveyQuestion,  # noqa: F401,E402
                     SurveyResponse, SurveyResponseTally)
from .yswd import AnnualReport, YouSaidWeDid, YouSaidWeDidVersion, yswd_wall_post  # noqa: F401,E402
