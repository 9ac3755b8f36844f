"""What an uploaded file may be: its kind is judged by its first bytes, not by its name alone."""

from __future__ import annotations

import html
import io
import re
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
    name = file_name_within((upload.name or "").replace("\\", "/").rsplit("/", 1)[-1])
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
    return CheckedUpload(kind=kind, name=name, size=size, text=text)


# A file system allows 255 bytes per name; the storage may add "_abc1234" to make it unique.
NAME_MAX_BYTES = 150


def file_name_within(name: str, limit: int = NAME_MAX_BYTES) -> str:
    """``name`` cut to at most ``limit`` bytes of UTF-8, keeping its extension and whole
    characters: "éééé….docx" stays a .docx."""
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension.encode()) > 16:
        stem, dot, extension = name, "", ""
    budget = limit - len(f"{dot}{extension}".encode())
    stem = stem.encode()[:budget].decode("utf-8", errors="ignore").strip() or "file"
    return f"{stem}{dot}{extension}"


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
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ValidationError(
            _("This file is not a %(kind)s document.") % {"kind": kind.extension}
        ) from None
    expected = "word/document.xml" if kind.extension == "docx" else "content.xml"
    if expected not in names:
        raise ValidationError(_("This file is not a %(kind)s document.") % {"kind": kind.extension})
    check_archive(archive, size=len(content))
    return archive_text(archive, expected)


# Bounds on a DOCX or ODT (zip) archive, checked on what it declares before accepting it, and
# again on what it actually inflates while text is extracted (a header may lie).
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_INFLATED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100


def check_archive(archive: zipfile.ZipFile, *, size: int) -> None:
    """Refuse an archive with too many entries, too much inflated content, or an entry (or the
    whole) compressed beyond a ratio no office document reaches (a "zip bomb")."""
    entries = archive.infolist()
    if len(entries) > ZIP_MAX_ENTRIES:
        raise ValidationError(
            _("The document holds %(count)s files; at most %(limit)s are accepted.")
            % {"count": len(entries), "limit": ZIP_MAX_ENTRIES}
        )
    inflated = sum(entry.file_size for entry in entries)
    worst = max((entry.file_size / max(entry.compress_size, 1) for entry in entries), default=0.0)
    if inflated > ZIP_MAX_INFLATED or worst > ZIP_MAX_RATIO or inflated > size * ZIP_MAX_RATIO:
        raise ValidationError(
            _("The document inflates to more than its content can hold; it is refused.")
        )


def archive_text(archive: zipfile.ZipFile, member: str) -> str:
    """The words of one XML member (tags dropped, no XML parser: nothing expands), reading no
    more than the bounds allow whatever the member's header claims."""
    check_archive(archive, size=sum(e.compress_size for e in archive.infolist()) or 1)
    info = archive.getinfo(member)
    limit = min(ZIP_MAX_INFLATED, max(info.compress_size, 1) * ZIP_MAX_RATIO)
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("The document inflates to more than its content can hold; it is refused.")
        )
    xml = data.decode("utf-8", errors="replace")
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", xml)).split())


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        return "\n".join((page.extract_text() or "") for page in reader.pages[:200])
    except (PdfReadError, ValueError, KeyError):
        raise ValidationError(_("This PDF cannot be read; it may be damaged.")) from None
