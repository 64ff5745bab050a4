"""Which input holds the phones a face shows? The same MLP probe (Table 3's) trained on each front end's raw segments,
with no learned features in between: the VAE's input window (its level-normalised, standardised 200-bin log spectrogram,
20 frames) against the MFCC network's (13 cepstra of 40 mel bands, level-normalised and CMVN, 20 frames). Trained on
every `--shift`th segment of the mix's training speakers, its epoch chosen on the validation speakers, read on the
speech frames of `data/real_speech`, overall and per viseme.

    python tools/frontend_probe.py --real REAL_STORE --store MIX_STORE --vae DIR --baseline DIR [--shift 20]
"""

import argparse, time

from disvae.core.visemes import SILENCE
from disvae.corpus.store import FeatureStore
from disvae.speech.baseline import load_baseline
from disvae.speech.evaluate import gained_utterances, reads_utterances, segment_latents
from disvae.speech.vae import load_vae
from real_quick import per_viseme_table, probe_reader, trained_probe  # tools/ beside it


def front_ends(vae, baseline) -> dict:
    "name -> segments [B, 20, 200] -> {'x': the flattened input its model reads}, each with its model's normalisation."
    spectrogram = reads_utterances(lambda x: {'x': x.flatten(1)}, vae)
    spectrogram.context = 0  # the content encoder's 200 ms, not the emotion encoder's context
    cepstra = lambda x: {'x': ((baseline.mfcc(x) - baseline.mfcc_mean) / baseline.mfcc_std).flatten(1)}
    return {
        'VAE input (200-bin log spectrogram)': spectrogram,
        'MFCC network input (13 cepstra)': reads_utterances(cepstra, baseline),
    }


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--real', required=True, help='a real-speech store (disvae real-speech)')
    p.add_argument('--store', required=True, help='the training mix store the probes learn from')
    p.add_argument('--vae', required=True, help="a VAE folder: its input's normalisation")
    p.add_argument('--baseline', required=True, help="an MFCC network folder: its input's normalisation")
    p.add_argument('--shift', type=int, default=20, help='every Nth training segment (validation: every N/2th)')
    a = p.parse_args()
    t0, mix, real = time.perf_counter(), FeatureStore(a.store), FeatureStore(a.real)
    vae, baseline = load_vae(a.vae).eval(), load_baseline(a.baseline).eval()
    clips = gained_utterances(real, 'test')
    rows = {}
    for name, represent in front_ends(vae, baseline).items():
        probe = trained_probe(represent, mix, a.shift)
        out = segment_latents(probe_reader(represent, probe), clips, 1)
        named, label = out['logits'].argmax(-1).numpy(), out['viseme'].numpy()
        speech = label != SILENCE
        rows[name] = named
        print(
            f'{name}: {probe.width} numbers a segment, {probe.segments} training segments, validation '
            f'{probe.val_accuracy:.1%}, real speech {100 * (named == label)[speech].mean():.1f} % (every frame)',
            flush=True,
        )
    print('\n' + per_viseme_table(rows, label))  # the clips' labels, the same for every front end
    print(f'{time.perf_counter() - t0:.0f} s')
