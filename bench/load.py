"""What loading the bundled parametric head costs (`MouthHead.from_folder`: the mouth model and the VAE it reads), each
load in a fresh process, against the same load with the VAE's prior tables sampled on the meta device as before
2026-12-03 (the named baseline, patched in, in the same run):

    python bench/load.py [--repeats 5]

`build_model` builds every checkpoint's model on PyTorch's meta device first to check its size; sampling a normal tensor
there runs PyTorch's Python decompositions (about 2 s the first time in a process). Prints the median and range of each.
"""

import argparse, statistics, subprocess, sys

CHILD = r'''
import sys, time, math, torch
from torch import nn
import disvae.speech.vae as vae
if sys.argv[1] == 'before':  # the tables as they were built before: randn * std, sampled on meta too
    vae.gaussian_table = lambda rows, dim, var: nn.Parameter(torch.randn(rows, dim) * math.sqrt(var))
from disvae.heads.parametric.motion import MouthHead, BUNDLED_MOUTH
t = time.perf_counter()
MouthHead.from_folder(BUNDLED_MOUTH)
print(time.perf_counter() - t)
'''

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=5)
    a = p.parse_args()
    times = {'before': [], 'now': []}
    for _ in range(a.repeats):
        for k in times:  # interleaved, so load on the machine falls on both alike
            out = subprocess.run([sys.executable, '-c', CHILD, k], capture_output=True, text=True, check=True)
            times[k].append(float(out.stdout.split()[-1]))
    for k, v in times.items():
        print(
            f'{k:>6}: median {statistics.median(v):.2f} s (range {min(v):.2f}-{max(v):.2f} s, {len(v)} fresh processes)'
        )
