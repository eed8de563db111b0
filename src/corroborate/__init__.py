"""corroborate: who said what, who repeated it, and what is independently confirmed.

Start with `corroborate.api` (or the `corroborate` command).
"""
__version__ = "0.1.0"
