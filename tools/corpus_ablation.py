"""What each source of training speech is worth on real recordings, probed with the MFCC network (issue 15).

    python tools/corpus_ablation.py WORK --real-store STORE [--utterances 2000] [--out table.md]

For each corpus in the ladder (espeak GRID → + festival speakers → + recording channels → + read sentences → as many
festival speakers as espeak ones) this speaks the corpus, prepares it, trains the MFCC baseline on it (level-normalised,
as every model here now is) and measures viseme accuracy on the speech frames of the real-speech set (`disvae
real-speech --out STORE`), clean and with white noise at −30 dB, beside the network's accuracy on its own synthetic
validation split. Finished steps are kept in WORK and skipped when the script runs again."""

import argparse, json, subprocess, sys, time
from pathlib import Path

LADDER = {
    'espeak, GRID sentences': [],
    '+ festival speakers': ['--festival-speakers', '8'],
    '+ recording channels': ['--festival-speakers', '8', '--channels'],
    '+ read sentences': ['--festival-speakers', '8', '--channels', '--text', 'mixed'],
    '+ festival speakers as many as espeak ones (24 + 24)': [
        '--festival-speakers',
        '24',
        '--channels',
        '--text',
        'mixed',
    ],
}


def run(args, log):
    "Run a disvae command, its output to `log`; stop with its message if it fails."
    t0 = time.perf_counter()
    with open(log, 'a') as f:
        done = subprocess.run([str(Path(sys.executable).parent / 'disvae'), *args], stdout=f, stderr=subprocess.STDOUT)
    if done.returncode:
        sys.exit(f"failed: disvae {' '.join(args)} (see {log})")
    return time.perf_counter() - t0


def measure(baseline_dir, real_store):
    from disvae.speech.baseline import load_baseline
    from disvae.corpus.store import FeatureStore
    from disvae.speech.evaluate import baseline_viseme_classifier, real_speech_accuracy, level_agreement
    import torch

    torch.set_num_threads(1)
    model = load_baseline(baseline_dir)
    classify = {'MFCC': baseline_viseme_classifier(model)}
    real = real_speech_accuracy(classify, FeatureStore(real_store), {'clean': None, '-30 dB': -30.0})
    agree = level_agreement(classify, FeatureStore(real_store))
    progress = json.loads((Path(baseline_dir) / 'config.json').read_text()).get('progress', {})
    return dict(
        real_clean=float(real.loc['MFCC', 'clean']),
        real_30=float(real.loc['MFCC', '-30 dB']),
        level_min=float(agree.loc['MFCC'].min()),
        val=(progress.get('history') or [{}])[-1].get('val_viseme_accuracy'),
    )


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('work')
    p.add_argument('--real-store', required=True, help='from `disvae real-speech --out STORE`')
    p.add_argument('--utterances', type=int, default=2000)
    p.add_argument('--epochs', type=int, default=6)
    p.add_argument('--only', nargs='*', help='rungs of the ladder to run (their numbers, from 1)')
    p.add_argument('--out', default=None, help='markdown table (default WORK/ablation.md)')
    a = p.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    results_path = work / 'results.json'
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    for k, (name, flags) in enumerate(LADDER.items(), 1):
        if a.only and str(k) not in a.only:
            continue
        folder, log = work / f'rung{k}', work / f'rung{k}.log'
        folder.mkdir(exist_ok=True)
        times = results.get(name, {}).get('seconds', {})
        if not (folder / 'corpus' / 'corpus.json').exists():
            times['synth'] = run(
                [
                    'synth-corpus',
                    '--out',
                    str(folder / 'corpus'),
                    '--utterances',
                    str(a.utterances),
                    '--seed',
                    '0',
                    '--quiet',
                    *flags,
                ],
                log,
            )
        if not (folder / 'store' / 'store.json').exists():
            times['prepare'] = run(
                ['prepare', 'synth', str(folder / 'corpus'), '--out', str(folder / 'store'), '--quiet', '--overwrite'],
                log,
            )
        if not (folder / 'mfcc' / 'model.safetensors').exists():
            times['train'] = run(
                [
                    'train-baseline',
                    str(folder / 'store'),
                    '--out',
                    str(folder / 'mfcc'),
                    '--level-norm',
                    '--epochs',
                    str(a.epochs),
                ],
                log,
            )
        corpus = json.loads((folder / 'corpus' / 'corpus.json').read_text())
        results[name] = dict(
            measure(folder / 'mfcc', a.real_store),
            seconds=times,
            flags=flags,
            hours=corpus['hours'],
            speakers=len(corpus['speakers']),
        )
        results_path.write_text(json.dumps(results, indent=1))
        print(name, results[name], flush=True)
    rows = [
        '| training corpus | hours | speakers | real speech, clean | real speech, −30 dB white | level agreement '
        '(worst gain) '
        '| its own synthetic validation split |',
        '|---|---:|---:|---:|---:|---:|---:|',
    ]
    for name in [n for n in LADDER if n in results]:
        r = results[name]
        val = f"{100 * r['val']:.1f}" if r.get('val') is not None else '–'
        rows.append(
            f"| {name} | {r['hours']:.2f} | {r['speakers']} | {100 * r['real_clean']:.1f} | {100 * r['real_30']:.1f} "
            f"| {100 * r['level_min']:.1f} | {val} |"
        )
    table = '\n'.join(rows) + '\n'
    Path(a.out or work / 'ablation.md').write_text(table)
    print(table)


if __name__ == '__main__':
    main()
