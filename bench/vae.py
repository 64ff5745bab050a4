"""VAE speed: training throughput (segments/s) and encoding speed (real-time factor), at the paper's sizes.

    python bench/vae.py [--device cpu|cuda] [--steps 10] [--json out.json] [--contexts 100:1 200:4 ...]

Training: forward + backward + Adam step of the full eq. 6 objective on batches of 20 x 200 segments, at batch 64 and
256. Encoding: `disvae.speech.vae.encode` (all video frames of an utterance in one batch) against the baseline of
encoding one video frame at a time, on 10 s of speech. Real-time factor = audio seconds / wall seconds (higher is
faster).

`--contexts C:P ...`: training throughput at batch 128 with the emotion encoder hearing C frames each side of a segment,
read as means of P frames (`VAEConfig.emotion_context`, `emotion_pool`), beside the paper's window (0:1); with it only
these rows run. The emotion encoder's LSTM runs (T + 2C) / P steps a segment (T = 20), rounded up.
"""

import argparse, json, os, platform, time
from pathlib import Path
import numpy as np
import torch

from disvae.speech.vae import VAEConfig, DisentangledVAE, encode
from disvae.speech.losses import vae_loss
from disvae.core.audio import SAMPLE_RATE, log_spectrogram, video_segments, num_video_frames


def sync(device):
    if device.type == 'cuda':
        torch.cuda.synchronize()


def train_throughput(device, batch, steps, n_sequences=1684, context=0, pool=1):
    config = VAEConfig(n_sequences=n_sequences, emotion_context=context, emotion_pool=pool)
    model = DisentangledVAE(config).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(batch, config.window, 200, generator=g).to(device)
    v, e = torch.randint(0, 21, (batch,), generator=g).to(device), torch.randint(0, 6, (batch,), generator=g).to(device)
    s = torch.randint(0, n_sequences, (batch,), generator=g).to(device)
    n = torch.full((batch,), 150.0, device=device)

    def step():
        loss, _, _ = vae_loss(model, x, v, e, s, n)
        opt.zero_grad()
        loss.backward()
        opt.step()

    step()
    step()
    sync(device)  # warm-up
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    sync(device)
    return batch * steps / (time.perf_counter() - t0)


@torch.no_grad()
def encode_speed(device, seconds=10.0, repeat=3):
    model = DisentangledVAE(VAEConfig(n_sequences=1)).to(device).eval()
    rng = np.random.default_rng(0)
    wave = (0.1 * rng.standard_normal(int(seconds * SAMPLE_RATE))).astype(np.float32)

    def batched():
        encode(model, wave, SAMPLE_RATE)
        sync(device)

    def one_frame_at_a_time():
        feats = (log_spectrogram(torch.from_numpy(wave).to(device)) - model.feature_mean) / model.feature_std
        segs = video_segments(feats, num_video_frames(len(wave)))
        for k in range(len(segs)):
            model.content_encoder(segs[k : k + 1])
        sync(device)

    out = {}
    for name, fn in (('encode_batched', batched), ('baseline_one_frame_at_a_time', one_frame_at_a_time)):
        fn()
        best = float('inf')
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        out[name] = seconds / best
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--steps', type=int, default=10)
    ap.add_argument('--json')
    ap.add_argument('--contexts', nargs='*', help='C:P windows of the emotion encoder (frames each side : pooled by)')
    a = ap.parse_args()
    device = torch.device(a.device)
    name = (
        torch.cuda.get_device_name()
        if device.type == 'cuda'
        else f'{platform.machine()} CPU, {os.cpu_count()} cores, {torch.get_num_threads()} threads'
    )
    r = dict(
        device=name,
        torch=torch.__version__,
        parameters_millions=round(
            sum(p.numel() for p in DisentangledVAE(VAEConfig(n_sequences=1684)).parameters()) / 1e6, 2
        ),
    )
    if a.contexts:
        for context, pool in [(0, 1)] + [tuple(int(v) for v in c.split(':')) for c in a.contexts]:
            speed = train_throughput(device, 128, a.steps, context=context, pool=pool)
            r[f'train_segments_per_s_batch128_context{context}_pool{pool}'] = speed
            steps = -(-VAEConfig(emotion_context=context).window // pool)  # the pooled LSTM's steps (ceil)
            print(f'context {context}, pool {pool}: {steps} emotion steps, {speed:.1f} segments/s', flush=True)
    else:
        for batch in (64, 256):
            r[f'train_segments_per_s_batch{batch}'] = train_throughput(device, batch, a.steps)
        r |= {f'{k}_real_time_factor': v for k, v in encode_speed(device).items()}
    print(
        f"{name}; torch {r['torch']}; {r['parameters_millions']} M parameters (paper sizes, 1,684 training sequences)"
    )
    for k, v in r.items():
        if isinstance(v, float) and k != 'parameters_millions':
            print(f'| {k} | {v:,.1f} |')
    if a.json:
        Path(a.json).write_text(json.dumps(r, indent=1))


if __name__ == '__main__':
    main()
