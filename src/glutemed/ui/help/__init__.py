"""Help and safety text: the Help page and the first-run dialog."""
