"""What an uploaded file may be: its kind is judged by its first bytes, not by its name alone."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


KINDS = {
    "pdf": Kind("pdf", "application/pdf"),
    "txt": Kind("txt", "text/plain"),
    "docx": Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "odt": Kind("odt", "application/vnd.oasis.opendocument.text"),
}


@dataclass(frozen=True)
class CheckedUpload:
    kind: Kind
    name: str
    size: int
    text: str  # extracted for search; empty where the kind carries none we can read


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Refuse, with a message, a file that is too large or not one of the accepted kinds."""
    limit = settings.UPLOAD_MAX_BYTES
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(size / 1048576, 1), "limit": limit // 1048576}
        )
    if size == 0:
        raise ValidationError(_("The file is empty."))
    name = (upload.name or "").rsplit("/", 1)[-1]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = KINDS.get(extension)
    if kind is None:
        raise ValidationError(
            _(
                "Files of this kind are not accepted. Upload a PDF, a Word (.docx), an OpenDocument (.odt) or a plain-text (.txt) file."
            )
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    text = _read(kind, content)
    return CheckedUpload(kind=kind, name=name[:200], size=size, text=text)


def _read(kind: Kind, content: bytes) -> str:
    if kind.extension == "pdf":
        if not content.startswith(b"%PDF-"):
            raise ValidationError(_("This file is not a PDF, whatever its name says."))
        return _pdf_text(content)
    if kind.extension == "txt":
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(_("A text file must be encoded in UTF-8.")) from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise ValidationError(
            _("This file is not a %(kind)s document.") % {"kind": kind.extension}
        ) from None
    expected = "word/document.xml" if kind.extension == "docx" else "content.xml"
    if expected not in names:
        raise ValidationError(_("This file is not a %(kind)s document.") % {"kind": kind.extension})
    return ""


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
    except (PdfReadError, ValueError, KeyError):
        raise ValidationError(_("This PDF cannot be read; it may be damaged.")) from None
