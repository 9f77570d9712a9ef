"""Coverage and convergence on a real debate: 110 statements × 15 guiding questions.

Data: the verbatim record of S/PV.8699 (9 January 2020, upholding the Charter; ~110 delegations)
from ../shared/data/spv_2020_speeches. The 15 questions paraphrase the themes of its concept note
S/2020/1 and of the debate (written for this benchmark; the note is not in shared data).

Reference, measured in the same run on the same statements: segmenting every statement into
paragraphs and sentences (`domain.statements.segment`) — the cheapest pass that reads all text.

Run:  .venv/bin/python benchmarks/bench_coverage.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEECHES = ROOT.parent / "shared" / "data" / "spv_2020_speeches"

QUESTIONS = """\
How can Member States and the Security Council strengthen respect for and adherence to the purposes and principles of the Charter of the United Nations?
How can the Council make better use of the tools of Chapter VI for the peaceful settlement of disputes, such as preventive diplomacy, mediation, good offices and the International Court of Justice?
How can the Council strengthen its cooperation with regional and subregional organizations under Chapter VIII of the Charter?
How can compliance with international law, including international humanitarian law and human rights law, be promoted, and accountability ensured?
How can the Council improve its working methods, effectiveness and legitimacy, and its relationship with the General Assembly and the other principal organs?
How can multilateralism and a rules-based international order be strengthened in the face of unilateralism?
How should the reform of the Security Council, including its membership and the use of the veto, be taken forward?
How can respect for sovereignty, territorial integrity and non-interference in internal affairs be ensured?
How can the prohibition of the threat or use of force, and the limits of self-defence under Article 51, be upheld?
How can conflict prevention address root causes, including poverty, inequality and the lack of development?
How can United Nations peacekeeping operations be made more effective in protecting civilians?
How should sanctions and unilateral coercive measures be judged against the Charter?
How can the threat of terrorism be addressed in conformity with international law?
How can the role of women and youth in peace and security be strengthened?
How can climate change and other new threats to international peace and security be addressed by the Council?
"""


def load_statements():  # type: ignore[no-untyped-def]
    from debateprep.domain.roster import Roster
    from debateprep.importers.statements import read_record_files

    files = sorted(SPEECHES.glob("UNSC_2020_SPV.8699*.txt"))
    result = read_record_files(files, Roster.load(), presidency="Viet Nam")
    return [s for s in result.statements if s.kind != "procedural" and s.delegation]


def timed(fn, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not SPEECHES.is_dir():
        print(f"skipped: {SPEECHES} is absent")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    import subprocess

    # Import cost, in fresh interpreters (median of 5): what `statements coverage` pays once.
    probe = ("import time; t = time.perf_counter(); import debateprep.domain.coverage as c; "
             "c.profile_questions([c.CoverageQuestion(1, 'Q1', 'How can the PBC help?')]); "
             "print(time.perf_counter() - t)")
    loads = sorted(float(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                        check=True, env={"PYTHONPATH": str(ROOT / "src")}).stdout)
                   for _ in range(5))
    print(f"import of the coverage engine with its thesaurus and weights: {loads[2] * 1000:.0f} ms (median of 5)")

    from debateprep.domain.coverage import compute_convergence, compute_coverage, parse_questions
    from debateprep.domain.statements import passages, segment

    statements = load_statements()[:110]
    questions = parse_questions(QUESTIONS)
    n = len(statements)
    chars = sum(len(s.text) for s in statements)
    print(f"S/PV.8699: {n} statements ({len({s.delegation for s in statements})} delegations), "
          f"{chars / 1000:.0f} k characters, {sum(len(passages(s.text)) for s in statements)} passages; "
          f"{len(questions)} questions")

    ref, _ = timed(lambda: [segment(s.text) for s in statements], args.repeat)
    cov, matrix = timed(lambda: compute_coverage(statements, questions), args.repeat)
    con, groups = timed(lambda: compute_convergence(statements), args.repeat)

    covered = sum(1 for c in matrix.cells.values() if c.covered)  # type: ignore[attr-defined]
    print(f"reference (segment every statement): {ref * 1000:8.1f} ms  {ref / n * 1000:6.2f} ms/statement")
    print(f"coverage  (110 × 15 matrix):         {cov * 1000:8.1f} ms  {cov / n * 1000:6.2f} ms/statement  "
          f"{cov / ref:5.1f}× reference   {covered} of {len(matrix.cells)} cells addressed")  # type: ignore[attr-defined]
    print(f"convergence (cluster proposals):     {con * 1000:8.1f} ms  {con / n * 1000:6.2f} ms/statement  "
          f"{con / ref:5.1f}× reference   {len(groups)} groups, largest {groups[0].count if groups else 0} "  # type: ignore[arg-type]
          f"delegations")
    for q in questions:
        print(f"  {q.label:>3} {len(matrix.covered_by(q.key)):3d} delegations  {q.text[:80]}")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
