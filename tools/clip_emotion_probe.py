"""How much of a clip's emotion its latents hold, read by a classifier trained for it, not by the VAE's emotion table.

    python tools/clip_emotion_probe.py --store fmix --vae NAME=DIR ... [--corpus ravdess]

For every clip of the corpus' train, validation and test speakers (RAVDESS: actors 1-18, 19-21, 22-24): the
speech-weighted mean and standard deviation over the clip (weights 1 - P(silence), as `encode`'s clip emotion) of z_e,
of z_c, and, as a baseline with no learning, of 20 cepstra of the level-normalised log spectrum. A multinomial logistic
regression is fitted on the train speakers, its L2 weight chosen on the validation speakers, and scored on the test
speakers' clips, beside `encode`'s clip emotion (the emotion table's reading). Prints a markdown table.
"""

import argparse, time
import numpy as np
import torch
import torch.nn.functional as F

from disvae.core.audio import FRAMES_PER_VIDEO_FRAME
from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore, split_utterances
from disvae.speech.encode import clip_emotion, table_probs
from disvae.speech.vae import content_latents, load_vae


def weighted_stats(frames: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    "Mean and standard deviation over frames [n, d], each frame weighted by `weight` [n]."
    w = weight / weight.sum().clamp_min(1e-6)
    mean = (frames * w[:, None]).sum(0)
    std = ((frames - mean) ** 2 * w[:, None]).sum(0).sqrt()
    return torch.cat([mean, std])


def cepstra(x: torch.Tensor, n: int = 20) -> torch.Tensor:
    "The first `n` DCT-II coefficients of each frame's level-normalised log magnitude [frames, bins]."
    x = x - x.mean()  # the recording level is one constant on a log scale
    k, m = torch.arange(n, dtype=torch.float32)[:, None], torch.arange(x.shape[1], dtype=torch.float32)[None]
    return x @ torch.cos(np.pi / x.shape[1] * (m + 0.5) * k).T


def clip_features(model, clips: list) -> dict:
    out = {'z_e': [], 'z_c': [], 'cepstra (no learning)': [], 'table': [], 'label': []}
    with torch.no_grad():
        for x, _, emotion in clips:
            z_c, z_e = content_latents(model, x), content_latents(model, x, encoder='emotion')
            viseme_prob, emotion_prob = table_probs(model, z_c, z_e)
            speech = 1 - viseme_prob[:, 0]
            n, k = len(speech), FRAMES_PER_VIDEO_FRAME  # latents are per 25 fps video frame: cepstra averaged to match
            frames = cepstra(x)[: n * k].reshape(n, k, -1).mean(1)
            out['z_e'].append(weighted_stats(z_e, speech))
            out['z_c'].append(weighted_stats(z_c, speech))
            out['cepstra (no learning)'].append(weighted_stats(frames, speech))
            out['table'].append(int(clip_emotion(emotion_prob, viseme_prob).argmax()))
            out['label'].append(emotion)
    return {k: (torch.stack(v) if k not in ('table', 'label') else torch.tensor(v)) for k, v in out.items()}


L2_WEIGHTS = (1e-3, 1e-2, 1e-1, 1.0, 10.0)


def fit_logistic(x, y, n_classes, l2, steps=200):
    w = torch.zeros(x.shape[1], n_classes, requires_grad=True)
    b = torch.zeros(n_classes, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=steps, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(x @ w + b, y) + l2 * (w**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return lambda z: (z @ w + b).argmax(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', required=True)
    ap.add_argument('--vae', nargs='+', required=True, help='NAME=DIR')
    ap.add_argument('--corpus', default='ravdess')
    a = ap.parse_args()
    torch.manual_seed(0)
    t0 = time.perf_counter()
    store = FeatureStore(a.store)
    clips = {s: split_utterances(store, s, corpus=a.corpus) for s in ('train', 'val', 'test')}
    lines = [
        '| VAE | clips train / val / test | `encode` (emotion table) | z_e + classifier | z_c + classifier '
        '| both + classifier | cepstra + classifier |',
        '|---|---|---:|---:|---:|---:|---:|',
    ]
    for name, folder in named_paths(a.vae).items():
        model = load_vae(folder).eval()
        feats = {s: clip_features(model, c) for s, c in clips.items()}
        n_classes = int(max(int(f['label'].max()) for f in feats.values())) + 1
        cells = [f"{100 * float((feats['test']['table'] == feats['test']['label']).float().mean()):.1f}"]
        for f in feats.values():
            f['z_e and z_c'] = torch.cat([f['z_e'], f['z_c']], 1)
        for kind in ('z_e', 'z_c', 'z_e and z_c', 'cepstra (no learning)'):
            mean, std = feats['train'][kind].mean(0), feats['train'][kind].std(0).clamp_min(1e-6)
            norm = {s: (f[kind] - mean) / std for s, f in feats.items()}
            fits = {l2: fit_logistic(norm['train'], feats['train']['label'], n_classes, l2) for l2 in L2_WEIGHTS}
            accuracy = lambda l2, split: float((fits[l2](norm[split]) == feats[split]['label']).float().mean())
            l2 = max(fits, key=lambda l2: (accuracy(l2, 'val'), l2))  # the validation speakers choose
            cells.append(f"{100 * accuracy(l2, 'test'):.1f} (val {100 * accuracy(l2, 'val'):.1f}, L2 {l2:g})")
        counts = ' / '.join(str(len(clips[s])) for s in ('train', 'val', 'test'))
        lines.append(f'| {name} | {counts} | ' + ' | '.join(cells) + ' |')
        print(lines[-1], flush=True)
    labels = feats['test']['label']
    chance = float(torch.bincount(labels).max()) / len(labels)
    print(
        '\n'.join(lines),
        f'\n\nchance (most frequent test emotion) {100 * chance:.1f} %; {time.perf_counter() - t0:.0f} s',
    )


if __name__ == '__main__':
    main()
