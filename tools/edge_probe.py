"""Why a pause after the speech moves z_e: what the encoders hear beyond the recording's edge.

    python tools/edge_probe.py --store fmix [--split val] [--limit N] [--vae disvae/assets/vae]

A VAE trained before `VAEConfig.edge_silence` fills a window's frames beyond the recording with log(LOG_FLOOR),
after the features are level-normalised and standardised: about -11.5 standard deviations, a value no recorded frame
has (digital silence standardises to about -0.6 to -1.9). The emotion encoder hears 3 s either side, so on a RAVDESS
clip every segment hears the edge, and 6 s of silence after the clip replaces the edge's value by silence's. For each
RAVDESS clip of the split, alone and with 6 s of digital silence after it: the mean distance between z_e of the clip's
frames read both ways, and `encode`'s clip emotion right, with the edge filled as the VAE learned it and as silence
(`edge_silence`: level-normalised silence, standardised; `DisentangledVAE.edge_fill`). Prints a markdown table (about
5 min on the 2-core CPU).
"""

import argparse, time

import numpy as np
import torch

from disvae.core.audio import SAMPLE_RATE, log_spectrogram
from disvae.corpus.store import FeatureStore, decoded_audio, split_rows
from disvae.speech.encode import clip_emotion, table_probs
from disvae.speech.vae import BUNDLED_VAE, content_latents, load_vae


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
    learned = model.config.edge_silence
    edges = {f'as the VAE learned it (edge_silence={learned})': learned, 'silence (edge_silence=True)': True}
    right, moved = {e: [] for e in edges}, {e: [] for e in edges}
    for r in rows:
        u = store.utterances.iloc[int(r)]
        wave = decoded_audio(u.audio)
        alone = log_spectrogram(wave)
        paused = log_spectrogram(np.concatenate([wave, np.zeros(6 * SAMPLE_RATE, np.float32)]))
        n = (alone.shape[0] - 1) // 4
        for edge, silence in edges.items():
            model.config.edge_silence = silence  # what both encoders hear beyond the recording (`edge_fill`)
            z_c, z_e = content_latents(model, alone), content_latents(model, alone, encoder='emotion')
            viseme_prob, emotion_prob = table_probs(model, z_c, z_e)
            right[edge].append(int(clip_emotion(emotion_prob, viseme_prob).argmax()) == int(u.emotion_index))
            z_e_paused = content_latents(model, paused, encoder='emotion')[:n]
            moved[edge].append((z_e - z_e_paused).norm(dim=-1).mean().item())
        model.config.edge_silence = learned
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
    model.config.edge_silence = True
    silence = model.edge_fill()
    model.config.edge_silence = learned
    print(
        f'\nfor scale: the spread of clip-mean z_e between clips {spread():.3f}; silence standardised '
        f'{silence.min().item():.2f} to {silence.max().item():.2f}'
    )
    print(f'RAVDESS {a.split} clips {len(rows)}; {time.perf_counter() - t0:.0f} s')


if __name__ == '__main__':
    main()
