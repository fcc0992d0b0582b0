import sys

# Checked before anything else is imported: older Pythons can't even parse the rest.
if sys.version_info < (3, 11):  # noqa: UP036 - this line exists for Pythons the code rejects
    sys.exit(
        "Generator katalog memerlukan Python 3.11 atau lebih baru, sedangkan ini Python {}.{}: "
        "pasang python3 yang lebih baru, lalu jalankan `make site` lagi. "
        "(Needs Python 3.11 or newer.)".format(*sys.version_info[:2])
    )

from generator.cli import main  # noqa: E402

main()
