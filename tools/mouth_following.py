"""The inner-lip gap by viseme and the opening's correlation on real speech, for several parametric heads (`mouth_following`, drawn
landmarks on the 512 px astronaut):

    python tools/mouth_following.py /tmp/real "z_c=disvae/assets/mouth" "MFCC=/tmp/runs/mouth-mfcc" ...
"""
import argparse
import skimage.data
from disvae.eval_talking_head import mouth_following
from disvae.faces import FaceLandmarker
from disvae.mouth_head import MouthHead

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('real_store')
    p.add_argument('heads', nargs='+', help='NAME=DIR, one per head')
    a = p.parse_args()
    rest = FaceLandmarker('dlib', verbose=False)(skimage.data.astronaut())
    print('| the head follows | gap, open vowels | gap, bilabials and silence | difference | opening correlation |')
    print('|---|---:|---:|---:|---:|')
    for name, folder in (h.split('=', 1) for h in a.heads):
        f = mouth_following(MouthHead.from_folder(folder).motion, a.real_store, rest)
        print(f"| {name} | {f['open']:.1%} | {f['closed']:.1%} | {f['difference']:.1%} | {f['correlation']:.3f} |", flush=True)
