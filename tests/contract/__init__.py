"""The contract suite: checks a Signly server against the spec and the reference page."""
