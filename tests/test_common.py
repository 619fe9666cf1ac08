"""Record ids: random version-4 UUIDs read from the system's source in blocks, never repeated by a fork."""

from __future__ import annotations

import os
import uuid

from app.common import _RandomIds, new_id


def test_ids_are_distinct_version_4_uuids_across_many_blocks() -> None:
    ids = [new_id() for _ in range(3 * _RandomIds.BLOCK // 16 + 5)]
    assert len(set(ids)) == len(ids)
    assert all(i.version == 4 and i.variant == uuid.RFC_4122 for i in ids)


def test_a_forked_child_does_not_repeat_the_parents_next_ids() -> None:
    source = _RandomIds()
    source.next()  # a block is read and partly used
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next id, to the parent
        os.close(read)
        os.write(write, source.next().bytes)
        os._exit(0)
    os.close(write)
    child_id = uuid.UUID(bytes=os.read(read, 16))
    os.close(read)
    os.waitpid(pid, 0)
    assert child_id != source.next()
