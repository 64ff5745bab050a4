"""`disvae encode`'s speed for one VAE against another: `represent` (both encoders, every 25 fps video frame) on the 12
clips of data/real_speech joined (40.5 s), on one thread, each VAE twice in turn after a warm-up.

    python bench/encode_speed.py NAME=DIR NAME=DIR ...      # e.g. "before=runs/vae-warp/best" bundled=disvae/assets/vae

The emotion encoder reads its segment and `emotion_context` frames either side (`VAEConfig.window`), so its share of
the time grows with the context; the content encoder (what `animate` runs) reads the 20-frame segment alone.
"""

import argparse, time
from pathlib import Path

import numpy as np
import torch

from disvae.core.audio import SAMPLE_RATE, load_audio
from disvae.core.command import named_paths
from disvae.speech.encode import represent
from disvae.speech.vae import load_vae

ROOT = Path(__file__).resolve().parent.parent

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('vae', nargs='+', help='NAME=DIR')
    a = p.parse_args()
    torch.set_num_threads(1)
    wave = np.concatenate([load_audio(c) for c in sorted((ROOT / 'data' / 'real_speech').glob('*.wav'))])
    seconds = len(wave) / SAMPLE_RATE
    models = {name: load_vae(path) for name, path in named_paths(a.vae).items()}
    times = {name: [] for name in models}
    for name, model in models.items():
        represent(model, wave[: 5 * SAMPLE_RATE], SAMPLE_RATE)  # warm-up
    for _ in range(2):
        for name, model in models.items():
            t = time.perf_counter()
            represent(model, wave, SAMPLE_RATE)
            times[name].append(time.perf_counter() - t)
    print(f'{seconds:.1f} s of speech, one thread')
    for name, model in models.items():
        best = min(times[name])
        print(
            f'{name}: emotion context {model.config.emotion_context} frames, '
            f'{best:.2f} s ({seconds / best:.1f}x real time; runs {", ".join(f"{t:.2f}" for t in times[name])})'
        )
