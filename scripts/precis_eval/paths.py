"""Where things are: the repo, the shared data beside it, the CLI, the cache."""

import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def data_dir():
    # Shared data sits beside the repository (../shared/data), never inside it.
    return os.environ.get("PRECIS_DATA", os.path.join(os.path.dirname(REPO), "shared", "data"))


def cli():
    return os.environ.get("PRECIS_CLI", os.path.join(REPO, "build", "native", "precis"))


def cache_dir():
    path = os.path.join(REPO, "build", "eval-cache")
    os.makedirs(path, exist_ok=True)
    return path


def node_modules():
    return os.path.join(REPO, "node_modules")
