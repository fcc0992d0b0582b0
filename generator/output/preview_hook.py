"""MkDocs hook file for `python -m generator serve` (MkDocs loads hooks by path)."""

from generator.output.preview import (
    on_config,
    on_env,
    on_files,
    on_post_build,
    on_pre_build,
    on_serve,
)

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_post_build",
    "on_pre_build",
    "on_serve",
]
