"""The GDPR rules, one module per group. Importing this package registers every rule."""

from policygen.validate.rules import (  # noqa: F401
    consent,
    consent_channels,
    consent_form,
    legal_basis,
    minimisation,
    notice,
    retention,
    sources,
    special,
    transfers,
)
