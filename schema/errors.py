"""The one error type for bad input, shared by every layer.

Any layer may raise it; the CLI turns it into one line on stderr and exit status 1.
It lives beside the model because every layer already depends on the model and no other.
"""


class UserError(Exception):
    """Bad input from the user (a path, a file, a parameter): say what and where."""
