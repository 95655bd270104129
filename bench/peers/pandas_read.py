#!/usr/bin/python3
"""Reads every sheet of every .xlsx under the given paths with pandas read_excel (openpyxl engine), one
after another, and prints `pandas: pass=K files=F seconds=S cells=C`. The time is inside the process; run it
under /usr/bin/time for the whole process (imports included). usage: pandas_read.py [--repeat K] PATH...
With --repeat K the files are read K times in one process, one line per pass."""
import os, sys, time
import pandas as pd

args = sys.argv[1:]
repeat = 1
if args[:1] == ["--repeat"]:
    repeat, args = int(args[1]), args[2:]
files = []
for root in args:
    if os.path.isdir(root):
        for d, _, names in os.walk(root):
            files += [os.path.join(d, n) for n in names if n.lower().endswith(".xlsx")]
    else:
        files.append(root)
files.sort()
for p in range(1, repeat + 1):
    t0 = time.perf_counter()
    cells = failed = 0
    for f in files:
        try:
            for df in pd.read_excel(f, sheet_name=None, header=None, engine="openpyxl").values():
                cells += int(df.notna().sum().sum())
        except Exception:
            failed += 1
    print(f"pandas: pass={p} files={len(files)} failed={failed} seconds={time.perf_counter() - t0:.3f} cells={cells}",
          flush=True)
