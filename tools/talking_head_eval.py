"""Tables 1 and 2, Figures 3 and 5 and the emotion table for some talking-head generators on a store's test split, beside the named
baseline of a face that never moves (same identity, same truth, same detector). Each checkpoint knows the VAE or MFCC baseline it follows.

    python tools/talking_head_eval.py STORE OUT_DIR NAME=GAN_CHECKPOINT [NAME=GAN_CHECKPOINT ...] [--utterances 20] [--resolution 128]

Writes OUT_DIR/table1.md, table2.md, emotions.md, figure5.png, figure3.png and results.json (disvae.eval_talking_head.compare_talking_heads); prints the tables.
"""
import argparse
from pathlib import Path
import matplotlib; matplotlib.use('Agg')
from disvae.eval_talking_head import compare_talking_heads

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('store'); p.add_argument('out'); p.add_argument('gans', nargs='+', help='NAME=CHECKPOINT, one per method')
    p.add_argument('--utterances', type=int, default=20); p.add_argument('--resolution', type=int, default=128)
    a = p.parse_args()
    gans = dict(g.split('=', 1) if '=' in g else (Path(g).name, g) for g in a.gans)
    res = compare_talking_heads(a.store, gans, a.out, n_utterances=a.utterances, resolution=a.resolution)
    for table in ('table1.md', 'table2.md', 'emotions.md'): print((Path(a.out) / table).read_text())
    print(f"{res['seconds']:.0f} s")
