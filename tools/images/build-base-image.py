#!/usr/bin/env python3
"""Builds the services' base image without a daemon or a registry, from this machine's own JDK.

Where a registry is reachable the images start FROM a pinned eclipse-temurin JRE (the Maven property
cdp.image.base). Where none is (these development and CI machines), this script makes the equivalent locally:
a jlink'ed Java runtime of the JDK it is given, plus the few shared libraries that runtime (and XGBoost's native
library in the trainer) loads, plus a passwd file with the non-root user the images run as, written as a
docker-save tarball that Jib takes as `tar:///path/to/it.tar`.

The tarball is reproducible (fixed timestamps and owners): rebuilding it on the same JDK gives the same digest, so
Jib's layer cache stays valid.

usage: build-base-image.py --jdk JAVA_HOME --out target/images/cdp-jre-base.tar [--tag cdp/jre-base:local]
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

# What a Spring Boot service on the AWS SDK needs (java.desktop for java.beans, java.sql for Spring's JDBC-free
# core, jdk.crypto.* for TLS, jdk.management/jfr/jcmd for operators), and nothing of the compiler or tools.
MODULES = [
    "java.base", "java.compiler", "java.desktop", "java.instrument", "java.logging", "java.management",
    "java.management.rmi", "java.naming", "java.net.http", "java.prefs", "java.rmi", "java.scripting",
    "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa", "java.xml", "java.xml.crypto",
    "jdk.charsets", "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.jcmd", "jdk.jfr", "jdk.localedata", "jdk.management",
    "jdk.management.agent", "jdk.management.jfr", "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs",
]
# loaded by XGBoost4J's bundled native library (model-trainer) but not by the JVM itself
EXTRA_LIBS = ["libgomp.so.1", "libstdc++.so.6", "libgcc_s.so.1"]
# a server image is headless: these load X11 and ALSA, which a service never touches; left out with their libraries
HEADLESS_DROP = ["libawt_xawt.so", "libjawt.so", "libjsound.so", "libsplashscreen.so"]
USER_ID = 10001
JAVA_DIR = "opt/java"
EPOCH = 315532800  # 1980-01-01: a fixed timestamp, so the layer digest depends on content only


def run(*cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return done.stdout


def resolve_libraries(runtime):
    """Every shared library (by resolved host path) that the runtime's binaries and libraries need."""
    wanted = set()
    binaries = [os.path.join(root, f) for root, _, files in os.walk(runtime) for f in files
                if f.endswith(".so") or root.endswith("/bin")]
    for binary in binaries:
        out = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if "=>" in parts and len(parts) >= 3 and parts[2].startswith("/") and not parts[2].startswith(runtime):
                wanted.add(parts[2])
            elif parts and parts[0].startswith("/") and "ld-linux" in parts[0]:
                wanted.add(parts[0])
    for name in EXTRA_LIBS:
        out = run("ldconfig", "-p")
        for line in out.splitlines():
            if line.strip().startswith(name + " ") and "x86-64" in line:
                path = line.split("=>")[-1].strip()
                wanted.add(path)
                for dep in subprocess.run(["ldd", path], capture_output=True, text=True).stdout.splitlines():
                    p = dep.split()
                    if "=>" in p and len(p) >= 3 and p[2].startswith("/"):
                        wanted.add(p[2])
                break
        else:
            print(f"warning: {name} not found on this machine; XGBoost in the trainer image will not load", file=sys.stderr)
    return sorted(wanted)


def add_dir(tar, name, mode=0o755, uid=0):
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.mtime, info.uid, info.gid = tarfile.DIRTYPE, mode, EPOCH, uid, uid
    tar.addfile(info)


def add_bytes(tar, name, data, mode=0o644):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, EPOCH
    tar.addfile(info, io.BytesIO(data))


def add_tree(tar, src, arcname, added):
    entries = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(root, src)
        base = arcname if rel == "." else f"{arcname}/{rel}"
        entries.append((root, base, True))
        entries += [(os.path.join(root, f), f"{base}/{f}", False) for f in sorted(files)]
    for path, name, is_dir in entries:
        if name in added:
            continue
        added.add(name)
        info = tar.gettarinfo(path, name)
        info.mtime, info.uid, info.gid, info.uname, info.gname = EPOCH, 0, 0, "", ""
        if info.isreg():
            with open(path, "rb") as f:
                tar.addfile(info, f)
        else:
            tar.addfile(info)


def add_file_with_parents(tar, path, added):
    """A host file at the same path in the image (following symlinks: the image gets the real bytes)."""
    name = path.lstrip("/")
    parts = name.split("/")
    for i in range(1, len(parts)):
        d = "/".join(parts[:i])
        if d not in added:
            added.add(d)
            add_dir(tar, d)
    if name in added:
        return
    added.add(name)
    real = os.path.realpath(path)
    info = tar.gettarinfo(real, name)
    info.mtime, info.uid, info.gid, info.uname, info.gname = EPOCH, 0, 0, "", ""
    with open(real, "rb") as f:
        tar.addfile(info, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jdk", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--tag", default="cdp/jre-base:local")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        runtime = os.path.join(tmp, "java")
        run(os.path.join(args.jdk, "bin", "jlink"), "--add-modules", ",".join(MODULES), "--output", runtime,
            "--strip-debug", "--no-header-files", "--no-man-pages", "--include-locales=en,de,fr,es,it,nl,pt",
            # the module image zipped: 37 MB less per image for a few ms of class loading at start
            "--compress=zip-6")
        for name in HEADLESS_DROP:
            path = os.path.join(runtime, "lib", name)
            if os.path.exists(path):
                os.remove(path)
        libs = resolve_libraries(runtime)

        layer_path = os.path.join(tmp, "layer.tar")
        added = set()
        with tarfile.open(layer_path, "w", format=tarfile.PAX_FORMAT) as tar:
            for d in ["etc", "opt", "tmp", "home", f"home/cdp"]:
                added.add(d)
            add_dir(tar, "etc")
            add_dir(tar, "opt")
            add_dir(tar, "tmp", 0o1777)
            add_dir(tar, "home")
            add_dir(tar, "home/cdp", 0o750, USER_ID)
            add_bytes(tar, "etc/passwd",
                      f"root:x:0:0:root:/root:/sbin/nologin\ncdp:x:{USER_ID}:{USER_ID}:cdp:/home/cdp:/sbin/nologin\n".encode())
            add_bytes(tar, "etc/group", f"root:x:0:\ncdp:x:{USER_ID}:\n".encode())
            add_bytes(tar, "etc/nsswitch.conf", b"passwd: files\ngroup: files\nhosts: files dns\n")
            added.update(["etc/passwd", "etc/group", "etc/nsswitch.conf"])
            add_tree(tar, runtime, JAVA_DIR, added)
            for lib in libs:
                add_file_with_parents(tar, lib, added)
            # the loader is asked for by its canonical path; on Debian /lib64 holds only that one link
            if os.path.exists("/lib64/ld-linux-x86-64.so.2"):
                add_file_with_parents(tar, "/lib64/ld-linux-x86-64.so.2", added)

        with open(layer_path, "rb") as f:
            diff_id = "sha256:" + hashlib.sha256(f.read()).hexdigest()
        config = {
            "architecture": "amd64",
            "os": "linux",
            "created": "1980-01-01T00:00:00Z",
            "config": {
                "Env": [f"JAVA_HOME=/{JAVA_DIR}", f"PATH=/{JAVA_DIR}/bin:/usr/bin:/bin", "LANG=C.UTF-8"],
                "User": f"{USER_ID}:{USER_ID}",
                "WorkingDir": "/home/cdp",
                "Labels": {"org.opencontainers.image.description":
                           "jlink'ed Java runtime and its shared libraries, non-root user cdp (10001)"},
            },
            "rootfs": {"type": "layers", "diff_ids": [diff_id]},
            "history": [{"created": "1980-01-01T00:00:00Z", "created_by": "tools/images/build-base-image.py"}],
        }
        config_bytes = json.dumps(config, sort_keys=True).encode()
        config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
        manifest = [{"Config": config_name, "RepoTags": [args.tag], "Layers": [diff_id[7:] + "/layer.tar"]}]

        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        partial = args.out + ".partial"
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as out:
            add_bytes(out, config_name, config_bytes)
            add_dir(out, diff_id[7:])
            info = out.gettarinfo(layer_path, diff_id[7:] + "/layer.tar")
            info.mtime, info.uid, info.gid, info.uname, info.gname = EPOCH, 0, 0, "", ""
            with open(layer_path, "rb") as f:
                out.addfile(info, f)
            add_bytes(out, "manifest.json", json.dumps(manifest).encode())
        os.replace(partial, args.out)
        size = os.path.getsize(args.out)
        print(f"base image {args.tag}: {args.out} ({size / 1e6:.1f} MB, {len(libs)} shared libraries, layer {diff_id[:19]})")


if __name__ == "__main__":
    main()
