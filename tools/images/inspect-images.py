#!/usr/bin/env python3
"""Prints what each image tarball (docker-save layout, as jib:buildTar writes it) holds: size, layers, user, the
JVM flags of its entrypoint. Exits 1 when an image runs as root or a serving image is over --max-mb (uncompressed).

usage: inspect-images.py [--max-mb 300] [--jobs model-trainer] target/images/<module>.tar ...
"""
import argparse
import gzip
import json
import os
import sys
import tarfile


def uncompressed_size(fileobj):
    head = fileobj.read(2)
    fileobj.seek(0)
    stream = gzip.GzipFile(fileobj=fileobj) if head == b"\x1f\x8b" else fileobj
    total = 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
    return total


def inspect(path):
    with tarfile.open(path) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))[0]
        config = json.load(tar.extractfile(manifest["Config"]))
        layers = [uncompressed_size(tar.extractfile(layer)) for layer in manifest["Layers"]]
    cfg = config.get("config", {})
    user = cfg.get("User") or "root"
    uid = user.split(":")[0]
    entry = cfg.get("Entrypoint") or []
    env = {e.split("=", 1)[0] for e in cfg.get("Env") or []}
    return {
        "image": (manifest.get("RepoTags") or ["?"])[0],
        "tar_mb": os.path.getsize(path) / 1e6,
        "size_mb": sum(layers) / 1e6,
        "layers": len(layers),
        "user": user,
        "non_root": uid not in ("", "0", "root"),
        "flags": all(f in entry for f in ("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")),
        "baked_env": sorted(env & {"SPRING_PROFILES_ACTIVE", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_ACCESS_KEY_ID"}),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-mb", type=float, default=300)
    ap.add_argument("--jobs", default="model-trainer", help="comma-separated modules that are batch jobs, not serving")
    ap.add_argument("tars", nargs="+")
    args = ap.parse_args()
    jobs = set(args.jobs.split(","))
    rows, failures = [], []
    for path in args.tars:
        r = inspect(path)
        module = os.path.basename(path)[:-4]
        r["kind"] = "job" if module in jobs else "service"
        rows.append(r)
        if not r["non_root"]:
            failures.append(f"{r['image']} runs as root")
        if not r["flags"]:
            failures.append(f"{r['image']} lacks the container JVM flags")
        if r["baked_env"]:
            failures.append(f"{r['image']} bakes {r['baked_env']} into the image")
        if r["kind"] == "service" and r["size_mb"] > args.max_mb:
            failures.append(f"{r['image']} is {r['size_mb']:.0f} MB, over {args.max_mb:.0f} MB")
    print(f"| image | kind | size MB (uncompressed) | tar MB (gzip layers) | layers | user | non-root | JVM flags |")
    print("|---|---|---:|---:|---:|---|---|---|")
    for r in rows:
        print(f"| {r['image']} | {r['kind']} | {r['size_mb']:.1f} | {r['tar_mb']:.1f} | {r['layers']} "
              f"| {r['user']} | {'yes' if r['non_root'] else 'NO'} | {'yes' if r['flags'] else 'NO'} |")
    serving = [r["size_mb"] for r in rows if r["kind"] == "service"]
    if failures:
        print("FAILED: " + "; ".join(failures))
        sys.exit(1)
    print(f"{len(rows)} images, all non-root; largest serving image {max(serving, default=0):.1f} MB (limit {args.max_mb:.0f} MB)")


if __name__ == "__main__":
    main()
