"""User-facing errors: the CLI prints str(error) as one line and exits non-zero."""


class PipelineError(Exception):
    """An error the user can fix: the message says what, where and how."""


class InputError(PipelineError):
    """The input file cannot be read as an OCR page."""


class AccountingError(PipelineError):
    """The reader lost or duplicated characters: a bug, reported loudly rather than hidden."""
