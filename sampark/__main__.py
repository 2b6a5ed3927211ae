"""`python -m sampark report|users …` (see `sampark.cli`)."""

from sampark.cli import app

if __name__ == "__main__":
    app()
