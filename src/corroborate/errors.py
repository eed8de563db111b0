"""The small error tree: every message says what went wrong and what to do next."""


class CorroborateError(Exception):
    """A mistake the user can fix; the CLI prints it as one line."""


class SettingsError(CorroborateError):
    """A settings file or --set value is wrong."""


class StoreError(CorroborateError):
    """The store cannot be opened or does not hold what was asked for."""


class UnreadableInput(Exception):
    """One input (file, line, record) cannot be read; the run reports it and goes on.

    `reason` is a short phrase ("binary file", "empty file") used to group skips in the summary;
    `detail` adds specifics for the one-line message.
    """

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class StageContractError(Exception):
    """A stage returned rows its table does not declare (a program error, not the user's): the
    message names the stage, the table and the column."""
