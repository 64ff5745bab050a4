"""Validation, one corpus of the training mix at a time: what `disvae train-vae` measures at the end of each epoch
(`validate`: reconstruction, table-nearest viseme and emotion accuracy on segments every 10 frames of the validation
speakers; the runs validated every 20), for each VAE given, on each corpus asked for, including corpora the run did not
validate on (`--val-corpora`).

    python tools/validation_by_corpus.py --store fmix --corpus fsdd synth ravdess --vae NAME=DIR ...

A run chooses its best epoch by validation alone; this shows which corpus moves that choice. FSDD's digits are recorded
speech of six speakers that the runs' validation (synth, ravdess) leaves out; its emotion is always neutral, so its
emotion column is 1.

    python tools/validation_by_corpus.py --store fmix --vae NAME=DIR ... --score synth ravdess --score-emotion ravdess

With `--score`, also the number `train-vae` keeps its best epoch by (`validation_score`), for VAEs of different runs
on one footing: viseme accuracy over the validation segments of those corpora pooled, plus emotion accuracy over
`--score-emotion`'s (a run's `--val-corpora` and `--val-emotion-corpora`). Segments are read every `max(shift, 10)`
frames, `shift` from the VAE's own training config as `train-vae` validates (`--score-shift N`: every N for all).
"""

import argparse
from pathlib import Path
import torch

from disvae.core.checkpoint import read_json
from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore, SegmentDataset
from disvae.speech.train_vae import validate, validation_score, validation_shift
from disvae.speech.vae import load_vae


def corpus_validation(
    model, store: FeatureStore, corpora: list, shift: int, emotion_corpora: list | None = None
) -> dict:
    "`validate` on these corpora's validation split, read as `model` reads (front end, emotion context); with its size."
    c = model.config
    ds = SegmentDataset(
        store, 'val', shift=shift, corpora=corpora, level_norm=c.level_norm, cmvn=c.cmvn, context=c.emotion_context
    )
    return validate(model, ds, 'cpu', emotion_corpora=emotion_corpora) | dict(segments=len(ds))


def run_validation_shift(vae_dir) -> int:
    "Frames between the segments `train-vae` validated this VAE on (`validation_shift` of its training config's shift)."
    train = read_json(Path(vae_dir) / 'config.json').get('train', {})
    if 'shift' not in train:
        raise SystemExit(f'{vae_dir}: its config.json names no training shift; give --score-shift')
    return validation_shift(int(train['shift']))


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--store', required=True, help='the training mix store')
    p.add_argument('--corpus', nargs='*', default=['fsdd', 'synth', 'ravdess'], help='each alone; none: --score only')
    p.add_argument('--vae', nargs='+', required=True, help='NAME=DIR')
    p.add_argument('--score', nargs='+', help="the corpora a run's validation pools (--val-corpora)")
    p.add_argument('--score-emotion', nargs='+', help="those its emotion term reads (--val-emotion-corpora)")
    p.add_argument('--score-shift', type=int, help="frames between scored segments; default: each VAE's own")
    a = p.parse_args()
    torch.set_num_threads(1)
    store = FeatureStore(a.store)
    print('| VAE | corpus | segments | viseme | emotion | log-likelihood per frame |')
    print('|---|---|---:|---:|---:|---:|')
    paths = named_paths(a.vae)
    models = {name: load_vae(path) for name, path in paths.items()}  # once, not once per corpus
    for corpus in a.corpus:
        for name, model in models.items():
            r = corpus_validation(model, store, [corpus], shift=10)
            print(
                f'| {name} | {corpus} | {r["segments"]} | {100 * r["val_viseme_accuracy"]:.1f} | '
                f'{100 * r["val_emotion_accuracy"]:.1f} | {r["val_log_likelihood_per_frame"]:.1f} |',
                flush=True,
            )
    if a.score:
        head = f'| VAE | viseme, {" + ".join(a.score)} | emotion, {" + ".join(a.score_emotion or a.score)} |'
        print(f'\n{head} every | score |\n|---|---:|---:|---:|---:|')
        for name, model in models.items():
            shift = a.score_shift or run_validation_shift(paths[name])
            r = corpus_validation(model, store, a.score, shift=shift, emotion_corpora=a.score_emotion)
            print(
                f'| {name} | {100 * r["val_viseme_accuracy"]:.1f} | {100 * r["val_emotion_accuracy"]:.1f} | '
                f'{shift} | {validation_score(r, "full"):.4f} |',
                flush=True,
            )
