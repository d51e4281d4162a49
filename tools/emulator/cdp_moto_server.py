"""moto server as ./cdp runs it: moto's own server with two fixes a whole local stack needs (docs/adr/0001).

1. TransactWriteItems. moto backs up every table a transaction touches with a deep copy of the whole table, on
   every call, so that a cancelled transaction can put the copy back. customer-360 applies each event in one
   transaction on its single-table profiles (daily aggregates and event-dedup items: thousands of items), so every
   event cost a copy of the table: a demo's stream took the emulator to 14 GB and most of its CPU, and every other
   call (KCL lease renewals, alerting's contact lookups) waited behind it. The copy also raced with concurrent writers
   ("dictionary changed size during iteration", an HTTP 500), and putting a stale copy back lost writes other
   clients made meanwhile. Here the backup is the items the transaction names (their state before it), restored one
   by one if it is cancelled, and DynamoDB writes to a table are serialised with the transactions on it (a lock per
   table), so a transaction is atomic and isolated from other writes as in DynamoDB.
2. Host routing. moto lists its own package directory (a stat per module) on every request to route it; the list
   never changes while the server runs, so it is read once.
3. Request lines. The HTTP server logs a line per request (a stack polls the emulator many times a second); only
   warnings and errors (a failed request with its traceback) reach the log.
4. Query on a table's own key. moto answers every Query by listing and sorting every item of the table, then keeping
   the partition asked for: each call costs O(n log n) in the table's size. A whole stack queries by partition all
   the time (customer-360's profile items, core-banking's records, KCL's leases), so with a demo's 34,000 transactions
   the emulator spent ~70 % of its time in that sort and stopped accepting connections in time (alerting's contact
   lookups were cancelled). Here a Query on the table's key reads only the partition asked for; what moto does with
   the items afterwards (key conditions, order, pagination, filters, projections) is unchanged. A Query on an index
   still lists the table, as DynamoDB's own key layout does not exist for it in moto.

Run as moto_server: the same arguments (-H host -p port).
"""

import copy
import functools
import inspect
import logging
import sys
import threading
from typing import Any

import moto.backends as backends
import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import Table
from moto.server import main

# a lock per table for its writes, reentrant: a transaction calls put_item / update_item / delete_item itself. Per
# table, not one for all: an audit record or an alert state must not wait behind a burst of another service's
# transactions on its own table (a demo's alert contact lookups timed out that way)
_TABLE_LOCKS: dict[str, threading.RLock] = {}
_TABLE_LOCKS_GUARD = threading.Lock()


def _table_lock(table_name: str) -> threading.RLock:
    with _TABLE_LOCKS_GUARD:
        lock = _TABLE_LOCKS.get(table_name)
        if lock is None:
            lock = _TABLE_LOCKS[table_name] = threading.RLock()
        return lock


class _TableLocks:
    """The locks of several tables, taken in name order (the same order everywhere: no deadlock)."""

    def __init__(self, table_names: list[str]) -> None:
        self._locks = [_table_lock(n) for n in sorted(set(table_names))]

    def __enter__(self) -> None:
        for lock in self._locks:
            lock.acquire()

    def __exit__(self, *exc: Any) -> None:
        for lock in reversed(self._locks):
            lock.release()

# the partition a Query on this thread asks for: (table, hash key), read by Table.all_items while the Query runs
_QUERY = threading.local()


class _NoTableCopy:
    """The `copy` module as moto's DynamoDB backend sees it: a Table is not deep-copied (its backup is item by item)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value: Any, memo: Any = None) -> Any:
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _key_of(backend: DynamoDBBackend, op_type: str, op: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    table_name = op.get("TableName")
    if not table_name or table_name not in backend.tables:
        return None
    if op_type != "Put":
        return table_name, op.get("Key") or {}
    table = backend.tables[table_name]
    attrs = op.get("Item") or {}
    names = [n for n in (table.hash_key_attr, table.range_key_attr) if n]
    if any(n not in attrs for n in names):
        return None  # moto refuses the item itself; nothing of it is written
    return table_name, {n: attrs[n] for n in names}


def _before(backend: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> list[tuple[str, dict, dict | None]]:
    """Each named item's state before the transaction: its attributes, or None when it does not exist."""
    saved = []
    for item in transact_items:
        try:
            op_type, op = next(iter(item.items()))
            named = _key_of(backend, op_type, op)
            if named is None:
                continue
            table_name, key = named
            current = backend.get_item(table_name, key)
        except Exception:  # an invalid key: moto refuses the operation, which writes nothing
            continue
        attrs = copy.deepcopy(current.to_json()["Attributes"]) if current is not None else None
        saved.append((table_name, key, attrs))
    return saved


def _restore(backend: DynamoDBBackend, saved: list[tuple[str, dict, dict | None]]) -> None:
    for table_name, key, attrs in reversed(saved):
        if table_name not in backend.tables:
            continue
        if attrs is None:
            if backend.get_item(table_name, key) is not None:
                backend.delete_item(table_name, key)
        else:
            backend.put_item(table_name, attrs, overwrite=True)


def _serialised(method):
    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        table_name = args[0] if args else kwargs.get("table_name")
        with _table_lock(str(table_name)):
            return method(self, *args, **kwargs)

    return locked


def _table_names(transact_items: list[dict[str, Any]]) -> list[str]:
    names = []
    for item in transact_items:
        try:
            _, op = next(iter(item.items()))
            if op.get("TableName"):
                names.append(str(op["TableName"]))
        except Exception:  # moto refuses a malformed item itself
            continue
    return names


def _sort_key(item: Any) -> Any:
    # the order moto's own Table.all_items returns
    return (item.hash_key, item.range_key) if item.range_key else item.hash_key


def _patch_query() -> None:
    all_items = Table.all_items
    query = Table.query
    signature = inspect.signature(query)

    @functools.wraps(all_items)
    def partition_items(self: Table) -> list[Any]:
        asked = getattr(_QUERY, "partition", None)
        if asked is None or asked[0] is not self:
            return all_items(self)
        with _table_lock(self.name):  # a consistent copy: writers change these dicts
            partition = self.items.get(asked[1])
            if partition is None:
                return []
            items = list(partition.values()) if self.range_key_attr else [partition]
        return sorted(items, key=_sort_key)

    @functools.wraps(query)
    def partition_query(self: Table, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        # moto's backend passes the index name positionally
        if hash_key is None or signature.bind(self, hash_key, *args, **kwargs).arguments.get("index_name"):
            return query(self, hash_key, *args, **kwargs)
        _QUERY.partition = (self, hash_key)
        try:
            return query(self, hash_key, *args, **kwargs)
        finally:
            _QUERY.partition = None

    Table.all_items = partition_items
    Table.query = partition_query


def _patch() -> None:
    dynamodb_models.copy = _NoTableCopy()
    original = DynamoDBBackend.transact_write_items

    @functools.wraps(original)
    def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> None:
        with _TableLocks(_table_names(transact_items)):
            saved = _before(self, transact_items)
            try:
                original(self, transact_items)
            except Exception:
                _restore(self, saved)
                raise

    DynamoDBBackend.transact_write_items = transact_write_items
    for name in ("put_item", "update_item", "delete_item"):
        setattr(DynamoDBBackend, name, _serialised(getattr(DynamoDBBackend, name)))

    _patch_query()

    modules = tuple(backends.list_of_moto_modules())
    backends.list_of_moto_modules = lambda: modules

    logging.getLogger("werkzeug").setLevel(logging.WARNING)


if __name__ == "__main__":
    _patch()
    main(sys.argv[1:])
