"""Is one mouth model's open-minus-closed gap on real speech larger than another's, or within what the clips move?

    python tools/head_gap_ci.py REAL_STORE --mouth "z_c=disvae/assets/mouth" "MFCC=runs/mouth-mfcc" [--bootstrap 2000]

For every clip of the real-speech store (`disvae real-speech`): the landmarks each parametric head's motion model
gives the astronaut photo at `--side` px (`mouth_following`, drawn, no rendering), the inner-lip gap summed over its
open-vowel frames and over its bilabial and silent frames. The gap over all clips (as `tools/head_eval.py` reads it,
drawn) and, for every model after the first, its difference from the first with a 95 % interval over clip resamplings
(the same clips drawn for every model: a paired comparison). Prints a markdown table.
"""

import argparse, time
import numpy as np
import skimage.data
from PIL import Image
from disvae.core.command import named_paths
from disvae.corpus.store import FeatureStore
from disvae.face.images import FaceLandmarker
from disvae.heads.evaluate import mouth_following
from disvae.heads.parametric.motion import MouthHead


def clip_sums(motion, store, rest) -> np.ndarray:
    "[clips, 4]: gap summed over open frames, open frames, gap summed over closed frames, closed frames."
    out = []
    for r in range(len(store.utterances)):
        f = mouth_following(motion, store, rest, rows=[r])
        open_sum = f['open'] * f['open_frames'] if f['open_frames'] else 0.0
        closed_sum = f['closed'] * f['closed_frames'] if f['closed_frames'] else 0.0
        out.append([open_sum, f['open_frames'], closed_sum, f['closed_frames']])
    return np.asarray(out, np.float64)


def pooled_gap(sums: np.ndarray) -> np.ndarray:
    "Open minus closed gap pooled over the clips (the last-but-one axis): [..., clips, 4] -> [...]."
    total = sums.sum(-2)
    return total[..., 0] / total[..., 1] - total[..., 2] / total[..., 3]


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('real_store', help='the real-speech store (disvae real-speech)')
    ap.add_argument(
        '--mouth', nargs='+', required=True, help='NAME=DIR of train-mouth folders; the first is the reference'
    )
    ap.add_argument('--bootstrap', type=int, default=2000, help='clip resamplings for the intervals')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--side', type=int, default=1024, help="the astronaut photo's side, as tools/head_eval.py --side")
    a = ap.parse_args()
    t0 = time.perf_counter()
    store = FeatureStore(a.real_store)
    photo = Image.fromarray(skimage.data.astronaut()).resize((a.side, a.side), Image.LANCZOS)
    rest = FaceLandmarker('dlib', verbose=False)(np.asarray(photo))
    mouths = named_paths(a.mouth)
    sums = {name: clip_sums(MouthHead.from_folder(folder).motion, store, rest) for name, folder in mouths.items()}
    draws = np.random.default_rng(a.seed).integers(0, len(store.utterances), (a.bootstrap, len(store.utterances)))
    first = next(iter(sums))
    lines = [
        f'| mouth model | gap, drawn (face widths) | minus {first} | 95 % over {a.bootstrap} clip resamplings |',
        '|---|---:|---:|---:|',
    ]
    for name, s in sums.items():
        gap = pooled_gap(s)
        if name == first:
            lines.append(f'| {name} | {gap:.2%} | | |')
            continue
        diff = pooled_gap(s[draws]) - pooled_gap(sums[first][draws])
        low, high = np.percentile(diff, [2.5, 97.5])
        lines.append(f'| {name} | {gap:.2%} | {gap - pooled_gap(sums[first]):+.2%} | {low:+.2%} to {high:+.2%} |')
    print('\n'.join(lines))
    print(f'{len(store.utterances)} clips; {time.perf_counter() - t0:.0f} s')
