"""The Progress page (its graphs are drawn by glutemed.render.graphs)."""
