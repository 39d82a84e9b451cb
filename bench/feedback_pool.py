"""What sealing an anonymous answer costs (luukku/core/anonymity.py), against plain JSON.

No server and no database: it times seal + unseal of a typical feedback answer (padded to
the fixed 64 KiB) against json.dumps + json.loads of the same payload, and prints the
bytes a waiting answer takes. Run: uv run python bench/feedback_pool.py [--count 2000]
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from luukku.core import anonymity  # noqa: E402

PAYLOAD = {"rating": 4, "helped": "Clear next steps and a kind tone. " * 4, "idea": "Evenings."}
LABEL = "feedback.FeedbackPoolEntry"


def per_second(count: int, work: object) -> float:
    start = time.perf_counter()
    for _n in range(count):
        work()  # type: ignore[operator]
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=2000)
    count = parser.parse_args().count
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    sealed = anonymity.seal(LABEL, PAYLOAD)
    plain = per_second(count, lambda: json.loads(json.dumps(PAYLOAD)))
    both = per_second(count, lambda: anonymity.unseal(LABEL, anonymity.seal(LABEL, PAYLOAD)))
    print(f"json round trip:   {plain:10.0f} answers/s")
    print(f"seal + unseal:     {both:10.0f} answers/s  (ratio {plain / both:.0f}x slower)")
    print(f"bytes per waiting answer: {len(sealed)} (plain JSON: {len(json.dumps(PAYLOAD))})")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
