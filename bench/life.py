"""How alive the animated face is, measured on the video `disvae animate` writes: blinks, head motion, brows and the
background.

    python bench/life.py [--photo astronaut|hopper|PATH] [--size 1024] [--seconds 60] [--json out.json]

The speech is real: the measurement clips of data/real_speech one after another, each followed by a second of silence,
repeated up to `--seconds`. The photo (the bundled astronaut by default) is scaled to `--size` px on its long side. The
video is written by `animate` (the bundled parametric head, seed 0) and read back; dlib finds the 68 landmarks on every
written frame, and from them:

- blinks: the eye aspect ratio below 0.75 of its median for at least two frames (against the natural 10-20 a minute,
  100-400 ms);
- head motion: roll (the angle of the line between the eye corners) and the shift of the nose bridge, in degrees and
  pixels, and the correlation of the head's speed with the speech's loudness per frame;
- brows: their height above the eye corners, in face widths;
- the background: PSNR of every frame against the photo outside the head's box (`LivingFace.head`).

`--speed-only` times the two `animate` runs and stops (no landmarks).

The named baseline in the same run is the same video with `--still` (the mouth alone): there every figure but the
mouth's must be zero.
"""

import argparse, json, os, platform, tempfile, time
from pathlib import Path

import av
import numpy as np
from PIL import Image

from disvae.apps.animate import animate
from disvae.core.audio import SAMPLE_RATE, VIDEO_FPS, load_audio
from disvae.face.images import FaceLandmarker, load_image
from disvae.face.render import bundled_faces
from disvae.heads.parametric.life import BROWS, LivingFace, eye_aperture, prosody, psnr_outside

ROOT = Path(__file__).resolve().parent.parent


def real_speech(seconds: float) -> np.ndarray:
    clips = sorted((ROOT / 'data' / 'real_speech').glob('*.wav'))
    gap = np.zeros(SAMPLE_RATE, np.float32)
    one = np.concatenate([np.concatenate([load_audio(c), gap]) for c in clips])
    return np.tile(one, int(np.ceil(seconds * SAMPLE_RATE / len(one))))[: int(seconds * SAMPLE_RATE)]


def read_frames(path: Path):
    with av.open(str(path)) as c:
        for f in c.decode(video=0):
            yield f.to_ndarray(format='rgb24')


def measure(video: Path, photo: np.ndarray, head_box: tuple, loudness: np.ndarray, landmarker) -> dict:
    marks, psnr = [], []
    for frame in read_frames(video):
        try:
            marks.append(landmarker(frame))
        except Exception:
            marks.append(np.full((68, 2), np.nan, np.float32))
        psnr.append(psnr_outside(frame, photo, head_box))
    m = np.stack(marks)
    ok = ~np.isnan(m).any((1, 2))
    width = np.linalg.norm(m[ok, 16] - m[ok, 0], axis=1).mean()
    ear = np.array([eye_aperture(p) if k else np.nan for p, k in zip(m, ok)])
    closed = ear < 0.75 * np.nanmedian(ear)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], closed.astype(int), [0]])))
    runs = [(a, b - a) for a, b in zip(edges[::2], edges[1::2]) if b - a >= 2]
    minutes = len(m) / VIDEO_FPS / 60
    corners = m[:, 45] - m[:, 36]
    roll = np.degrees(np.arctan2(corners[:, 1], corners[:, 0]))
    bridge = m[:, 27]
    brow = (m[:, 36:46:3, 1].mean(1) - m[:, BROWS, 1].mean(1)) / width
    speed = np.linalg.norm(np.diff(bridge, axis=0), axis=1)
    n = min(len(speed), len(loudness) - 1)
    good = ok[1 : n + 1] & ok[:n]
    finite = np.isfinite(psnr)
    return dict(
        frames=len(m),
        faces_found=int(ok.sum()),
        face_px=round(float(width), 1),
        blinks_per_minute=round(len(runs) / minutes, 1),
        blink_ms=[round(float(d) / VIDEO_FPS * 1000) for _, d in runs],
        roll_deg_sd=round(float(np.nanstd(roll)), 2),
        roll_deg_range=round(float(np.nanpercentile(roll, 99) - np.nanpercentile(roll, 1)), 2),
        shift_px_sd=round(float(np.nanstd(bridge - np.nanmean(bridge, 0), 0).mean()), 2),
        shift_px_range=round(float((np.nanpercentile(bridge, 99, 0) - np.nanpercentile(bridge, 1, 0)).max()), 1),
        brow_range=round(float(np.nanpercentile(brow, 99) - np.nanpercentile(brow, 1)), 4),
        speed_loudness_corr=round(float(np.corrcoef(speed[:n][good], loudness[1 : n + 1][good])[0, 1]), 3),
        psnr_outside_head_min_db='inf' if finite.sum() == 0 else round(float(np.min(np.array(psnr)[finite])), 1),
        frames_identical_outside_head=int((~finite).sum()),
    )


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--photo', default='astronaut')
    p.add_argument('--size', type=int, default=1024)
    p.add_argument('--seconds', type=float, default=60.0)
    p.add_argument('--json', default=None)
    p.add_argument('--speed-only', action='store_true', help='time animate alive and --still; no landmarks')
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp())
    photo = bundled_faces()[a.photo] if a.photo in bundled_faces() else load_image(a.photo)
    im = Image.fromarray(photo)
    k = a.size / max(im.size)
    im = im.resize((round(im.width * k / 2) * 2, round(im.height * k / 2) * 2), Image.LANCZOS)
    photo = np.asarray(im)
    im.save(tmp / 'face.png')
    wave = real_speech(a.seconds)
    import soundfile as sf

    sf.write(tmp / 'speech.wav', wave, SAMPLE_RATE)
    head_box = LivingFace(photo, FaceLandmarker('dlib', verbose=False)(photo)).head
    landmarker = FaceLandmarker(
        'dlib', max_side=640, verbose=False
    )  # every written frame: detection at 640 px is enough
    loudness = prosody(wave, int(len(wave) / SAMPLE_RATE * VIDEO_FPS))['loudness']
    rows = {}
    for name, still in (('alive (default)', False), ('--still (baseline)', True)):
        t0 = time.perf_counter()
        info = animate(
            tmp / 'face.png', tmp / 'speech.wav', tmp / 'out.mp4', overwrite=True, progress=False, still=still
        )
        rows[name] = dict(realtime=round(info['realtime'], 2), wall=round(info['wall'], 1))
        if a.speed_only:
            print(name, rows[name], flush=True)
            continue
        rows[name] |= measure(tmp / 'out.mp4', photo, head_box, loudness, landmarker)
        rows[name]['seconds'] = round(time.perf_counter() - t0, 1)
        print(name, {k: v for k, v in rows[name].items() if k != 'blink_ms'}, flush=True)
    meta = dict(
        photo=a.photo, size=photo.shape[:2], speech_s=a.seconds, machine=platform.machine(), cpus=os.cpu_count()
    )
    if a.speed_only:
        raise SystemExit(0)
    print(
        '| | blinks/min | blink ms (median, range) | roll SD / range ° | shift SD / range px | brow range (face '
        'widths) '
        '| head speed ~ loudness | PSNR outside head | animate × real time |'
    )
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    for name, r in rows.items():
        ms = r['blink_ms']
        blink = f"{np.median(ms):.0f} ({min(ms)}-{max(ms)})" if ms else '—'
        psnr = '∞ (identical)' if r['psnr_outside_head_min_db'] == 'inf' else f"≥ {r['psnr_outside_head_min_db']} dB"
        print(
            f"| {name} | {r['blinks_per_minute']} | {blink} | {r['roll_deg_sd']} / {r['roll_deg_range']} | "
            f"{r['shift_px_sd']} / {r['shift_px_range']} | {r['brow_range']} | {r['speed_loudness_corr']} | {psnr} | "
            f"{r['realtime']}× |"
        )
    if a.json:
        Path(a.json).write_text(json.dumps(dict(meta=meta, rows=rows), indent=1, default=str))
