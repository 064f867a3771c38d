"""Analytics over stored history (series, bests, volume, adherence): Qt-free, no SQL."""
