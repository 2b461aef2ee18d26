"""Reliability drills: load, crash, hostile input and auth against `signly-sandbox serve`."""
