"""`python -m hdkg`: the `hdkg` command."""

from hdkg.graph.cli import main

if __name__ == "__main__":
    main()
