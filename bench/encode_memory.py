"""Peak memory of `disvae encode` against the length of the audio: the code here against the code at `--before` (a git
revision; by default the last one that built every segment of the recording at once), in the same run.

    python bench/encode_memory.py [--minutes 1 10 30] [--before c2d5a87] [--rate 44100 --channels 2] [--json out.json]

The speech is the bundled sentence repeated to each length (a 16 kHz wav, written by a process of its own); each row
runs `encode_file` with the bundled VAE in its own process and reports that process's peak RSS (getrusage RUSAGE_SELF)
and wall time.
"""

import argparse, json, os, platform, subprocess, sys, tempfile
from pathlib import Path

MAKE = r'''
import sys, numpy as np, soundfile as sf
from disvae.core.checkpoint import DEMO
from disvae.core.audio import SAMPLE_RATE, load_audio
minutes, tmp, rate, channels = float(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wave = np.resize(load_audio(DEMO / 'speech.wav', rate), int(minutes * 60 * rate))
sf.write(f'{tmp}/speech.wav', np.stack([wave] * channels, 1), rate)
'''

CHILD = r'''
import sys, time, resource
try:  # what every verb of the command line sets (a revision before it had none)
    from disvae.core.command import steady_memory
    steady_memory()
except ImportError:
    pass
from disvae.speech.encode import encode_file
minutes, tmp = float(sys.argv[1]), sys.argv[2]
t0 = time.perf_counter()
info = encode_file(f'{tmp}/speech.wav', f'{tmp}/out.npz', overwrite=True)
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, info['frames'])
'''


def run(minutes: float, pythonpath: str | None, rate: int = 16000, channels: int = 1) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, **({'PYTHONPATH': pythonpath} if pythonpath else {}))
        # the wav is written by a process of its own: the measured one holds nothing but what encode does
        subprocess.run([sys.executable, '-c', MAKE, str(minutes), tmp, str(rate), str(channels)], check=True, cwd=tmp)
        out = subprocess.run(  # run in tmp: with -c the current folder comes before PYTHONPATH
            [sys.executable, '-c', CHILD, str(minutes), tmp], capture_output=True, text=True, env=env, cwd=tmp
        )
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        wall, peak_kib, frames = out.stdout.split()[-3:]
        return dict(minutes=minutes, wall=float(wall), peak_gb=int(peak_kib) / 2**20, frames=int(frames))


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--minutes', type=float, nargs='+', default=[1, 10, 30])
    p.add_argument('--before', default='c2d5a87')
    p.add_argument('--json', default=None)
    p.add_argument('--rate', type=int, default=16000, help='the wav\'s sample rate (encode resamples it to 16 kHz)')
    p.add_argument('--channels', type=int, default=1)
    a = p.parse_args()
    root = Path(__file__).resolve().parents[1]
    rows = []
    with tempfile.TemporaryDirectory() as old:
        archive = subprocess.run(
            ['git', '-C', str(root), 'archive', a.before, 'disvae'], check=True, capture_output=True
        )
        subprocess.run(['tar', '-x', '-C', old], input=archive.stdout, check=True)
        for minutes in a.minutes:
            for name, path in ((f'before ({a.before})', old), ('now', None)):
                r = dict(code=name, rate=a.rate, channels=a.channels, **run(minutes, path, a.rate, a.channels))
                rows.append(r)
                print(
                    f"{name:18s} {minutes:5.1f} min: peak RSS {r['peak_gb']:.2f} GB, {r['wall']:.1f} s "
                    f"({minutes * 60 / r['wall']:.0f}x real time), {r['frames']} frames",
                    flush=True,
                )
    if a.json:
        Path(a.json).write_text(
            json.dumps(dict(machine=f'{platform.machine()}, {os.cpu_count()} cores', rows=rows), indent=1)
        )
