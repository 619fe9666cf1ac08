"""Pure analysis: a provider-neutral draft, a compiled directory index and a policy in; findings out.

Nothing in this package may import FastAPI, SQL or HTTP code: it runs on every send and must stay fast
and testable on its own.
"""
