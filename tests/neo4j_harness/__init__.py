"""A real Neo4j for tests and benchmarks: the official test harness behind a tiny launcher."""
