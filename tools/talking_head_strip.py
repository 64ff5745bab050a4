"""Generated frames above rendered ground truth for the first test utterance, with mouth landmarks (the regressor's on
generated frames, the renderer's on the truth).

    python tools/talking_head_strip.py STORE VAE GAN_CHECKPOINT OUT.png
"""

import argparse, numpy as np, torch, matplotlib

matplotlib.use('Agg')
import matplotlib.pyplot as plt
from disvae.corpus.store import FeatureStore
from disvae.speech.vae import load_vae
from disvae.heads.gan.head import load_generator
from disvae.speech.conditioner import utterance_latents
from disvae.face.render import FaceIdentity, bundled_faces, render_clip
from disvae.heads.gan.regressor import load_regressor
from disvae.heads.gan.generator import generate
from disvae.face.images import MOUTH, uint8_to_unit, unit_to_uint8

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__.split('\n\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('store', help='a prepared feature store (its first test utterance is drawn)')
    ap.add_argument('vae', help="the VAE checkpoint folder whose z_c drives the generator")
    ap.add_argument('gan', help='the GAN head checkpoint folder (with its regressor/)')
    ap.add_argument('out', help='the PNG to write')
    args = ap.parse_args()
    ckpt, out = args.gan, args.out
    store = FeatureStore(args.store)
    vae = load_vae(args.vae)
    gen = load_generator(ckpt)
    reg = load_regressor(f'{ckpt}/regressor')
    size = gen.config.size
    row = int(np.flatnonzero(store.utterances.split.values == 'test')[0])
    u = store.utterances.iloc[row]
    z = utterance_latents(vae, store, [row])[0]
    identity = FaceIdentity(bundled_faces()['astronaut'], size, name='astronaut').variant(7)
    labels = np.asarray(store.utterance(row)[1], np.int64)
    real, marks = render_clip(identity, labels, len(z))
    face = uint8_to_unit(identity.crop)[None]
    with torch.no_grad():
        fake = generate(gen, face, z[None])[0]
        fake_marks = reg(fake).numpy()
    fake_img = unit_to_uint8(fake)
    idx = np.linspace(5, len(z) - 5, 8).astype(int)
    fig, axes = plt.subplots(2, 8, figsize=(14, 4))
    for j, k in enumerate(idx):
        axes[0, j].imshow(fake_img[k])
        axes[0, j].scatter(*fake_marks[k].T, s=2, c='cyan')
        axes[0, j].set_title(f'frame {k}', fontsize=8)
        axes[1, j].imshow(real[k])
        axes[1, j].scatter(*marks[k][MOUTH].T, s=2, c='red')
    for a in axes.flat:
        a.set_axis_off()
    axes[0, 0].text(-5, size / 2, 'generated', rotation=90, va='center', ha='right', fontsize=9)
    axes[1, 0].text(-5, size / 2, 'rendered (truth)', rotation=90, va='center', ha='right', fontsize=9)
    fig.suptitle(f'{u.id} ({u.emotion}), unseen speaker; {ckpt}', fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=90)
    l1 = np.abs(fake_img.astype(float) - real.astype(float)).mean() / 255
    lmd = np.linalg.norm(fake_marks - marks[:, MOUTH], axis=-1).mean()
    print(
        f'{len(z)} frames; mean |generated - truth| {l1:.3f} of full scale; mouth landmark distance (regressor on '
        f'generated vs truth) {lmd:.2f} px at {size} px'
    )
