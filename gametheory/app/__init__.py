"""The application layer: the ``gametheory`` command, the headline report job and the
resolution of sources (model names and scenario files) into typed values.
"""
