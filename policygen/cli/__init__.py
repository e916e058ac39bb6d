"""Command line: user intent → library calls → exit code. Nothing else imports this package."""
