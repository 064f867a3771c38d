"""The Progress page's graph cards: which there are, making them, and filling them.

Each graph lives in its own module and imports pyqtgraph: load this module lazily.
Cards draw frames computed by `progress_frames`; a range change only hands them new arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, tzinfo

from glutemed.domain.history import TrainingDay
from glutemed.domain.records import Profile
from glutemed.progress.series import PreparedSeries
from glutemed.progress.snapshot import ProgressSnapshot
from glutemed.render.graphs.calendar_card import CalendarCard
from glutemed.render.graphs.frames import Frame, frame
from glutemed.render.graphs.graph_card import GraphCard
from glutemed.render.graphs.pain_graph import PainGraph
from glutemed.render.graphs.plot_card import PlotCard
from glutemed.render.graphs.stance_graph import StanceGraph
from glutemed.render.graphs.symmetry_graph import SymmetryGraph
from glutemed.render.graphs.volume_graph import VolumeGraph

CARD_KEYS = ("stance", "symmetry", "pain", "volume", "adherence")


def make_card(key: str, tz: tzinfo, names: Mapping[str, str]) -> GraphCard:
    """One graph card; *names* are the exercises' display names (the volume key)."""
    if key == "stance":
        return StanceGraph(tz)
    if key == "symmetry":
        return SymmetryGraph(tz)
    if key == "pain":
        return PainGraph(tz)
    if key == "volume":
        return VolumeGraph(tz, names)
    return CalendarCard()


def make_cards(tz: tzinfo, names: Mapping[str, str]) -> dict[str, GraphCard]:
    return {key: make_card(key, tz, names) for key in CARD_KEYS}


def show_frame(
    card: GraphCard, f: Frame, eyes: str, days: Sequence[TrainingDay] | None = None
) -> None:
    """Put one range's frame on one card (only data and view change: no re-layout)."""
    if isinstance(card, PlotCard):
        card.show_range(f)
    if isinstance(card, StanceGraph):
        card.show(f.stance[eyes])
    elif isinstance(card, SymmetryGraph):
        card.show(f.symmetry[eyes])
    elif isinstance(card, PainGraph):
        card.show(f.pain, f.baseline)
    elif isinstance(card, VolumeGraph):
        card.show(f.volume)
    elif isinstance(card, CalendarCard):
        if days is not None:
            card.set_days(days)
        card.set_range(f.start, f.end, f.adherence)
    if isinstance(card, PlotCard):
        # pyqtgraph applies a new view range while painting, which moves every item and
        # queues a second paint; applying it now makes one paint do.
        card.item.vb.updateMatrix()


def fill_cards(
    cards: dict[str, GraphCard],
    series: PreparedSeries,
    snapshot: ProgressSnapshot,
    profile: Profile,
    eyes: str,
    start: date,
    end: date,
) -> None:
    """Put one range of prepared series on the cards (the report's path)."""
    tz = next(c.tz for c in cards.values() if isinstance(c, PlotCard))
    f = frame(series, snapshot, profile, start, end, tz)
    for card in cards.values():
        show_frame(card, f, eyes, snapshot.days)
