"""``python -m gametheory``: the same as the ``gametheory`` command (:mod:`gametheory.cli`)."""

from .cli import main

raise SystemExit(main())
