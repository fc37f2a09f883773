"""How mentoring's stored codes read on a page."""


def labels(codes, choices) -> list[str]:
    """The labels of `codes` (languages, interests, needs) in the active language; unknown codes as is."""
    names = dict(choices)
    return [str(names.get(code, code)) for code in codes or []]
