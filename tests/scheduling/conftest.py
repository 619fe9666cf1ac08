from tests.scheduling.store import clock, engine, owner

__all__ = ["clock", "engine", "owner"]
