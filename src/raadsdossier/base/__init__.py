"""The lowest layer: where the shipped resources are, and pausing the garbage collector. Imports nothing else of the app."""
