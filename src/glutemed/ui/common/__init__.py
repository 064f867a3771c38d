"""Small widgets and helpers every page shares: change signals, theme, sound, labels."""
