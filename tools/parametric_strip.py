"""A frame strip of the parametric head on a real photo at its full resolution, driven by real speech: the mouth region
of frames spread over a clip, with the head's mouth landmarks (green) against the landmarks the aligned phones give
through the renderer's own mouth track (the rendered truth's geometry, red).

    python tools/parametric_strip.py /tmp/real OUT.jpg [--clip librivox_0870] [--frames 8] [--mouth DIR]
"""

import argparse
import numpy as np
import matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
from disvae.corpus.store import FeatureStore, decoded_audio
from disvae.face.images import FaceLandmarker, MOUTH
from disvae.heads.parametric.motion import MouthHead, BUNDLED_MOUTH
from disvae.heads.parametric.photo import PhotoMouth, face_width
from disvae.face.render import bundled_faces, mouth_track, deform_landmarks
from disvae.core.visemes import VISEMES
from disvae.core.audio import video_frame_to_spec_frame

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('real_store')
    p.add_argument('out')
    p.add_argument('--clip', default='librivox_0870')
    p.add_argument('--frames', type=int, default=8)
    p.add_argument('--mouth', default=str(BUNDLED_MOUTH))
    p.add_argument('--photo', default='hopper')
    a = p.parse_args()
    store = FeatureStore(a.real_store)
    row = int(np.flatnonzero(store.utterances.id.astype(str).str.contains(a.clip))[0])
    wave, labels = decoded_audio(store.utterances.audio[row]), np.asarray(store.utterance(row)[1])
    photo = bundled_faces()[a.photo]
    marks = FaceLandmarker('dlib', verbose=False)(photo)
    speaking = PhotoMouth(photo, marks)
    shapes = MouthHead.from_folder(a.mouth).motion(wave)
    n = min(len(shapes), len(labels) // 4)
    truth = mouth_track(labels, n)
    visemes = labels[np.minimum(video_frame_to_spec_frame(np.arange(n)), len(labels) - 1)]
    order = np.argsort(truth[:, 0], kind='stable')  # from shut to wide open, as the phones say
    picks = np.sort(order[np.linspace(0, n - 1, a.frames).astype(int)])
    x0, y0, x1, y1 = speaking.box
    fig, axes = plt.subplots(1, a.frames, figsize=(2.2 * a.frames, 2.6))
    for ax, k in zip(axes, picks):
        frame = speaking.frame(shapes[k])
        ax.imshow(frame[y0:y1, x0:x1])
        for pts, colour in ((speaking.landmarks_for(truth[k]), 'red'), (speaking.landmarks_for(shapes[k]), 'lime')):
            ax.scatter(pts[MOUTH, 0] - x0, pts[MOUTH, 1] - y0, s=3, c=colour)
        ax.set_title(f'{k / 25:.2f} s, {VISEMES[visemes[k]]}', fontsize=8)
        ax.axis('off')
    fig.suptitle(
        f'{a.clip} on {a.photo} ({photo.shape[1]}x{photo.shape[0]} px, full resolution): the head (green), '
        'the aligned phones through the renderer (red)',
        fontsize=9,
    )
    fig.tight_layout()
    fig.savefig(a.out, dpi=110)
    print(f'wrote {a.out}: frames {picks.tolist()} of {n}, face {face_width(marks):.0f} px wide')
