"""Issue 16's targets on real input, for the parametric head beside the GAN head (the named baseline), in one run:

    disvae real-speech --out /tmp/real        # the real-speech set, aligned by pocketsphinx, into a store
    python tools/head_eval.py /tmp/real /tmp/head_eval [--mouth DIR] [--gan DIR]

1. Following real speech (`data/real_speech`; the astronaut at `--side` px): the inner-lip gap on open vowels minus that
   on bilabials and silence (face widths), from the landmarks the parametric head draws, and for both heads from dlib
   run on the frames `animate` writes (the issue's 1.8 % for the GAN was measured that way), and its 95th percentile
   over every frame; the correlation of the opening with the opening the aligned phones imply.
2. Silence: 2 s of digital silence, and of white noise 30 dB under the speech, after every clip: motion off the rest
   pose and the delay back to it.
3. Detail: variance of the Laplacian over the face box (brows to chin), frames against the photo, on 256 and 1024 px
   photos; the mouth alone (`--still`) and, for the parametric head, also alive (blinks, head and brow motion resample
   the face).
4. Rest: PSNR of the face box against the photo on frames where the head is at rest (`--still`: alive, the head never
   rests).
Writes OUT/head_eval.md and OUT/results.json; prints the table.

    python tools/head_eval.py /tmp/real /tmp/detail --alive-detail   # 3 alone, alive
    python tools/head_eval.py /tmp/real /tmp/follow --following-only --side 1024 --mouth runs/mouth  # 1, one mouth

(`--alive-detail`: the moving head's detail at 256 and 1024 px, read as animate does and bicubically, in one run; 3
min.)
"""

import argparse, contextlib, io, json, time
from pathlib import Path
import numpy as np
from PIL import Image
import skimage.data
from disvae.apps.animate import animate_frames
from disvae.corpus.store import FeatureStore, decoded_audio
from disvae.core.audio import video_frame_to_spec_frame
from disvae.heads.evaluate import mouth_following, mouth_gaps, psnr
from disvae.face.images import FaceLandmarker
from disvae.heads.parametric.motion import MouthHead, BUNDLED_MOUTH
from disvae.heads.parametric.photo import face_width, inner_lip_gap, laplacian_detail
from disvae.core.checkpoint import DEMO


def face_box(m):
    return (*m[[0, 19]].min(0).astype(int), *m[[16, 8]].max(0).astype(int))


def detected(store, photo, checkpoint, head, landmarker, rows):
    "Gap by viseme from dlib on the frames `animate` writes for each clip (NaN where dlib finds no face)."
    rest = landmarker(photo)
    marks, visemes = [], []
    for r in rows:
        wave = decoded_audio(store.utterances.audio[r])
        with contextlib.redirect_stderr(io.StringIO()):
            frames = animate_frames(photo, wave, checkpoint, head=head, progress=False, sample_rate=16000)['frames']
        labels = np.asarray(store.utterance(r)[1])
        n = min(len(frames), len(labels) // 4)
        for k in range(n):
            try:
                marks.append(landmarker(frames[k]))
            except Exception:
                marks.append(np.full((68, 2), np.nan, np.float32))
        visemes.append(labels[np.minimum(video_frame_to_spec_frame(np.arange(n)), len(labels) - 1)])
    marks = np.stack(marks)
    gaps = mouth_gaps(marks, rest, np.concatenate(visemes), face_width(rest))
    opened = (inner_lip_gap(marks) - inner_lip_gap(rest)) / face_width(rest)
    gaps['p95'] = float(np.nanpercentile(opened, 95))  # the ceiling: 12 % of the face width
    gaps['max'] = float(np.nanmax(opened))
    return gaps


def detail(photo, checkpoint, head, landmarker, waves, still=False):
    "Mean over frames of the face box's Laplacian variance, against the photo's; the face box's PSNR at rest."
    box = face_box(landmarker(photo))
    reference = laplacian_detail(photo, box)
    ratios, rest_psnr = [], []
    for wave in waves:
        with contextlib.redirect_stderr(io.StringIO()):
            frames = animate_frames(photo, wave, checkpoint, head=head, progress=False, sample_rate=16000, still=still)[
                'frames'
            ]
        x0, y0, x1, y1 = box
        for f in frames:
            ratios.append(laplacian_detail(f, box) / reference)
            if (f[y0:y1, x0:x1] == photo[y0:y1, x0:x1]).all():
                rest_psnr.append(float('inf'))
        if head == 'gan':  # the GAN never returns the photo: its face box PSNR on every frame
            rest_psnr += [psnr(photo[None, y0:y1, x0:x1], f[None, y0:y1, x0:x1]) for f in frames]
    return float(np.mean(ratios)), (float(np.median(rest_psnr)) if rest_psnr else float('nan'))


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('real_store')
    p.add_argument('out')
    p.add_argument('--mouth', default=str(BUNDLED_MOUTH))
    p.add_argument('--gan', default=str(DEMO / 'animator'))
    p.add_argument('--side', type=int, default=512, help='the astronaut photo is resized to this side for following')
    p.add_argument('--alive-detail', action='store_true', help='only the alive detail, against a bicubic read')
    p.add_argument(
        '--following-only', action='store_true', help='only 1, for the parametric head: drawn and through dlib'
    )
    a = p.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    store = FeatureStore(a.real_store)
    landmarker = FaceLandmarker('dlib', verbose=False)
    waves = [decoded_audio(store.utterances.audio[r]) for r in range(3)]  # the detail rows' clips
    astronaut = lambda side: np.asarray(Image.fromarray(skimage.data.astronaut()).resize((side, side), Image.LANCZOS))
    if a.alive_detail:
        import disvae.heads.parametric.life as life

        read = life.read_moved
        lines = ['| photo | alive, as animate reads | alive, read bicubically |', '|---|---:|---:|']
        for side in (256, 1024):
            big = astronaut(side)
            kept = []
            for as_animate in (True, False):  # False: never the doubled copy
                life.read_moved = read if as_animate else lambda r, w, wt, copy=None: read(r, w, wt, max_side=0)
                kept.append(detail(big, a.mouth, 'parametric', landmarker, waves)[0])
            life.read_moved = read
            lines.append(f'| {side} px | {kept[0]:.3f} | {kept[1]:.3f} |')
        (out / 'alive_detail.md').write_text('\n'.join(lines) + '\n')
        print('\n'.join(lines), f'\n{time.perf_counter() - t0:.0f} s')
        raise SystemExit
    rows = list(range(len(store.utterances)))
    photo = astronaut(a.side)
    mouth = MouthHead.from_folder(a.mouth)
    rest = landmarker(photo)
    res = dict(mouth=a.mouth, gan=a.gan, photo=f'astronaut {a.side} px')
    res['drawn'] = mouth_following(mouth.motion, store, rest)
    res['silence'] = mouth_following(mouth.motion, store, rest, tail=2.0)
    res['noise_tail'] = mouth_following(mouth.motion, store, rest, tail=2.0, tail_db=-30.0)
    if a.following_only:  # a mouth model against another, without the GAN and the detail rows
        d, dl = res['drawn'], detected(store, photo, a.mouth, 'parametric', landmarker, rows)
        line = (
            f"{a.mouth}: drawn open {d['open']:.2%} closed {d['closed']:.2%} gap {d['difference']:.2%} "
            f"corr {d['correlation']:.3f}; dlib open {dl['open']:.2%} closed {dl['closed']:.2%} gap "
            f"{dl['difference']:.2%} "
            f"p95 {dl['p95']:.2%}; {time.perf_counter() - t0:.0f} s"
        )
        (out / 'following.txt').write_text(line + '\n')
        (out / 'results.json').write_text(json.dumps(res | dict(detected=dl), indent=1, default=float))
        print(line)
        raise SystemExit
    res['detected'] = {
        h: detected(store, photo, c, h, landmarker, rows) for h, c in (('parametric', a.mouth), ('gan', a.gan))
    }
    res['detail'] = {}
    for side in (256, 1024):
        big = astronaut(side)
        for h, c in (('parametric', a.mouth), ('gan', a.gan)):
            res['detail'][f'{h} {side}'] = detail(big, c, h, landmarker, waves, still=True)
        res['detail'][f'parametric alive {side}'] = detail(big, a.mouth, 'parametric', landmarker, waves)
    res['seconds'] = round(time.perf_counter() - t0, 1)
    d, s, nt = res['drawn'], res['silence'], res['noise_tail']
    lines = (
        [
            '| measure | target | parametric head | GAN head (baseline) |',
            '|---|---|---:|---:|',
            f"| open vowels − bilabials and silence, drawn landmarks (face widths) | ≥ 6 % | {d['difference']:.1%} | — "
            "|",
            f"| the same, dlib on the written frames | ≥ 6 % | {res['detected']['parametric']['difference']:.1%} | "
            f"{res['detected']['gan']['difference']:.1%} |",
            "| 95th percentile of the gap over every frame, dlib (face widths) | ≤ 12 % | "
            f"{res['detected']['parametric']['p95']:.1%} | {res['detected']['gan']['p95']:.1%} |",
            f"| opening against the aligned phones' opening (correlation) | report | {d['correlation']:.3f} | — |",
            f"| back at rest after speech, 2 s silence (median / max over {s['pauses']} clip ends) | ≤ 0.1 s | "
            f"{s['rest_delay_median']:.2f} / {s['rest_delay_max']:.2f} s | — |",
            f"| the same, white noise 30 dB under the speech | ≤ 0.1 s | {nt['rest_delay_median']:.2f} / "
            f"{nt['rest_delay_max']:.2f} s | — |",
            "| silent frames ≥ 0.12 s from speech off the rest pose (silence / noise tail) | none | "
            f"{s['silent_moving']:.1%} / {nt['silent_moving']:.1%} | — |",
        ]
        + [
            f"| face-box detail kept, {side} px photo, --still (alive: blinks, head and brows) | ≥ 0.9 | "
            f"{res['detail'][f'parametric {side}'][0]:.2f} ({res['detail'][f'parametric alive {side}'][0]:.2f}) | "
            f"{res['detail'][f'gan {side}'][0]:.2f} |"
            for side in (256, 1024)
        ]
        + [
            "| face-box PSNR at rest against the photo, 1024 px, --still (median over frames) | ≥ 40 dB | "
            f"{res['detail']['parametric 1024'][1]:.1f} dB | {res['detail']['gan 1024'][1]:.1f} dB |"
        ]
    )
    table = '\n'.join(lines) + '\n'
    (out / 'head_eval.md').write_text(table)
    (out / 'results.json').write_text(json.dumps(res, indent=1, default=float))
    print(table)
    print(f"{res['seconds']:.0f} s")
