"""Photos: judged from their headers (cheap, for `check`), published as small web
versions, shown as `<picture>` HTML."""
