"""The one error every format reader raises for a file that is not what it claims to be."""


class FormatError(ValueError):
    """A clear, user-facing reason why a file was rejected or could not be processed."""
