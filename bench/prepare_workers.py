"""`prepare` on real recordings with one process, with local worker processes (`--workers 2`), and on a Dask cluster of
two workers (a `LocalCluster`, what `--scheduler` reaches on real machines), in one run: wall time, speed-up over one
process, and whether the stores are the same bytes.

    python bench/prepare_workers.py [--ravdess ../shared/data/ravdess] [--actors 4] [--json out.json]

The corpus is RAVDESS's first `--actors` actors (60 clips each, aligned by pocketsphinx against their sentence), read
where they are.
"""

import argparse, json, os, platform, tempfile, time
from pathlib import Path

from dask.distributed import LocalCluster
from disvae.corpus.store import prepare

if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--ravdess', default=str(Path(__file__).resolve().parents[2] / 'shared' / 'data' / 'ravdess'))
    p.add_argument('--actors', type=int, default=4)
    p.add_argument('--json', default=None)
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp())
    root = tmp / 'ravdess'
    root.mkdir()
    for k in range(1, a.actors + 1):
        (root / f'Actor_{k:02d}').symlink_to(Path(a.ravdess) / f'Actor_{k:02d}')
    rows = []

    def timed(name, **how):
        t0 = time.perf_counter()
        prepare('ravdess', root, tmp / name, progress=False, **how)
        rows.append(dict(run=name, seconds=round(time.perf_counter() - t0, 1)))
        print(rows[-1], flush=True)

    timed('one process', workers=1)
    timed('2 local processes', workers=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        timed('Dask, 2 workers', scheduler=cluster.scheduler_address)
    same = lambda name: all(
        (tmp / name / f).read_bytes() == (tmp / 'one process' / f).read_bytes()
        for f in ('features.npy', 'visemes.npy', 'utterances.csv')
    )
    base = rows[0]['seconds']
    for r in rows:
        r.update(speedup=round(base / r['seconds'], 2), same_store=same(r['run']))
        print(
            f"| {r['run']} | {r['seconds']} s | {r['speedup']}x | {'same bytes' if r['same_store'] else 'DIFFERENT'} |"
        )
    if a.json:
        Path(a.json).write_text(
            json.dumps(dict(machine=f'{platform.machine()}, {os.cpu_count()} cores', rows=rows), indent=1)
        )
