"""Does validation track real speech? For the checkpoints of one run (its epochs, in order), each validation corpus'
viseme accuracy beside z_c's accuracy on the speech frames of `data/real_speech`, their correlations, and the epoch each
validation rule would keep.

    python tools/validation_vs_real.py --store MIX_STORE --real REAL_STORE --vae NAME=DIR ... \\
        [--corpus synth ravdess fsdd]

A run keeps the epoch its validation scores best (`--val-corpora`: segments of those corpora pooled); this asks
whether another choice of validation corpora would have kept epochs that read real speech better. `data/real_speech`
measures the rules here and chooses no weights; a rule chosen by it would need confirming on other real speech before
it is adopted. Validation reads every `--shift`th segment (20, as the runs did); real speech every second frame (as
`real_quick.py`).
"""

import argparse, json
import numpy as np
import torch

from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore
from disvae.speech.evaluate import real_speech_accuracy, table_viseme_classifier
from disvae.speech.vae import load_vae
from validation_by_corpus import corpus_validation  # tools/ beside it


def rank(x) -> np.ndarray:
    "Ranks 0..n-1 (ties broken by order): for Spearman's correlation."
    return np.argsort(np.argsort(x, kind='stable'), kind='stable').astype(float)


def correlations(real: np.ndarray, score: np.ndarray) -> tuple:
    "Pearson and Spearman correlation of two series."
    return float(np.corrcoef(real, score)[0, 1]), float(np.corrcoef(rank(real), rank(score))[0, 1])


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--store', required=True, help='the training mix store')
    p.add_argument('--real', required=True, help='a real-speech store (disvae real-speech)')
    p.add_argument('--corpus', nargs='+', default=['synth', 'ravdess', 'fsdd'])
    p.add_argument('--vae', nargs='+', required=True, help='NAME=DIR, one per epoch, in order')
    p.add_argument('--shift', type=int, default=20)
    p.add_argument('--json', help='write every figure here')
    a = p.parse_args()
    torch.set_num_threads(1)
    store, real_store = FeatureStore(a.store), FeatureStore(a.real)
    models = {name: load_vae(path) for name, path in named_paths(a.vae).items()}
    # every checkpoint's z_c in one pass over the real clips
    heads = {name: table_viseme_classifier(model) for name, model in models.items()}
    real_speech = real_speech_accuracy(heads, real_store, {'clean': None}, shift=2)
    rows = []
    for name, model in models.items():
        row = dict(name=name, real=100 * float(real_speech.loc[name, 'clean']))
        for corpus in a.corpus:
            v = corpus_validation(model, store, corpus, a.shift)
            row[corpus], row[f'{corpus} segments'] = 100 * v['val_viseme_accuracy'], v['segments']
        print(name, ' '.join(f'{k} {row[k]:.1f}' for k in [*a.corpus, 'real']), flush=True)
        rows.append(row)
    real = np.array([r['real'] for r in rows])
    pooled = lambda names: np.array(  # segments of these corpora pooled, as a run's --val-corpora validates
        [sum(r[n] * r[f'{n} segments'] for n in names) / sum(r[f'{n} segments'] for n in names) for r in rows]
    )
    alone = {n: np.array([r[n] for r in rows]) for n in a.corpus}
    rules = {f'{n} alone': score for n, score in alone.items()}
    rules['synth + ravdess pooled (the runs\' rule, visemes only)'] = pooled(['synth', 'ravdess'])
    rules['all pooled'] = pooled(a.corpus)
    rules['mean of the corpora'] = np.mean(list(alone.values()), axis=0)
    print(
        f'\n{len(rows)} checkpoints; real speech {real.min():.1f}-{real.max():.1f} %',
        f'(best {rows[real.argmax()]["name"]})',
    )
    print('| validation rule | Pearson r with real speech | Spearman | keeps | its real speech |')
    print('|---|---:|---:|---|---:|')
    summary = {}
    for rule, score in rules.items():
        r, rho = correlations(real, score)
        keep = int(score.argmax())
        summary[rule] = dict(pearson=r, spearman=rho, keeps=rows[keep]['name'], real=float(real[keep]))
        print(f'| {rule} | {r:+.2f} | {rho:+.2f} | {rows[keep]["name"]} | {real[keep]:.1f} |')
    if a.json:
        with open(a.json, 'w') as f:
            json.dump(dict(rows=rows, rules=summary), f, indent=1)
