"""Real-Neo4j fixtures (placeholder until the harness launcher is written)."""
