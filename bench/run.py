"""`make bench`: every benchmark, each in a fresh process and database; results in bench/results/.

python -m bench.run              # all
python -m bench.run documents    # one
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = ["registry", "documents", "engine", "load", "decisions", "meetings"]


def main() -> None:
    chosen = sys.argv[1:] or BENCHMARKS
    failed = []
    for name in chosen:
        print(f"\n=== bench: {name} ===", flush=True)
        code = f"from bench.{name} import main; main()"
        if subprocess.run([sys.executable, "-c", code], check=False).returncode != 0:
            failed.append(name)
    if failed:
        sys.exit(f"benchmarks failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
