#!/usr/bin/env python3
"""Sends one SIGINT to `./flags2` at each moment of its start-up and tallies how it ended.

Usage: src/test/scripts/ctrl_c_at_start_up.py URL [TRIES_PER_MOMENT [FROM_MS TO_MS STEP_MS]]
(URL: a `flags2 serve` DELAY site, e.g. from `./flags2 serve --ports 0,0,0`.)
A run ends well when it exits 130 (or dies of SIGINT, which a shell reports as 130) with nothing
on stderr but flags2's own lines.
"""
import collections, os, shutil, signal, subprocess, sys, tempfile, time

url = sys.argv[1]
tries = int(sys.argv[2]) if len(sys.argv) > 2 else 10
first, last, step = (int(a) for a in sys.argv[3:6]) if len(sys.argv) > 5 else (0, 400, 10)
launcher = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "flags2")
tally = collections.Counter()
bad = []
for delay_ms in range(first, last + 1, step):
    for _ in range(tries):
        dest = tempfile.mkdtemp()
        p = subprocess.Popen([launcher, "-s", url, "-e", "-m", "2", "-d", dest],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay_ms / 1000)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=30)
        shutil.rmtree(dest)
        status = 128 - p.returncode if p.returncode < 0 else p.returncode  # -2: killed by SIGINT
        foreign = [l for l in err.splitlines()
                   if l and not l.startswith(("note:", "      ", "flags2:", "***"))]
        ok = status == 130 and not foreign
        tally[(delay_ms // 10 * 10, "ok" if ok else f"exit {status}")] += 1
        if not ok:
            bad.append((delay_ms, status, foreign[:2]))
for key in sorted(tally):
    print(f"{key[0]:3d}-{key[0] + 9} ms  {key[1]:8s} {tally[key]}")
for b in bad:
    print("bad:", b)
