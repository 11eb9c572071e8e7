"""The id of the request (or task) being handled, for the audit trail."""

import uuid
from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("hdv_request_id", default="")


def huidig_request_id() -> str:
    return _request_id.get()


def nieuw_request_id(voorgesteld: str | None = None) -> str:
    """Use the proxy's X-Request-ID when it is sane, otherwise make one."""
    if voorgesteld and len(voorgesteld) <= 64 and voorgesteld.replace("-", "").isalnum():
        return voorgesteld
    return uuid.uuid4().hex


def zet_request_id(waarde: str) -> object:
    return _request_id.set(waarde)


def herstel_request_id(token: object) -> None:
    _request_id.reset(token)  # type: ignore[arg-type]
