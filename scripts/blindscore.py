#!/usr/bin/env python3
"""blindscore.py BIN DIR: run goconcheck -json over a blind set and score it against LABELS.md.
Recall: WANT lines reported by the labelled analyzer. False positives: findings of the
labelled analyzer at non-WANT lines (in SILENT cases: any finding of the labelled analyzer),
plus findings of any analyzer in SILENT cases listed apart."""
import json, os, re, subprocess, sys
binp, d = sys.argv[1], os.path.abspath(sys.argv[2])
cases = {}
for line in open(os.path.join(d, "LABELS.md")):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 4 or not re.match(r"^[a-z0-9_]+$", cells[0]) or cells[0] == "directory":
        continue
    name = cells[0]
    kind = next(c for c in cells if c in ("BAD", "SILENT"))
    an = next(c for c in cells[1:] if re.match(r"^[a-z]+$", c) and c not in ("bad", "silent"))
    wants = set(re.findall(r"([\w./-]+\.go:\d+)", cells[-1]))
    cases[name] = (kind, an, wants)
# Run on a copy without the labels: a "// want" comment is no comment
# of the program ("no lock" in one reads as an excuse to unlockedwrite).
import shutil, tempfile
tmp = tempfile.mkdtemp(prefix="blindscore.")
work = os.path.join(tmp, "set")
shutil.copytree(d, work)
for root, _, files in os.walk(work):
    for fname in files:
        if fname.endswith(".go"):
            fp_ = os.path.join(root, fname)
            src = open(fp_).read()
            open(fp_, "w").write(re.sub(r"[ \t]*//\s*want\s.*$", "", src, flags=re.M))
env = dict(os.environ, GOCONCHECK_CACHE="off")
out = subprocess.run([binp, "-json", "./..."], cwd=work, capture_output=True, text=True, env=env).stdout
shutil.rmtree(tmp)
d = work
found = []  # (case, relpath:line, analyzer, msg, related relpath:lines)
dec = json.JSONDecoder(); i = 0
out = "\n".join(l for l in out.splitlines() if not l.startswith("#"))
while i < len(out):
    while i < len(out) and out[i].isspace(): i += 1
    if i >= len(out): break
    obj, i = dec.raw_decode(out, i)
    for pkg, by in obj.items():
        for an, diags in by.items():
            if isinstance(diags, dict): print("ERROR", pkg, an, diags); continue
            for dg in diags:
                f, ln = dg["posn"].rsplit(":", 2)[0:2]
                rel = os.path.relpath(f, d)
                # A finding matches a label at its own position or at any
                # of its related positions: a write in a helper of another
                # package is reported at the call, in the package analyzed,
                # with the helper's write as related information.
                alts = set()
                for r in dg.get("related") or []:
                    if r["posn"].count(":") < 2:
                        continue  # no position ("-")
                    rf, rln = r["posn"].rsplit(":", 2)[0:2]
                    alts.add(f"{os.path.relpath(rf, d)}:{rln}")
                found.append((rel.split("/")[0], f"{rel}:{ln}", an, dg["message"], alts))
tp = fn = fp = 0; other = []
for name, (kind, an, wants) in sorted(cases.items()):
    hits = set()
    for (c, p, a, m, alts) in found:
        if c == name and a == an: hits |= {p} | alts
    for w in sorted(wants):
        if w in hits: tp += 1; print(f"  hit   {name} {w}")
        else: fn += 1; print(f"  MISS  {name} {w} ({an})")
    for (c, p, a, m, alts) in found:
        if c != name: continue
        if a == an and p not in wants and not (alts & wants): fp += 1; print(f"  FP    {name} {p} {a}: {m}")
        elif a != an: other.append(f"  other {name} {p} {a}: {m}")
print("\n".join(other))
print(f"recall {tp}/{tp+fn}, false positives {fp}, other-analyzer findings {len(other)}")
