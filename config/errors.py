class DomainError(Exception):
    """A domain rule said no. `.code` is stable; `.message` is translated lazily for the visitor; `.field`
    names the form field the message belongs next to, when there is one. Each app subclasses it with its own
    `messages`; views catch DomainError and turn it into a form error or a message, never a 500."""

    messages: dict = {}

    def __init__(self, code: str, field: str | None = None, **params):
        self.code = code
        self.field = field
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        text = self.messages[self.code]
        return text % self.params if self.params else text
