"""Peak memory of `disvae animate` against the length of the audio: frames streamed to the mp4 writer (what `animate`
does now) against all frames held, then written (what it did before: `animate_frames`, then `write_video_with_audio`),
in the same run.

    python bench/animate_memory.py [--seconds 10 40] [--size 1024] [--json out.json]

The face is the bundled demo photo resized to `--size` px square, the speech the bundled sentence repeated to each
length, the weights the bundled demo animator (the GAN head; `bench/animate_heads.py` measures the parametric head
against it). Each row runs in its own process and reports its own peak RSS (getrusage RUSAGE_SELF).
"""

import argparse, json, os, platform, subprocess, sys, tempfile
from pathlib import Path

CHILD = r'''
import sys, time, numpy as np, soundfile as sf
from PIL import Image
from disvae.apps.animate import DEMO, animate, animate_frames
from disvae.core.audio import SAMPLE_RATE, load_audio, write_video_with_audio
mode, seconds, size, tmp = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
Image.open(DEMO / 'face.png').convert('RGB').resize((size, size), Image.LANCZOS).save(f'{tmp}/face.png')
speech = load_audio(DEMO / 'speech.wav')
sf.write(f'{tmp}/speech.wav', np.resize(speech, int(seconds * SAMPLE_RATE)), SAMPLE_RATE)
t0 = time.perf_counter()
if mode == 'stream':
    animate(f'{tmp}/face.png', f'{tmp}/speech.wav', f'{tmp}/out.mp4', overwrite=True, progress=False, head='gan')
else:
    r = animate_frames(f'{tmp}/face.png', f'{tmp}/speech.wav', progress=False, head='gan')
    write_video_with_audio(f'{tmp}/out.mp4', r['frames'], r['wave'], SAMPLE_RATE)
import resource
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # its own peak RSS, in KiB
'''


def run(mode, seconds, size):
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, '-c', CHILD, mode, str(seconds), str(size), tmp], capture_output=True, text=True
        )
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        wall, peak_kib = out.stdout.split()[-2:]
        return dict(mode=mode, seconds=seconds, size=size, wall=float(wall), peak_gb=int(peak_kib) / 2**20)


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--seconds', type=float, nargs='+', default=[10, 40])
    p.add_argument('--size', type=int, default=1024)
    p.add_argument('--json', default=None)
    a = p.parse_args()
    rows = []
    for mode in ('stream', 'held'):
        for s in sorted(a.seconds):
            rows.append(run(mode, s, a.size))
            r = rows[-1]
            print(
                f"{r['mode']:6s} {r['seconds']:5.0f} s of speech at {r['size']} px: wall {r['wall']:.1f} s, "
                f"{r['seconds'] / r['wall']:.2f}x real time, peak RSS {r['peak_gb']:.2f} GB",
                flush=True,
            )
    info = dict(machine=f'{platform.machine()}, {os.cpu_count()} cores', rows=rows)
    if a.json:
        Path(a.json).write_text(json.dumps(info, indent=1))
