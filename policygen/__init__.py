"""policygen: GDPR privacy policies, consent forms and support routines in clear language."""

__version__ = "0.1.0"
