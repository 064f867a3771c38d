"""The animated stick-figure widget (painting itself lives in glutemed.render.figure)."""
