"""Engines run stages over the store. DuckDB is the default; Spark (later) implements the same
`Engine` methods over the same schema, so stages run unchanged on either."""
