"""Copy the reviewed roster files into the package (src/debateprep/data/speakers/)."""

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "src" / "debateprep" / "data" / "speakers"
FILES = ("states.csv", "entities.csv", "groups.csv", "council.toml")

if __name__ == "__main__":
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        shutil.copyfile(HERE / name, TARGET / name)
        print(f"{HERE / name} -> {TARGET / name}")
