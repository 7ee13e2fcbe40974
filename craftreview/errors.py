"""Domain exceptions raised by services and mapped to responses by the web layer."""
from __future__ import annotations


class DomainError(Exception):
    """Base class: `message` is safe to show to the user; `field` names a form field."""

    status = 400

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    status = 404


class Gone(NotFound):
    """What the request acts on (a maker, a review, the acting account itself) was deleted by another request after
    this one read it: there is no form to draw again, only the reason (views answer with an error page)."""


class PermissionDenied(DomainError):
    status = 403


class InvalidInput(DomainError):
    status = 400


class WrongPassword(InvalidInput):
    """A signed-in account's password re-check failed (changing the address or password, deleting the account)."""


class Conflict(DomainError):
    status = 409


class InvalidFields(InvalidInput):
    """Several independent problems with one submission, each on its own field: reported together, so that a
    form is put right in one round instead of one problem per submit."""

    def __init__(self, problems: list[DomainError]):
        super().__init__(" ".join(problem.message for problem in problems), problems[0].field)
        self.problems = problems


def problems_of(exc: DomainError) -> list[DomainError]:
    """The problems an error reports: several for InvalidFields, else the error itself."""
    return list(exc.problems) if isinstance(exc, InvalidFields) else [exc]


class Problems:
    """Runs independent checks and raises every InvalidInput they found at once, when the block ends. A Conflict with
    what is stored (an address another account has) is such a problem too: it is read before the write lock to be
    reported with the others, and the write checks it again under the lock.

        with Problems() as problems:
            name = problems.check(check_name, data.name)
            slug = problems.check(check_slug, data.slug)
    """

    def __init__(self):
        self.found: list[DomainError] = []

    def __enter__(self) -> Problems:
        return self

    def __exit__(self, kind, exc, traceback) -> bool:
        if kind is None and self.found:
            raise self.found[0] if len(self.found) == 1 else InvalidFields(self.found)
        return False

    def check(self, check, *args, **kwargs):
        """check(*args, **kwargs), or None when it raised InvalidInput or Conflict (noted, raised with the others at
        the end)."""
        try:
            return check(*args, **kwargs)
        except (InvalidInput, Conflict) as exc:
            self.found.extend(problems_of(exc))
            return None

    def add(self, message: str, field: str) -> None:
        """Note a problem found without a check function."""
        self.found.append(InvalidInput(message, field=field))

    def on(self, *fields: str) -> bool:
        """Whether any of these fields has a problem already (a rule comparing them would only repeat it)."""
        return any(problem.field in fields for problem in self.found)
