"""The demo debate as a user has it half-way through the job: the sample loaded (the 7109th meeting,
its note, briefers and Council members, the library's sample), statements imported (three made-up
Chinese statements that share a proposal), and a PRST draft with two paragraphs."""

from __future__ import annotations

from pathlib import Path

from debateprep.services.facade import Services

DEMO_STATEMENTS = Path(__file__).resolve().parents[1] / "data" / "statements" / "demo_7109"


def seed_demo(services: Services, *, draft: bool = True, ours: bool = False) -> int:
    """Load the sample into `services` and take its debate half-way (`draft`: with a PRST draft;
    `ours`: with our statement started); the debate's id."""
    services.load_sample()
    debate = services.debates.latest()
    assert debate is not None and debate.id is not None
    services.statements.import_files(debate.id, sorted(DEMO_STATEMENTS.glob("*.txt")))
    if draft:
        started = services.prst.new_draft(debate.id)
        assert started.id is not None
        services.prst.add_text(started.id, "回顾其关于武装冲突中保护平民问题的各项决议，")
        services.prst.add_text(started.id, "强调指出必须加强对维和人员的保护平民培训，")
    if ours:
        services.ours.new(debate.id, delegation="中国")
    return debate.id
