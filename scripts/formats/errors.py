"""The one error the formats raise: the hooks and the command turn it into a message."""


class FormatError(Exception):
    pass
