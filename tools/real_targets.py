"""The targets of the real-speech issue, measured in one run on real recordings, beside the MFCC networks.

    python tools/real_targets.py --real REAL_STORE --store MIX_STORE --out DIR \
        --vae NAME=DIR ... --baseline NAME=DIR ... [--corpus ravdess synth] [--no-table3]

REAL_STORE: `disvae real-speech --out REAL_STORE` (data/real_speech: measurement only, nothing is chosen on it).
MIX_STORE: the store the models trained on (`disvae prepare mix`); its emotional corpus' test actors give Table 3 and
the clip-level emotion `disvae encode` reports. Writes DIR/targets.md and DIR/targets.json:

- viseme accuracy on real speech frames, clean and at -30 dB white noise (target: z_c >= 60 %, ahead of both MFCC
  networks);
- unseen noise at -10 dB (pink, brown, hum, babble; z_c ahead of MFCC + augmentation in each);
- level agreement from -30 to +3 dB (>= 95 %);
- Table 3 on the corpus' test actors (z_e -> emotion >= 60 %, z_c -> emotion near chance) and the clip emotion (>= 50
  %).

The same functions as `disvae eval-representation --real-store`, without the synthetic-corpus tables (which take most of
its time on a mix store).
"""

import argparse, json, sys, time
from pathlib import Path

from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore
from disvae.speech.baseline import load_baseline
from disvae.speech.evaluate import (
    baseline_viseme_classifier,
    clip_emotion_accuracy,
    level_agreement,
    real_speech_accuracy,
    table3,
    table_viseme_classifier,
    unseen_noise_accuracy,
    _percent_table,
    _table3_markdown,
)
from disvae.speech.vae import load_vae


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--real', required=True, help='a real-speech store (disvae real-speech)')
    ap.add_argument('--store', help='the training mix store: Table 3 and clip emotion on its emotional corpus')
    ap.add_argument('--out', required=True)
    ap.add_argument('--vae', nargs='*', default=[], help='NAME=DIR')
    ap.add_argument('--baseline', nargs='*', default=[], help='NAME=DIR')
    ap.add_argument(
        '--corpus', nargs='+', default=['ravdess'], help='Table 3 (and clip emotion) on these corpora of the store'
    )
    ap.add_argument('--shift', type=int, default=1, help='frames between scored segments on real speech')
    ap.add_argument('--no-table3', action='store_true', help='real speech only')
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    vaes, baselines = named_paths(args.vae), named_paths(args.baseline)
    heads = {f'z_c ({n})': table_viseme_classifier(load_vae(p)) for n, p in vaes.items()}
    heads |= {n: baseline_viseme_classifier(load_baseline(p)) for n, p in baselines.items()}
    real = FeatureStore(args.real)
    tables = dict(
        real_speech=real_speech_accuracy(heads, real, shift=args.shift),
        unseen_noise=unseen_noise_accuracy(heads, real, shift=args.shift),
        level=level_agreement(heads, real, shift=args.shift),
    )
    for name, t in tables.items():
        print(f'{name}\n{(100 * t).round(1)}\n', file=sys.stderr)
    results = {k: t.T.to_dict() for k, t in tables.items()}
    md = [
        f'# Real-speech targets\n\nreal store `{args.real}` ({len(real.utterances)} clips), every {args.shift} '
        'frame(s)\n',
        '## Viseme accuracy on speech frames\n\n' + _percent_table(tables['real_speech'], 'accuracy (%)'),
        '## Unseen noise at -10 dB\n\n' + _percent_table(tables['unseen_noise'], 'accuracy (%)'),
        '## Agreement with 0 dB\n\n' + _percent_table(tables['level'], 'agreement (%)'),
    ]
    if args.store and not args.no_table3 and vaes:
        store = FeatureStore(args.store)
        models = {n: load_vae(p) for n, p in vaes.items()}
        results |= dict(table3={}, clip_emotion={})
        for corpus in args.corpus:
            t3 = {n: table3(m, store, corpus=corpus)[0] for n, m in models.items()}
            clip = {n: clip_emotion_accuracy(m, store, 'test', corpus) for n, m in models.items()}
            results['table3'][corpus], results['clip_emotion'][corpus] = t3, clip
            md.append(f'## Table 3 on {corpus} test speakers\n\n' + _table3_markdown(t3))
            md.append(
                f'## Clip emotion (`encode`) on {corpus} test clips\n\n| VAE | accuracy | chance | clips '
                '|\n|---|---:|---:|---:|\n'
                + ''.join(
                    f"| {n} | {c['accuracy']:.1%} | {c['chance']:.1%} | {c['clips']} |\n" for n, c in clip.items()
                )
            )
            print('\n'.join(md[-2:]), file=sys.stderr)
    results |= dict(vaes=vaes, baselines=baselines, real=args.real, store=args.store, seconds=time.perf_counter() - t0)
    (out / 'targets.json').write_text(json.dumps(results, indent=1, default=str))
    (out / 'targets.md').write_text('\n'.join(md))
    print(f'wrote {out}/targets.md in {time.perf_counter() - t0:.0f} s')


if __name__ == '__main__':
    main()
