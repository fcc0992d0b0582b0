"""MkDocs hook file for every build (MkDocs loads hooks by path, see `read_config`): the
theme's templates compiled once per process, not once per MkDocs run. A city runs MkDocs
once per kelurahan in one process; compiling Material's templates again each time cost
about 0.4 s a kelurahan."""

from generator.output.preview import on_env

__all__ = ["on_env"]
