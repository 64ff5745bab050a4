"""A quick reading of VAEs and MFCC networks on real recordings, for an ablation or a run in progress: viseme accuracy on the speech
frames of `data/real_speech` (clean, every second frame) and, for VAEs, `encode`'s clip emotion on the RAVDESS test actors.

    python tools/real_quick.py --real REAL_STORE --store MIX_STORE --vae NAME=DIR ... --baseline NAME=DIR ...

`tools/real_targets.py` measures everything the issue asks
(noise, level, Table 3); this is its first column and the clip emotion, in a couple of minutes.
"""

import argparse, time
from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore
from disvae.speech.evaluate import (
    real_speech_accuracy,
    table_viseme_classifier,
    baseline_viseme_classifier,
    clip_emotion_accuracy,
)
from disvae.speech.vae import load_vae
from disvae.speech.baseline import load_baseline

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--real', required=True, help='a real-speech store (disvae real-speech)')
    p.add_argument('--store', help='the training mix store (clip emotion on its RAVDESS test actors)')
    p.add_argument('--corpus', default='ravdess')
    p.add_argument('--vae', nargs='*', default=[], help='NAME=DIR')
    p.add_argument('--baseline', nargs='*', default=[], help='NAME=DIR: MFCC networks')
    a = p.parse_args()
    vaes = {name: load_vae(path) for name, path in named_paths(a.vae).items()}
    heads = {f'z_c ({name})': table_viseme_classifier(model) for name, model in vaes.items()}
    heads |= {name: baseline_viseme_classifier(load_baseline(path)) for name, path in named_paths(a.baseline).items()}
    t0 = time.perf_counter()
    print((100 * real_speech_accuracy(heads, FeatureStore(a.real), levels={'clean': None}, shift=2)).round(1).to_string())
    if a.store:
        store = FeatureStore(a.store)
        for name, model in vaes.items():
            c = clip_emotion_accuracy(model, store, 'test', a.corpus)
            print(f"{name}: clip emotion {c['accuracy']:.1%} of {c['clips']} {a.corpus} test clips (chance {c['chance']:.1%})")
    print(f'{time.perf_counter() - t0:.0f} s')
