"""`python -m hdkg`: the `hdkg` command."""

from hdkg.cli import main

if __name__ == "__main__":
    main()
