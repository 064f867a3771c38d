"""The Exercises page: the catalogue with its animated demos."""
