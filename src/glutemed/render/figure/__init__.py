"""Stick-figure painting with QPainter and its colour/size style."""
