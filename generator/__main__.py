import sys

# Checked before anything else is imported: older Pythons can't even parse the rest.
if sys.version_info < (3, 11):  # noqa: UP036 - this line exists for Pythons the code rejects
    sys.exit(
        "The catalogue generator needs Python 3.11 or newer, and this is Python {}.{}: "
        "install a newer python3, then run `make site` again.".format(*sys.version_info[:2])
    )

from generator.cli import main  # noqa: E402

main()
