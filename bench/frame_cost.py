"""One frame of the living photo on one thread: `LivingFace.frame` as `animate` draws it, against a prototype that reads
the photo once through the mouth's, eyes' and head's maps composed (the alternative; timing only, its frames unchecked).

    python bench/frame_cost.py [--size 1024] [--frames 150]

The photo is the bundled astronaut scaled to `--size` px; the mouth follows the bundled head on the first three clips
of data/real_speech, the face lives as `animate` makes it live (seed 0). Both ways run twice, in turn, after five frames
of warm-up.
"""

import argparse, time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from disvae.core.audio import load_audio
from disvae.face.images import FaceLandmarker
from disvae.face.render import bundled_faces, deform_landmarks
from disvae.heads.parametric.life import LivingFace, UPPER_MOVING, head_map, life_track, lid_creases, upper_face_targets
from disvae.heads.parametric.motion import BUNDLED_MOUTH, MouthHead
from disvae.heads.parametric.photo import MOVING, _normalised, _sample, coarse_shift

ROOT = Path(__file__).resolve().parent.parent


def composed(lf: LivingFace, photo_t: torch.Tensor, shape, blink, brow, pose) -> np.ndarray:
    "The prototype: every map composed into one read of the photo (the drawn interior computed as now, not read)."
    m, (hx0, hy0, hx1, hy1) = lf.mouth, lf.head
    target = deform_landmarks(m.neutral, m.natural(shape))
    mouth = coarse_shift(
        np.concatenate([m.neutral[MOVING], m.anchors]), np.concatenate([target[MOVING], m.anchors]), m.hw, m.step
    )
    upper = upper_face_targets(lf.upper_neutral, blink, brow, lf.width)
    rest, crease = lid_creases(lf.upper_neutral, brow, lf.width)
    eyes = coarse_shift(
        np.concatenate([lf.upper_neutral[UPPER_MOVING], rest, lf.upper_anchors]),
        np.concatenate([upper[UPPER_MOVING], crease, lf.upper_anchors]),
        lf.upper_hw,
        max(2.0, max(lf.upper_hw) / 48),
    )
    where = head_map(pose, lf.ellipse, lf.head, lf.width, grid=lf.head_grid) + torch.tensor(
        [hx0, hy0], dtype=torch.float32
    )
    for (x0, y0), hw, coarse in ((m.box[:2], m.hw, mouth), (lf.upper[:2], lf.upper_hw, eyes)):
        q = where - torch.tensor([x0, y0], dtype=torch.float32)
        inside = (q[..., 0] >= 0) & (q[..., 0] <= hw[1] - 1) & (q[..., 1] >= 0) & (q[..., 1] <= hw[0] - 1)
        shift = F.grid_sample(coarse, _normalised(q, hw)[None], mode='bilinear', align_corners=True)[0].permute(1, 2, 0)
        where = torch.where(inside[..., None], where + shift, where)
    read = _sample(photo_t, where)
    m._draw_interior(m.region_t.clone(), target)
    out = lf.photo.copy()
    out[hy0:hy1, hx0:hx1] = read.round().clamp(0, 255).byte().permute(1, 2, 0).numpy()
    return out


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--size', type=int, default=1024)
    p.add_argument('--frames', type=int, default=150)
    a = p.parse_args()
    torch.set_num_threads(1)
    wave = np.concatenate([load_audio(c) for c in sorted((ROOT / 'data' / 'real_speech').glob('*.wav'))[:3]])
    shapes = MouthHead.from_folder(BUNDLED_MOUTH, ROOT / 'disvae' / 'assets' / 'vae').motion(wave)[: a.frames]
    photo = np.asarray(Image.fromarray(bundled_faces()['astronaut']).resize((a.size, a.size), Image.LANCZOS))
    lf = LivingFace(photo, FaceLandmarker('dlib')(photo))
    life = life_track(wave, len(shapes), 0)
    photo_t = torch.from_numpy(photo.copy()).permute(2, 0, 1).float()
    ways = {
        'LivingFace.frame (now)': lambda k: lf.frame(shapes[k], life['blink'][k], life['brow'][k], life['pose'][k]),
        'maps composed (prototype)': lambda k: composed(
            lf, photo_t, shapes[k], life['blink'][k], life['brow'][k], life['pose'][k]
        ),
    }
    for name, draw in list(ways.items()) * 2:
        for k in range(5):
            draw(k)
        t = time.perf_counter()
        for k in range(len(shapes)):
            draw(k)
        print(
            f'{name}: {1000 * (time.perf_counter() - t) / len(shapes):.1f} ms a frame',
            f'({len(shapes)} frames, {a.size} px)',
        )
