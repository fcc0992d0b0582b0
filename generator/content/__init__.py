"""Content: read the YAML files, validate them, check references across files, index them."""
