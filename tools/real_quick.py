"""A quick reading of VAEs and MFCC networks on real recordings, for an ablation or a run in progress: viseme accuracy
on the speech frames of `data/real_speech` (clean, every second frame) and, for VAEs, `encode`'s clip emotion on the
RAVDESS test actors.

    python tools/real_quick.py --real REAL_STORE --store MIX_STORE --vae NAME=DIR ... --baseline NAME=DIR ...

`tools/real_targets.py` measures everything the issue asks
(noise, level, Table 3); this is its first column and the clip emotion, in a couple of minutes.

`--bootstrap N`: how far apart two methods really are on 12 clips. Each method's accuracy minus the first's (every
frame), with a 95 % interval from N resamplings of the clips (frames of one clip are not independent draws: the clip is
the unit resampled).
"""

import argparse, time
import numpy as np
from disvae.core.visemes import N_VISEMES, SILENCE, VISEMES
from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore
from disvae.speech.evaluate import (
    real_speech_accuracy,
    table_viseme_classifier,
    baseline_viseme_classifier,
    clip_emotion_accuracy,
    segment_latents,
    split_utterances,
    train_probe,
    reads_utterances,
    gained_utterances,
)
from disvae.speech.vae import load_vae
from disvae.speech.baseline import load_baseline


def trained_probe(represent, mix: FeatureStore, shift: int):
    """Table 3's MLP probe on `represent`'s 'x' for every `shift`th segment of the mix's training split, its epoch
    chosen on every shift/2th of the validation split; `segments` and `width` say what it learned from."""
    tr, va = (
        segment_latents(represent, split_utterances(mix, split), s)
        for split, s in (('train', shift), ('val', max(shift // 2, 1)))
    )
    probe = train_probe(tr['x'], tr['viseme'], N_VISEMES, va['x'], va['viseme'])
    probe.segments, probe.width = len(tr['viseme']), tr['x'].shape[1]
    return probe


def probe_reader(represent, probe):
    "Segments -> {'logits'}: `probe` on `represent`'s 'x', read with its normalisation and context."
    classify = lambda x: {'logits': probe(represent(x)['x'])}
    classify.per_utterance, classify.context = represent.per_utterance, represent.context
    return classify


def per_viseme_table(named: dict, labels: np.ndarray) -> str:
    """Markdown: for each viseme among `labels`, each method's share of its frames named right (`named`: method -> the
    viseme named on every frame) and, in brackets, the viseme it names most often instead."""
    lines = ['| viseme | frames | ' + ' | '.join(named) + ' |', '|---|---:|' + '---:|' * len(named)]
    for v in np.unique(labels):
        m = labels == v
        cells = []
        for n in named.values():
            wrong = np.bincount(n[m][n[m] != v], minlength=N_VISEMES)
            instead = f' ({VISEMES[wrong.argmax()]} {100 * wrong.max() / m.sum():.0f})' if wrong.any() else ''
            cells.append(f'{100 * (n[m] == v).mean():.1f}{instead}')
        lines.append(f'| {VISEMES[v]} | {m.sum()} | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--real', required=True, help='a real-speech store (disvae real-speech)')
    p.add_argument('--store', help='the training mix store (clip emotion on its RAVDESS test actors)')
    p.add_argument('--corpus', default='ravdess')
    p.add_argument('--vae', nargs='*', default=[], help='NAME=DIR')
    p.add_argument('--baseline', nargs='*', default=[], help='NAME=DIR: MFCC networks')
    p.add_argument(
        '--bootstrap', type=int, default=0, help='resamplings of the clips for each difference from the first'
    )
    p.add_argument(
        '--tolerance', type=int, nargs='*', default=[], help='frames either side a named viseme may be off by'
    )
    p.add_argument(
        '--probe-shift',
        type=int,
        default=0,
        help="also read each VAE's z_c through Table 3's MLP probe, trained on the --store's training split (every Nth "
        'segment; its epoch chosen on every N/2th of the validation split) instead of its viseme table',
    )
    p.add_argument(
        '--per-viseme',
        action='store_true',
        help="each method's accuracy on each viseme's frames, and what it names instead",
    )
    a = p.parse_args()
    vaes = {name: load_vae(path) for name, path in named_paths(a.vae).items()}
    heads = {f'z_c ({name})': table_viseme_classifier(model) for name, model in vaes.items()}
    if a.probe_shift:  # is the viseme table what limits z_c? a reader trained for it on the same segments
        if not a.store:
            p.error('--probe-shift needs --store, the training mix the probe learns from')
        mix = FeatureStore(a.store)
        for name, model in vaes.items():
            # z_c alone: the emotion encoder's long window is most of a VAE's reading time
            content = lambda x, model=model: {'x': model.content_encoder(model.centre(x))[0]}
            represent = reads_utterances(content, model.eval())
            probe = trained_probe(represent, mix, a.probe_shift)
            print(f'{name}: probe on {probe.segments} training segments, validation {probe.val_accuracy:.1%}')
            heads[f'z_c + probe ({name})'] = probe_reader(represent, probe)
    heads |= {name: baseline_viseme_classifier(load_baseline(path)) for name, path in named_paths(a.baseline).items()}
    t0, real = time.perf_counter(), FeatureStore(a.real)
    print((100 * real_speech_accuracy(heads, real, levels={'clean': None}, shift=2)).round(1).to_string())
    # every frame of every clip, named once per method (as real_targets reads them)
    if a.bootstrap or a.tolerance or a.per_viseme:
        clips = gained_utterances(real, 'test')
        read = {}  # method -> [(viseme named, label) per clip]
        for name, classify in heads.items():
            outs = [segment_latents(classify, [clip], 1) for clip in clips]
            read[name] = [(o['logits'].argmax(-1).numpy(), o['viseme'].numpy()) for o in outs]
    if a.bootstrap:
        # method -> [clips, 2]: speech frames right and speech frames, per clip
        right = {
            name: np.array([[((n == y) & (y != SILENCE)).sum(), (y != SILENCE).sum()] for n, y in per_clip], float)
            for name, per_clip in read.items()
        }
        rng, first = np.random.default_rng(0), next(iter(right))
        draws = rng.integers(0, len(clips), (a.bootstrap, len(clips)))
        rate = lambda r, d: r[d, 0].sum(-1) / r[d, 1].sum(-1)
        for name in list(right)[1:]:
            diff = 100 * (rate(right[name], draws) - rate(right[first], draws))
            whole = 100 * (rate(right[name], np.arange(len(clips))) - rate(right[first], np.arange(len(clips))))
            low, high = np.percentile(diff, [2.5, 97.5])
            print(
                f'{name} minus {first}: {whole:+.1f} points '
                f'(95 % of {a.bootstrap} clip resamplings: {low:+.1f} to {high:+.1f})'
            )
    if a.tolerance:
        for name, per_clip in read.items():
            right, frames = np.zeros(len(a.tolerance)), 0
            for named, label in per_clip:
                speech = label != SILENCE
                for k, n in enumerate(a.tolerance):
                    near = np.zeros(len(label), bool)
                    for d in range(-n, n + 1):  # the labels n frames away, the clip's ends not wrapped
                        shifted = np.full(len(label), -1)
                        shifted[max(d, 0) : len(label) + min(d, 0)] = label[max(-d, 0) : len(label) - max(d, 0)]
                        near |= named == shifted
                    right[k] += near[speech].sum()
                frames += speech.sum()
            said = ', '.join(f'±{n} frames {100 * r / frames:.1f} %' for n, r in zip(a.tolerance, right))
            print(f'{name}, every frame, within {said}')
    if a.per_viseme:
        labels = np.concatenate([label for _, label in next(iter(read.values()))])
        print(per_viseme_table({name: np.concatenate([n for n, _ in clips]) for name, clips in read.items()}, labels))
    if a.store:
        store = FeatureStore(a.store)
        for name, model in vaes.items():
            c = clip_emotion_accuracy(model, store, 'test', a.corpus)
            print(
                f"{name}: clip emotion {c['accuracy']:.1%} of {c['clips']} {a.corpus} test clips (chance "
                f"{c['chance']:.1%})"
            )
    print(f'{time.perf_counter() - t0:.0f} s')
