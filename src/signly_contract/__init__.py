"""The contract suite: check any Signly server against the spec and the reference.

Run it with `signly-contract` (or `pytest -p signly_contract.plugin --pyargs
signly_contract.suite`); `--base-url` points it at a live server.
"""
