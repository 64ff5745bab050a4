"""Jitter of the mouth landmarks that drive the drawn mouth, on a video of a still photo (issue 23).

    python bench/video_jitter.py [--seconds 10] [--noise 2.0]

The video: the astronaut on a 1920 x 1080 canvas, held still for `--seconds` at 25 fps, each frame with Gaussian
noise of `--noise` grey levels (a camera filming a print), written as h264 at crf 23 and read back. Nothing in
it moves, so any motion of the landmarks is jitter. Each tracker's landmarks are smoothed as `animate` smooths
them (`smooth_track`), and the 20 mouth points' frame-to-frame displacement is reported (mean and largest, px at
1080p), beside the time the tracking took:

- `track_video` (what `animate` does since 2026-12-04): blocks of 12 frames, each from a detection, two blocks at once;
- one `FaceTracker` through the whole video (what `animate` did before; the named baseline);
- dlib's detector and shape predictor on every frame (`FaceLandmarker`), the reference without tracking.
"""

import argparse, os, platform, tempfile, time

import numpy as np
import skimage.data
from PIL import Image

from disvae.apps.animate import track_video
from disvae.core.audio import SAMPLE_RATE, write_video_with_audio
from disvae.face.images import FaceLandmarker, FaceTracker
from disvae.heads.parametric.photo import smooth_track, video_frames


def jitter(marks: np.ndarray) -> tuple:
    "(mean, largest) frame-to-frame displacement of the mouth points (48-67) of a smoothed track, px."
    step = np.linalg.norm(np.diff(smooth_track(marks)[:, 48:68], axis=0), axis=-1)
    return float(step.mean()), float(step.max())


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--seconds', type=float, default=10.0)
    p.add_argument('--noise', type=float, default=2.0, help='grey levels of Gaussian noise on each frame')
    args = p.parse_args()
    canvas = Image.new('RGB', (1920, 1080), (96, 96, 96))
    canvas.paste(Image.fromarray(skimage.data.astronaut()).resize((1080, 1080), Image.LANCZOS), (420, 0))
    photo = np.asarray(canvas, np.float32)
    rng = np.random.default_rng(0)
    n = int(args.seconds * 25)
    with tempfile.TemporaryDirectory() as tmp:
        video = f'{tmp}/still.mp4'
        noisy = (np.clip(photo + rng.normal(0, args.noise, photo.shape), 0, 255).astype(np.uint8) for _ in range(n))
        write_video_with_audio(video, noisy, np.zeros(int(args.seconds * SAMPLE_RATE), np.float32), SAMPLE_RATE, crf=23)
        frames = list(video_frames(video))
    landmarker = FaceLandmarker('dlib', max_side=640, verbose=False)
    machine = f'{platform.processor() or platform.machine()}, {os.cpu_count()} cores'
    print(f'{len(frames)} frames of a still photo, 1920x1080, noise {args.noise:g}, h264 crf 23; {machine}')

    def serial():
        tracker = FaceTracker(landmarker)
        return [tracker(f) for f in frames]

    runs = {
        'track_video (blocks of 12, two at once)': lambda: [m for m, _, _ in track_video(frames, landmarker)],
        'one FaceTracker through the video (before)': serial,
        'detector on every frame': lambda: [landmarker(f) for f in frames],
    }
    for name, run in runs.items():
        t0 = time.perf_counter()
        marks = np.stack(run())
        seconds = time.perf_counter() - t0
        mean, largest = jitter(marks)
        speed = f'{seconds:.1f} s ({len(frames) / seconds:.0f} frames/s)'
        print(f'{name:45s} mouth jitter mean {mean:.3f} px, largest {largest:.3f} px; {speed}')


if __name__ == '__main__':
    main()
