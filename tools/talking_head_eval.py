"""The talking-head noise protocol (Figure 5) and emotion protocol for one generator on a store's test split, beside the named baseline
of a face that never moves (same identity, same truth, same detector).

    python tools/talking_head_eval.py STORE VAE GAN_CHECKPOINT OUT_DIR [--utterances 20] [--resolution 128]

Writes OUT_DIR/noise.md, emotions.md, results.json and figure5.png; prints the tables.
"""
import argparse, json, time
from pathlib import Path
import numpy as np
import matplotlib; matplotlib.use('Agg')
from disvae.corpora import FeatureStore
from disvae.vae import load_vae
from disvae.train_gan import load_generator
from disvae.render import FaceIdentity, bundled_faces
from disvae.eval import talking_head_noise, talking_head_emotions, generator_animator, plot_lmd_noise

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('store'); p.add_argument('vae'); p.add_argument('checkpoint'); p.add_argument('out')
    p.add_argument('--utterances', type=int, default=20); p.add_argument('--resolution', type=int, default=128)
    a = p.parse_args()
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    store, vae, gen = FeatureStore(a.store), load_vae(a.vae), load_generator(a.checkpoint)
    identity = FaceIdentity(bundled_faces()['astronaut'], gen.config.size, name='astronaut')
    animators = {'z_c + generator': generator_animator(gen), 'still face (baseline)': lambda face, z: np.repeat(face[None], len(z), 0)}
    results, noise, emotions = {}, {}, {}
    for name, animator in animators.items():
        t0 = time.perf_counter()
        noise[name] = talking_head_noise(store, vae, animator, identity, n_utterances=a.utterances, resolution=a.resolution)
        emotions[name] = talking_head_emotions(vae, animator, identity, resolution=a.resolution)
        results[name] = dict(noise=noise[name].astype(float).round(4).to_dict('index'), emotions=emotions[name].astype(float).round(4).to_dict('index'),
                             seconds=round(time.perf_counter() - t0, 1))
    attrs = next(iter(noise.values())).attrs
    head = f"LMD in px at {attrs['resolution']} px ({attrs['detector']}), PSNR in dB, SSIM; {attrs['utterances']} test utterances, identity {attrs['identity']}\n\n"
    def table(tables, key):
        rows = ['| method | ' + ' | '.join(f'{c} {key}' for c in next(iter(tables.values())).index) + ' |', '|---|' + '---:|' * len(next(iter(tables.values())).index)]
        rows += [f'| {n} | ' + ' | '.join(f'{v:.2f}' for v in t[key].astype(float)) + ' |' for n, t in tables.items()]
        return '\n'.join(rows)
    noise_md = head + '\n\n'.join(table(noise, k) for k in ('lmd', 'lmd_centred', 'psnr', 'ssim'))
    emotion_md = head + '\n\n'.join(table(emotions, k) for k in ('lmd', 'lmd_centred'))
    (out / 'noise.md').write_text(noise_md + '\n'); (out / 'emotions.md').write_text(emotion_md + '\n')
    (out / 'results.json').write_text(json.dumps(dict(meta={k: v for k, v in attrs.items()}, checkpoint=a.checkpoint, results=results), indent=1))
    fig = plot_lmd_noise(noise); fig.savefig(out / 'figure5.png', dpi=120)
    print(noise_md); print(); print(emotion_md)
