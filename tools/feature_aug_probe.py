"""Feature-level augmentation probed with the MFCC network: does warping the frequency axis (VTLP) or masking bands
(SpecAugment's frequency masks) help it read real speech? (issue 22's ablation of augmentations, on the fast probe)

    python tools/feature_aug_probe.py --store MIX_STORE --real REAL_STORE --out DIR --variant NAME[:vtlp=R][:mask=W] ...
    python tools/feature_aug_probe.py --out DIR --table            # the variants measured so far, as markdown

Each variant trains the MFCC network as `disvae train-baseline MIX_STORE --level-norm --cmvn --shift 20 --warp R
--mask-bands W` does (same model, batch 256, Adam 1e-3; no noise): each training segment warped by a factor drawn
uniformly from 1 ± R (`disvae.core.channel.warp_frequencies`: formants moved as by a vocal tract 1/factor as long)
and given two frequency masks up to W bins wide (`mask_bands`). After every epoch: viseme accuracy on the mix's
validation split and on the speech frames of `data/real_speech` (`disvae real-speech`, every second frame, clean and
white noise at -30 dB). Writes DIR/NAME.json; one variant runs on one thread, run two invocations to use two cores.
"""

import argparse, json, time
from pathlib import Path
import numpy as np
import torch
import torch.nn.functional as F

from disvae.core.channel import augment_features
from disvae.corpus.store import FeatureStore, split_rows
from disvae.speech.baseline import MFCCBaseline, BaselineConfig
from disvae.speech.conditioner import utterance_normaliser
from disvae.speech.evaluate import baseline_viseme_classifier, real_speech_accuracy
from disvae.speech.train_baseline import _segments, _utterance_log_magnitudes, baseline_accuracy


def parse_variant(text: str) -> dict:
    name, *opts = text.split(':')
    v = dict(name=name, vtlp=0.0, mask=0)
    for o in opts:
        k, val = o.split('=')
        if k not in ('vtlp', 'mask'):
            raise SystemExit(f'unknown option {k!r} in variant {text!r}: vtlp=R or mask=W')
        v[k] = float(val) if k == 'vtlp' else int(val)
    return v


def train_variant(v: dict, store: FeatureStore, real: FeatureStore, epochs: int, out: Path, seed: int = 0):
    config = BaselineConfig(width=16, embed_dim=32, augment=False, level_norm=True, cmvn=True)
    torch.manual_seed(seed)
    model, normalise = MFCCBaseline(config), utterance_normaliser(config)
    rows, val_rows = split_rows(store, 'train'), split_rows(store, 'val')
    clean = _utterance_log_magnitudes(store, rows, normalise=normalise)
    mfcc = torch.cat([model.mfcc(c) for c in clean])
    model.mfcc_mean.copy_(mfcc.mean(0))
    model.mfcc_std.copy_(mfcc.std(0).clamp_min(1e-3))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    labels = np.concatenate([np.asarray(store.utterance(int(r))[1], np.int64) for r in rows])
    val_lm = _utterance_log_magnitudes(store, val_rows, normalise=normalise)
    val_labels = [np.asarray(store.utterance(int(r))[1], np.int64) for r in val_rows]
    n_frames, seg = store.utterances.n_frames.values[rows], config.seg_len
    pairs = _segments(n_frames, seg, 20)
    frames, offsets = torch.cat(clean), np.concatenate([[0], np.cumsum(n_frames)[:-1]])
    starts = torch.as_tensor(offsets[pairs[:, 0]] + pairs[:, 1])
    targets = torch.as_tensor(labels[offsets[pairs[:, 0]] + pairs[:, 1] + seg // 2])
    history = []
    for epoch in range(epochs):
        g = torch.Generator().manual_seed(seed * 100_003 + epoch)
        order, t0 = torch.randperm(len(pairs), generator=g), time.perf_counter()
        model.train()
        for step in range(len(pairs) // 256):
            idx = order[step * 256 : (step + 1) * 256]
            x = frames[starts[idx, None] + torch.arange(seg)]
            x, _ = augment_features(x, v['vtlp'], v['mask'], g)  # as `train-baseline --warp --mask-bands` does
            loss = F.cross_entropy(model(x)[1], targets[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        on_real = real_speech_accuracy({v['name']: baseline_viseme_classifier(model)}, real, shift=2)
        history.append(
            dict(
                epoch=epoch + 1,
                val=baseline_accuracy(model, val_lm, val_labels),
                real=float(on_real.loc[v['name'], 'clean']),
                real_30db=float(on_real.loc[v['name'], '-30 dB']),
                seconds=time.perf_counter() - t0,
            )
        )
        print(v['name'], history[-1], flush=True)
        (out / f"{v['name']}.json").write_text(json.dumps(dict(variant=v, history=history), indent=1))


def table(out: Path, last: int = 5) -> str:
    lines = [
        f'| variant | epochs | real speech, mean of the last {last} epochs (range) | at the best validation epoch | '
        f'-30 dB white, mean of the last {last} | validation, last |',
        '|---|---:|---:|---:|---:|---:|',
    ]
    for f in sorted(out.glob('*.json')):
        r = json.loads(f.read_text())
        h, v = r['history'], r['variant']
        tail = h[-last:]
        real = [100 * e['real'] for e in tail]
        best = max(h, key=lambda e: e['val'])
        label = (
            v['name']
            + (f" (VTLP ± {v['vtlp']:g})" if v['vtlp'] else '')
            + (f", masks ≤ {v['mask']} bins" if v['mask'] else '')
        )
        lines.append(
            f"| {label} | {len(h)} | {np.mean(real):.1f} ({min(real):.1f}–{max(real):.1f}) | "
            f"{100 * best['real']:.1f} (epoch {best['epoch']}) | {100 * np.mean([e['real_30db'] for e in tail]):.1f} | "
            f"{100 * h[-1]['val']:.1f} |"
        )
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', help='the training mix (disvae prepare mix)')
    ap.add_argument('--real', help='the real-speech store (disvae real-speech)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--variant', nargs='*', default=[], help='NAME[:vtlp=R][:mask=W], e.g. plain vtlp:vtlp=0.1')
    ap.add_argument('--epochs', type=int, default=10)
    ap.add_argument('--table', action='store_true', help='print the variants measured in --out')
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    if a.variant:
        if not (a.store and a.real):
            raise SystemExit('--store and --real are needed to train variants')
        store, real = FeatureStore(a.store), FeatureStore(a.real)
        for text in a.variant:
            train_variant(parse_variant(text), store, real, a.epochs, out)
    if a.table or a.variant:
        print(table(out))


if __name__ == '__main__':
    main()
