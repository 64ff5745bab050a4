"""Bundle a trained VAE (the best epoch of `disvae train-vae ... --patience N`) as disvae/assets/vae, saying what it
learned from.

    python tools/bundle_vae.py runs/vae/best

Keeps config.json and model.safetensors (never an optimizer state). The run's paths become names, and config.json gains
`data`: each corpus of the training store with its utterances, hours and licence, and `licence`: what the weights may be
used for, which is the most restrictive licence of the data they learned from (RAVDESS: CC BY-NC-SA 4.0,
non-commercial).
"""

import argparse, json, shutil
from pathlib import Path
import pandas as pd

from disvae.core.checkpoint import weights_digest

ASSETS = Path(__file__).resolve().parent.parent / 'disvae' / 'assets'
LICENCES = {  # the training corpora's licences (see tools/real_corpora.py)
    'synth': 'made by disvae from espeak-ng and festival voices (no recording licence)',
    'ravdess': 'CC BY-NC-SA 4.0 (Livingstone & Russo 2018)',
    'fsdd': 'CC BY-SA 4.0 (Free Spoken Digit Dataset)',
    'asterisk': 'CC-BY-SA-3.0 (Asterisk core sounds, Allison Smith)',
    'lab': 'MFA test data: LibriSpeech CC BY 4.0, Common Voice CC0',
    'unlabelled': 'pyannote-audio test data (MIT): AMI meeting corpus excerpts, CC BY 4.0',
}


def chained_history(start: Path | None, started_from: str | None = None) -> list:
    """Each run's validation record up to the epoch it handed on, following `init_from` back; epochs numbered across
    runs. `started_from`: the digest of the weights the run after `start` began with (`progress.init_weights`), checked
    at each link."""
    runs, history = [], []
    while start is not None and (start / 'config.json').exists():
        if started_from and weights_digest(start) != started_from:  # e.g. disvae/assets/vae, bundled again since
            raise SystemExit(
                f'{start} no longer holds the weights the next run started from (replaced since?): point that run\'s '
                'train.init_from at a copy of the weights it began with'
            )
        before = json.loads((start / 'config.json').read_text())
        started_from = before['progress'].get('init_weights')
        taken = before['progress'].get('best_epoch', len(before['progress']['history']))
        bundled = before['train'].get('out') == 'bundled'
        # a run's best/ (or a copy of a bundle kept as one) is named by its run
        name = start.parent.name if start.name == 'best' else 'bundled before' if bundled else start.name
        runs.append(
            (name, [h for h in before.get('run_history', before['progress']['history']) if h['epoch'] <= taken])
        )
        if bundled:  # a bundled copy carries the chain before it (its init_from names a run, not a path)
            history = [dict(h) for h in before.get('init_history', [])]
            break
        start = Path(before['train']['init_from']) if before['train'].get('init_from') else None
    for name, records in reversed(runs):
        history += [h | dict(epoch=len(history) + k + 1, run=name) for k, h in enumerate(records)]
    return history


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('run', help='a VAE checkpoint folder (runs/vae/best)')
    p.add_argument('--out', default=str(ASSETS / 'vae'))
    a = p.parse_args()
    run, out = Path(a.run), Path(a.out)
    meta = json.loads((run / 'config.json').read_text())
    assert meta['kind'] == 'disvae.vae', meta['kind']
    store = Path(meta['train']['store'])
    utts = pd.read_csv(store / 'utterances.csv', keep_default_na=False)
    train = utts[utts.split == 'train']
    data = {
        corpus: dict(
            utterances=int(len(g)), hours=round(float(g.n_frames.sum()) / 360_000, 3), licence=LICENCES.get(corpus, '?')
        )
        for corpus, g in train.groupby('corpus')
    }
    start = Path(meta['train']['init_from']) if meta['train']['init_from'] else None  # a run's best/: name the run too
    # the curves of the runs it continued (each up to the epoch it handed on), oldest first, on one epoch axis
    meta['init_history'] = chained_history(start, meta['progress'].get('init_weights'))
    meta['train'] = meta['train'] | dict(
        store=store.name,
        out='bundled',
        init_from=start and (f'{start.parent.name}/{start.name}' if start.name == 'best' else start.name),
    )
    meta['data'] = data
    meta['licence'] = (
        'CC BY-NC-SA 4.0: trained on RAVDESS, so non-commercial use only, with attribution, shared alike'
        if 'ravdess' in data
        else 'Apache-2.0 (trained on data made by disvae)'
    )
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(run / 'model.safetensors', out / 'model.safetensors')
    (out / 'config.json').write_text(json.dumps(meta, indent=1) + '\n')
    print(
        f'wrote {out}: epoch {meta["progress"]["best_epoch"]} of {len(meta.get("run_history", []))}, licence '
        f'{meta["licence"]}'
    )
