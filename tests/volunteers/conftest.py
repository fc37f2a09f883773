from tests.events.conftest import (  # noqa: F401  (people and organisations, as the events tests make them)
    almaty,
    coordinator,
    coordinator_factory,
    organisation,
    other_organisation,
    volunteer,
    volunteer_factory,
)
