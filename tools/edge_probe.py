"""Why a pause after the speech moves z_e: what the encoders hear beyond the recording's edge.

    python tools/edge_probe.py --store fmix [--split val] [--limit N] [--vae disvae/assets/vae]

`frame_windows` (`02_core.audio`) fills a window's frames beyond the recording with log(LOG_FLOOR), after the
features are level-normalised and standardised: about -11.5 standard deviations, a value no recorded frame has (digital
silence standardises to about -0.6 to -1.9). The emotion encoder hears 3 s either side, so on a RAVDESS clip every
segment hears the edge, and 6 s of silence after the clip replaces the edge's value by silence's. For each RAVDESS clip
of the split, alone and with 6 s of digital silence after it: the mean distance between z_e of the clip's frames read
both ways, and `encode`'s clip emotion right, with the edge filled as now and as silence (level-normalised silence,
standardised). The bundled VAE learned with the edge as now. Prints a markdown table (about 5 min on the 2-core CPU).
"""

import argparse, time

import numpy as np
import torch

import disvae.core.audio as audio
from disvae.core.audio import LEVEL_FLOOR, SAMPLE_RATE, log_spectrogram
from disvae.corpus.store import FeatureStore, decoded_audio, split_rows
from disvae.speech.encode import clip_emotion, table_probs
from disvae.speech.vae import BUNDLED_VAE, content_latents, load_vae

AS_NOW = audio.frame_windows


def windows_filled_with(value: torch.Tensor):
    "`frame_windows` with the frames beyond the recording set to `value` [dim]."

    def frame_windows(features, starts, length):
        x = torch.as_tensor(features)
        idx = torch.as_tensor(np.asarray(starts), dtype=torch.long)[:, None] + torch.arange(length)
        windows = x[idx.clamp(0, max(x.shape[0] - 1, 0))]
        windows[(idx < 0) | (idx >= x.shape[0])] = value
        return windows

    return frame_windows


@torch.no_grad()
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', required=True, help='the mix store (its RAVDESS clips)')
    ap.add_argument('--split', default='val', help="RAVDESS's actors: val (19-21) or test (22-24)")
    ap.add_argument('--vae', default=str(BUNDLED_VAE))
    ap.add_argument('--limit', type=int, default=None)
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = load_vae(a.vae).eval()
    store = FeatureStore(a.store)
    rows = split_rows(store, a.split, 'ravdess')[: a.limit]
    silence = (LEVEL_FLOOR - model.feature_mean) / model.feature_std  # digital silence as the encoders hear it
    edges = {'as now (log LOG_FLOOR, standardised)': AS_NOW, 'silence': windows_filled_with(silence)}
    right, moved = {e: [] for e in edges}, {e: [] for e in edges}
    for r in rows:
        u = store.utterances.iloc[int(r)]
        wave = decoded_audio(u.audio)
        alone = log_spectrogram(wave)
        paused = log_spectrogram(np.concatenate([wave, np.zeros(6 * SAMPLE_RATE, np.float32)]))
        n = (alone.shape[0] - 1) // 4
        for edge, frame_windows in edges.items():
            audio.frame_windows = frame_windows  # what `video_segments` reads, for both encoders
            z_c, z_e = content_latents(model, alone), content_latents(model, alone, encoder='emotion')
            viseme_prob, emotion_prob = table_probs(model, z_c, z_e)
            right[edge].append(int(clip_emotion(emotion_prob, viseme_prob).argmax()) == int(u.emotion_index))
            z_e_paused = content_latents(model, paused, encoder='emotion')[:n]
            moved[edge].append((z_e - z_e_paused).norm(dim=-1).mean().item())
        audio.frame_windows = AS_NOW
    print(
        f'| beyond the edge | RAVDESS {a.split}: clip emotion right | z_e moved by 6 s of silence after (mean dist.) |'
    )
    print('|---|---:|---:|')
    for edge in edges:
        print(f'| {edge} | {100 * np.mean(right[edge]):.1f} | {np.mean(moved[edge]):.3f} |')
    spread = lambda: (
        torch.stack(
            [
                content_latents(
                    model, log_spectrogram(decoded_audio(store.utterances.iloc[int(r)].audio)), encoder='emotion'
                ).mean(0)
                for r in rows[:20]
            ]
        )
        .std(0)
        .norm()
        .item()
    )
    print(
        f'\nfor scale: the spread of clip-mean z_e between clips {spread():.3f}; silence standardised '
        f'{silence.min().item():.2f} to {silence.max().item():.2f}'
    )
    print(f'RAVDESS {a.split} clips {len(rows)}; {time.perf_counter() - t0:.0f} s')


if __name__ == '__main__':
    main()
