"""The only package that touches SQLite: schema, migrations, queries, backups, export/import."""

from glutemed.store.db import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
