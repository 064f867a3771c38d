"""Plain-words instructions for the stance test (facts from CONTENT.md, our own wording)."""

from __future__ import annotations

from glutemed.domain.vocabulary import Eyes, Side

INTRO = (
    "A quick self-check of the gluteus medius, the muscle on the side of the hip that keeps "
    "your pelvis level when you stand on one leg. You stand on each leg in turn, up to three "
    "times, and GluteMed times how long you hold. Barefoot on a firm floor works best "
    "(Nezic, Puh & Hlebs 2012). Stand near a wall or a sturdy chair in case you need it."
)

WATCH_FOR = (
    "What to watch for: feeling very unstable, needing to put the foot down, leaning your "
    "trunk to one side, or your pelvis tilting so the lifted-leg side drops. A good result is "
    "a level pelvis and a steady hold."
)

ENDS_WHEN = {
    "open": (
        "The time ends when your lifted foot touches down, a hand leaves your hip or your "
        "standing foot shifts."
    ),
    "closed": (
        "The time ends when your lifted foot touches down, a hand leaves your hip, your "
        "standing foot shifts or you open your eyes."
    ),
}

REASON_LABELS = {
    "foot_down": "Lifted foot touched down",
    "hands_off": "A hand left my hip",
    "stance_foot_moved": "Standing foot moved",
    "eyes_opened": "I opened my eyes",
    "cap": "Reached the time limit",
    "manual": "Other / I stopped it",
}


def steps(side: Side, eyes: Eyes, cap_s: float) -> list[str]:
    """Numbered steps for one trial standing on *side*."""
    lifted = "right" if side == "left" else "left"
    eyes_step = (
        "Close your eyes when you hear “go” and keep them closed."
        if eyes == "closed"
        else "Look at a fixed point ahead of you."
    )
    return [
        "Put your hands on your hips and feel the hip bones (the top of the pelvis) "
        "under your fingers.",
        f"Stand on your {side} leg: when you hear “go”, lift your {lifted} foot to about "
        "ankle height.",
        eyes_step,
        f"Hold as long as you can, up to {cap_s:g} s. {ENDS_WHEN[eyes]}",
        "Press any key or click anywhere to stop the timer; no need to aim.",
    ]
