"""`disvae animate` end to end (load, detect, encode, generate on its own frames, paste back, write the mp4) at several
crop sizes, as a real-time factor (seconds of speech / wall seconds; above 1 is faster than real time), with peak
memory.

    python bench/animate.py [--sizes 128 256] [--repeats 2] [--json out.json]

(on the CPU: `animate` has no device option)

The face is the bundled 256 px demo photo and the speech the bundled 3.4 s sentence. Speed does not depend on the
weights, so each size uses an untrained generator of the shape `disvae train-gan --size S` builds (depth 4, width 32),
beside the bundled VAE. The named baseline in the same run is the bundled demo animator (64 px). Each figure is the best
of `--repeats` runs after one warm-up. Peak memory is the process's peak RSS (it only grows across rows, so rows run
smallest first).
"""

import argparse, json, os, platform, resource, shutil, tempfile, time
from pathlib import Path
import torch

from disvae.apps.animate import DEMO, animate
from disvae.heads.gan.generator import UNetGenerator, GeneratorConfig
from disvae.heads.gan.head import save_talking_head


def untrained_animator(size, folder):
    "A talking-head folder with an untrained generator at `size` and the bundled VAE, in the one checkpoint format."
    gen = UNetGenerator(GeneratorConfig(size=size, depth=4, base=32))
    return save_talking_head(
        folder, gen, train=dict(vae='vae', size=size, depth=4, base=32), parts=dict(vae=DEMO / 'animator' / 'vae')
    )


def time_animate(checkpoint, repeats, tmp):
    best = None
    for k in range(repeats + 1):  # the first run warms up caches and lazy imports
        info = animate(
            DEMO / 'face.png', DEMO / 'speech.wav', tmp / 'out.mp4', checkpoint, overwrite=True, progress=False
        )
        if k and (best is None or info['wall'] < best['wall']):
            best = info
    return best


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--sizes', type=int, nargs='+', default=[128, 256])
    p.add_argument('--repeats', type=int, default=2)
    p.add_argument('--json', default=None)
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp())
    rows = []
    for name, checkpoint in [('bundled demo (64 px, baseline)', DEMO / 'animator')] + [
        (f'{s} px', untrained_animator(s, tmp / f'g{s}')) for s in sorted(a.sizes)
    ]:
        info = time_animate(checkpoint, a.repeats, tmp)
        rows.append(
            dict(
                animator=name,
                seconds_of_speech=round(info['seconds'], 2),
                wall_s=round(info['wall'], 2),
                realtime=round(info['realtime'], 2),
                peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            )
        )
        print(rows[-1], flush=True)
    meta = dict(
        machine=platform.machine(), cpus=os.cpu_count(), torch=torch.__version__, threads=torch.get_num_threads()
    )
    print('| animator | speech | wall | × real time | peak RSS |\n|---|---:|---:|---:|---:|')
    for r in rows:
        print(
            f"| {r['animator']} | {r['seconds_of_speech']} s | {r['wall_s']} s | {r['realtime']}× | "
            f"{r['peak_rss_mb'] / 1024:.1f} GB |"
        )
    if a.json:
        Path(a.json).write_text(json.dumps(dict(meta=meta, rows=rows), indent=1))
    shutil.rmtree(tmp)
