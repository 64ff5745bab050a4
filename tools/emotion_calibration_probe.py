"""Would a calibration fitted on held-out speakers make `encode`'s clip emotion right more often, and where would
its gain come from?

    python tools/emotion_calibration_probe.py --store fmix [--vae disvae/assets/vae]

Each frame's emotion log-probabilities (the VAE's emotion table, as `encode` reads them) are calibrated as
softmax(t * log p + b): a temperature t and a bias b per emotion, fitted by the clip-level likelihood of `encode`'s
clip emotion (`clip_emotion`: frames weighted by 1 - P(silence)) on a fitting set of validation speakers. Four fits:
on RAVDESS's validation actors (19-21), with the temperature alone and with the biases; the same with every emotion
weighted alike (a bias that only learns RAVDESS's label frequencies gains nothing from it: calm is folded into neutral,
so neutral is a quarter of its clips); and on RAVDESS's and the synthetic voices' validation speakers together. Each is
scored on both corpora's validation and test speakers, beside the uncalibrated reading. Prints a markdown table (about
100 s on the 2-core CPU).
"""

import argparse, time

import torch
import torch.nn.functional as F

from disvae.corpus.store import FeatureStore, split_utterances
from disvae.speech.encode import table_probs
from disvae.speech.vae import BUNDLED_VAE, content_latents, load_vae


@torch.no_grad()
def frame_readings(model, clips) -> list:
    "[(emotion log-probabilities [n, 6], speech weight [n], label)] per clip, as `encode` computes them."
    out = []
    for x, _, emotion in clips:
        z_c, z_e = content_latents(model, x), content_latents(model, x, encoder='emotion')
        viseme_log_prob, emotion_log_prob = table_probs(model, z_c, z_e, log=True)
        out.append((emotion_log_prob, 1 - viseme_log_prob[:, 0].exp(), emotion))
    return out


def clip_probs(readings, t, b) -> torch.Tensor:
    "Each clip's speech-weighted mean of its calibrated frame probabilities [clips, 6]."
    rows = [(F.softmax(lp * t + b, -1) * w[:, None]).sum(0) / w.sum().clamp_min(1e-6) for lp, w, _ in readings]
    return torch.stack(rows)


def labels(readings) -> torch.Tensor:
    return torch.tensor([e for *_, e in readings])


def fit(readings, balanced: bool = False, bias: bool = True) -> tuple:
    """(t, b) maximising the clips' likelihood of their labels (each emotion weighted alike when `balanced`; b held at 0
    without `bias`)."""
    y = labels(readings)
    weight = 1 / torch.bincount(y, minlength=6).float().clamp_min(1) if balanced else None
    b, log_t = torch.zeros(6, requires_grad=True), torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([b, log_t] if bias else [log_t], max_iter=100, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = F.nll_loss(clip_probs(readings, log_t.exp(), b).clamp_min(1e-9).log(), y, weight=weight)
        loss.backward()
        return loss

    opt.step(closure)
    return log_t.exp().detach(), b.detach()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', required=True)
    ap.add_argument('--vae', default=str(BUNDLED_VAE))
    a = ap.parse_args()
    t0 = time.perf_counter()
    model, store = load_vae(a.vae).eval(), FeatureStore(a.store)
    sets = {
        (corpus, split): frame_readings(model, split_utterances(store, split, corpus=corpus))
        for corpus in ('ravdess', 'synth')
        for split in ('val', 'test')
    }
    accuracy = lambda key, t, b: (
        100 * float((clip_probs(sets[key], t, b).argmax(1) == labels(sets[key])).float().mean())
    )
    fits = {
        'none (`encode` today)': (torch.ones(1), torch.zeros(6)),
        'RAVDESS validation actors, temperature alone': fit(sets['ravdess', 'val'], bias=False),
        'RAVDESS validation actors': fit(sets['ravdess', 'val']),
        'RAVDESS validation actors, emotions weighted alike': fit(sets['ravdess', 'val'], balanced=True),
        'RAVDESS + synthetic validation speakers': fit(sets['ravdess', 'val'] + sets['synth', 'val']),
    }
    columns = ' | '.join(f'{c} {s}' for c, s in sets)
    print(f'| calibration fitted on | t | b (NEU HAP SAD ANG FEA DIS) | {columns} |')
    print('|---|---:|---|' + '---:|' * len(sets))
    for name, (t, b) in fits.items():
        cells = ' | '.join(f'{accuracy(key, t, b):.1f}' for key in sets)
        print(f"| {name} | {t.item():.2f} | {' '.join(f'{v:+.2f}' for v in b.tolist())} | {cells} |")
    for key in (
        ('ravdess', 'val'),
        ('ravdess', 'test'),
    ):  # where the uncalibrated reading errs: rows true, columns read
        confusion = torch.zeros(6, 6, dtype=torch.long)
        for true, read in zip(labels(sets[key]), clip_probs(sets[key], torch.ones(1), torch.zeros(6)).argmax(1)):
            confusion[true, read] += 1
        print(f'\n{key[0]} {key[1]}, uncalibrated (rows: the label, columns: the reading; NEU HAP SAD ANG FEA DIS)')
        print(confusion.numpy())
    counts = ', '.join(f'{c} {s} {len(r)}' for (c, s), r in sets.items())
    print(f'\nclips: {counts}; {time.perf_counter() - t0:.0f} s')


if __name__ == '__main__':
    main()
