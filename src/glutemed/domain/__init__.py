"""The shared vocabulary: records, the side/eyes/ended-by/phase names, and value rules.

Everything below the widgets speaks it: training, stance, progress, store and ops.
Pure Python, no Qt and no SQL.
"""
