"""Average the weights of several checkpoints of one run element-wise into a new checkpoint folder (config.json from the
last), for comparing an average of epochs with choosing one.

    python tools/average_weights.py OUT DIR1 DIR2 ...

Only checkpoints of one architecture and one start make sense together (a run's epochs); their shapes must match.
"""

import argparse, shutil
from pathlib import Path
from safetensors.torch import load_file, save_file

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out')
    p.add_argument('checkpoints', nargs='+', help='folders holding model.safetensors and config.json')
    a = p.parse_args()
    weights = [load_file(Path(d) / 'model.safetensors') for d in a.checkpoints]
    for d, w in zip(a.checkpoints, weights):
        if {k: v.shape for k, v in w.items()} != {k: v.shape for k, v in weights[0].items()}:
            p.error(f'{d}: its tensors differ from those of {a.checkpoints[0]} in names or shapes')
    mean = {
        k: (sum(w[k].double() for w in weights) / len(weights)).to(v.dtype) if v.is_floating_point() else weights[-1][k]
        for k, v in weights[0].items()
    }
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    save_file(mean, out / 'model.safetensors')
    shutil.copy(Path(a.checkpoints[-1]) / 'config.json', out / 'config.json')
    print(f'{out}: the mean of {len(weights)} checkpoints')
