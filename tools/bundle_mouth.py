"""Bundle a trained parametric head (disvae train-mouth OUT) as disvae/assets/mouth, following the bundled VAE.

    disvae train-mouth STORE disvae/assets/vae --out /tmp/mouth --epochs 40
    python tools/bundle_mouth.py /tmp/mouth

Keeps config.json and model.safetensors (not the optimizer state); the VAE it follows is written as `../vae`
(disvae/assets/vae), after checking that the run followed that same VAE (same weights file, byte for byte).
"""

import argparse, filecmp, json, shutil
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / 'disvae' / 'assets'

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('run')
    p.add_argument('--out', default=str(ASSETS / 'mouth'))
    a = p.parse_args()
    run, out = Path(a.run), Path(a.out)
    meta = json.loads((run / 'config.json').read_text())
    assert meta['kind'] == 'disvae.mouth_head', meta['kind']
    followed = Path(meta['train']['vae'])
    if not filecmp.cmp(followed / 'model.safetensors', ASSETS / 'vae' / 'model.safetensors', shallow=False):
        raise SystemExit(f'{run} follows {followed}, not the bundled VAE: train it on disvae/assets/vae')
    meta['train'] = meta['train'] | dict(vae='../vae', store=Path(meta['train']['store']).name, out='bundled')
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(run / 'model.safetensors', out / 'model.safetensors')
    (out / 'config.json').write_text(json.dumps(meta, indent=1) + '\n')
    print(f'wrote {out}: {(out / "model.safetensors").stat().st_size / 1e3:.0f} kB of weights')
