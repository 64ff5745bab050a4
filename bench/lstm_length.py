"""Training cost of the VAE's LSTM against the length of what it reads, on one thread.

    python bench/lstm_length.py [--lengths 20 105 160 180 200 220] [--batch 128] [--repeats 2] [--json out.json]

One forward and backward pass of a 2-layer, 256-unit LSTM over batches of 200-dim frames (the emotion encoder at the
paper's sizes), the best of `--repeats`. On the development CPU the cost per step of the sequence jumps above about 170
steps: the bundled recipe's emotion encoder (`--emotion-context 100`: 220 steps) trains 30-40 times slower per segment
than at 105 steps, which `--emotion-pool 4` gives with twice the context. `--no-mkldnn`: PyTorch's own LSTM.
"""

import argparse, json, os, platform, time
from pathlib import Path
import torch


def step_seconds(lstm, batch: int, length: int, repeats: int) -> float:
    x = torch.randn(batch, length, 200, generator=torch.Generator().manual_seed(0))
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter()
        _, (h, _) = lstm(x)
        h.sum().backward()
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--lengths', type=int, nargs='+', default=[20, 105, 160, 180, 200, 220])
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--repeats', type=int, default=2)
    ap.add_argument('--no-mkldnn', action='store_true')
    ap.add_argument('--json')
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.backends.mkldnn.enabled = not a.no_mkldnn
    lstm = torch.nn.LSTM(200, 256, 2, batch_first=True)
    print(f'{platform.machine()} CPU, {os.cpu_count()} cores, 1 thread; torch {torch.__version__}; batch {a.batch}')
    print('| steps | forward + backward | per segment | per segment and step |\n|---:|---:|---:|---:|')
    rows = []
    for length in a.lengths:
        s = step_seconds(lstm, a.batch, length, a.repeats)
        rows.append(dict(steps=length, seconds=s))
        print(
            f'| {length} | {s:.2f} s | {1e3 * s / a.batch:.1f} ms | {1e6 * s / a.batch / length:.0f} µs |', flush=True
        )
    if a.json:
        Path(a.json).write_text(json.dumps(dict(torch=torch.__version__, batch=a.batch, rows=rows), indent=1))


if __name__ == '__main__':
    main()
