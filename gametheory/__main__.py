"""``python -m gametheory``: the same as the ``gametheory`` command (:mod:`gametheory.app.cli`)."""

from .app.cli import main

raise SystemExit(main())
