"""Pages of the learning cycle: cycles, sessions, and what a session records."""
