"""Before/after strips of the parametric head's open mouth, at the photo's resolution (1:1 pixels, nothing resized after
rendering): three faces (the astronaut smiling with her teeth, Grace Hopper with her mouth closed, and the astronaut
under a dim warm light as a stand-in for a darker face), each at rest and in four shapes from a narrow vowel to wider
than any vowel; the top row of each pair is the code at `--before` (a git revision), the bottom row the code here.

    python tools/mouth_strip.py nbs/images/mouth_strip.jpg [--before c2d5a87] [--side 1024]
"""

import argparse, os, subprocess, sys, tempfile
from pathlib import Path
import numpy as np
from PIL import Image, ImageDraw

SHAPES = [('rest', (0.0, 0.0, 0.0)), ('Ee', None), ('Oh', None), ('Aa', None), ('1.2 open', (1.2, 0.0, 0.0))]
FACES = ('astronaut', 'hopper', 'dim warm light')


def tiles(side: int) -> dict:
    "Mouth crops of every face in every shape, from whichever `disvae` is importable."
    from disvae.face.render import bundled_faces, VISEME_SHAPES
    from disvae.face.images import FaceLandmarker
    from disvae.heads.parametric.photo import PhotoMouth, face_width

    faces, landmarker, out = bundled_faces(), FaceLandmarker('dlib', verbose=False), {}
    for name in FACES:
        src = faces['hopper' if name == 'hopper' else 'astronaut']
        photo = np.asarray(Image.fromarray(src).resize((side, side * src.shape[0] // src.shape[1]), Image.LANCZOS))
        if name == 'dim warm light':
            photo = (photo * np.float32([0.42, 0.33, 0.28])).astype(np.uint8)
        marks = landmarker(photo)
        head, w = PhotoMouth(photo, marks), face_width(marks)
        cx, cy = marks[48:68].mean(0)
        x0, y0 = int(cx - 0.32 * w), int(cy - 0.2 * w)
        crop = lambda f: f[y0 : y0 + int(0.42 * w), x0 : x0 + int(0.64 * w)]
        out[name] = np.stack([crop(head.frame(s if s else VISEME_SHAPES[n])) for n, s in SHAPES])
    return out


def strip(before: dict, after: dict, before_name: str) -> Image.Image:
    rows = []
    for name in FACES:
        for label, t in ((f'{name}, before ({before_name})', before[name]), (f'{name}, now', after[name])):
            row = np.concatenate(list(t), 1)
            bar = Image.new('RGB', (row.shape[1], 22), 'white')
            ImageDraw.Draw(bar).text((4, 5), label + ':  ' + '  |  '.join(n for n, _ in SHAPES), fill='black')
            rows.append(np.concatenate([np.asarray(bar), row], 0))
    width = max(r.shape[1] for r in rows)
    return Image.fromarray(
        np.concatenate([np.pad(r, ((0, 4), (0, width - r.shape[1]), (0, 0)), constant_values=255) for r in rows])
    )


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('out')
    p.add_argument('--before', default='c2d5a87', help='git revision whose disvae draws the "before" rows')
    p.add_argument(
        '--side', type=int, default=1024, help='the photos are resized to this width before anything is drawn'
    )
    p.add_argument('--tiles-only', help=argparse.SUPPRESS)  # internal: write this process's tiles to an .npz
    a = p.parse_args()
    if a.tiles_only:
        np.savez(a.tiles_only, **tiles(a.side))
        sys.exit(0)
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ['git', '-C', str(root), 'archive', a.before, 'disvae'], check=True, capture_output=True
        ).stdout
        subprocess.run(['tar', '-x', '-C', tmp], input=archive, check=True)
        env = dict(os.environ, PYTHONPATH=tmp)
        cmd = [sys.executable, __file__, a.out, '--side', str(a.side), '--tiles-only', f'{tmp}/before.npz']
        subprocess.run(cmd, check=True, env=env, cwd=tmp)
        before = dict(np.load(f'{tmp}/before.npz'))
    image = strip(before, tiles(a.side), a.before)
    image.save(a.out, quality=92)
    print(f'wrote {a.out}: {image.width}x{image.height} px, three faces at {a.side} px, before = {a.before}')
