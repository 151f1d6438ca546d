#!/usr/bin/python3
# SPDX-License-Identifier: EPL-2.0
"""The peer in scripts/benchmark-dvh.sh: dicompyler-core's DVH of one ROI of an RT Structure Set on an RT Dose
(dvhcalc.get_dvh with its defaults: the dose grid's own points, 1 cGy bins). Writes one JSON line to the output file:
volume (cc), mean/min/max and D98/D95/D50/D2 (Gy), and the time to import and to calculate.
Usage: dvh-dicompyler.py RTSTRUCT RTDOSE ROI_NUMBER OUT.json"""
import json
import sys
import time

t0 = time.perf_counter()
from dicompylercore import dvhcalc  # noqa: E402 (the import is timed)
t1 = time.perf_counter()

rtstruct, rtdose, roi, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
dvh = dvhcalc.get_dvh(rtstruct, rtdose, roi)
t2 = time.perf_counter()

result = {
    "volumeCc": float(dvh.volume),
    "meanGy": float(dvh.mean),
    "minGy": float(dvh.min),
    "maxGy": float(dvh.max),
    "d98Gy": float(dvh.statistic("D98").value),
    "d95Gy": float(dvh.statistic("D95").value),
    "d50Gy": float(dvh.statistic("D50").value),
    "d2Gy": float(dvh.statistic("D2").value),
    "importMs": (t1 - t0) * 1000,
    "dvhMs": (t2 - t1) * 1000,
    "version": __import__("dicompylercore").__version__,
}
with open(out, "w") as f:
    f.write(json.dumps(result) + "\n")
print(json.dumps(result))
