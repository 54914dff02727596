"""POST /api/ingest: store a document (file upload or JSON text) and extract its events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from axiswatch.api.auth import require_token
from axiswatch.api.errors import ApiError
from axiswatch.api.evidence import parse_date
from axiswatch.api.ingest import ingest_bytes
from axiswatch.api.schemas import ErrorResponse, IngestResult, IngestText
from axiswatch.api.state import app_state

router = APIRouter(prefix="/api", tags=["write"])

_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": IngestText.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "title": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                    },
                }
            },
        },
    }
}


@router.post(
    "/ingest",
    status_code=201,
    response_model=IngestResult,
    dependencies=[Depends(require_token)],
    openapi_extra=_BODY,
    responses={
        200: {"model": IngestResult, "description": "The text was stored already."},
        **{s: {"model": ErrorResponse} for s in (400, 401, 403, 413, 415)},
    },
)
async def ingest(request: Request, response: Response) -> dict[str, Any]:
    """Store a document and extract its events: a multipart ``file`` or JSON ``text``."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        async with request.form() as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiError(400, "multipart body without a 'file' part: send the document")
            data, name = await upload.read(), upload.filename
            title = str(form.get("title") or "") or None
            published = parse_date(str(form.get("published") or ""), name="published")
    elif kind == "application/json":
        try:
            posted = IngestText.model_validate_json(await request.body())
        except ValidationError as e:
            problems = "; ".join(
                f"{'.'.join(str(x) for x in err['loc']) or 'body'}: {err['msg']}"
                for err in e.errors()
            )
            raise ApiError(400, problems) from e
        data, name = posted.text.encode("utf-8"), None
        title, published = posted.title, posted.published
    else:
        raise ApiError(415, "send multipart/form-data with a 'file' part, or application/json")
    state = app_state(request)

    def store() -> dict[str, Any]:
        with state.writer() as ws:
            return ingest_bytes(ws, data, filename=name, title=title, published=published)

    result = await run_in_threadpool(store)
    if result["documents"][0]["status"] != "added":
        response.status_code = 200
    return result
