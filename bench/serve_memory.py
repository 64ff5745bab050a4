"""The web app's memory over consecutive jobs: `disvae serve` started as a real server, driven through its HTTP API by
gradio_client (the client Gradio ships; the same queue the page uses), alternating Animate (the bundled demo face and
speech, the parametric head) and Encode; the server's RSS (from /proc) after each job, and its job folders.

    python bench/serve_memory.py [--jobs 10] [--port 7871] [--json out.json]

No growth means the RSS stops rising: the summary gives the RSS after the first job, after job 10 and the change over
the last 10 jobs (Python's allocator and Gradio's caches settle over the first jobs; a leak keeps rising).
"""

import argparse, json, os, platform, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path


def rss_mb(pid: int) -> float:
    "Resident memory of a process and its children, MB."
    total = 0
    for p in [pid] + [int(c) for c in Path(f'/proc/{pid}/task/{pid}/children').read_text().split()]:
        with open(f'/proc/{p}/statm') as f:
            total += int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
    return total / 2**20


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--jobs', type=int, default=30)
    p.add_argument('--port', type=int, default=7871)
    p.add_argument('--json', default=None)
    a = p.parse_args()
    from gradio_client import Client, handle_file
    from disvae.core.checkpoint import DEMO

    jobs_root = Path(tempfile.mkdtemp())
    env = dict(os.environ, TMPDIR=str(jobs_root), GRADIO_ANALYTICS_ENABLED='False')
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / 'disvae'), 'serve', '--port', str(a.port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f'http://127.0.0.1:{a.port}/'
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        client = Client(url, verbose=False)
        endpoints = sorted(client.view_api(print_info=False, return_format='dict')['named_endpoints'])
        animate_api, encode_api = endpoints[0], endpoints[1]  # declared in this order: Animate, then Encode
        rows = [dict(job=0, kind='started', rss_mb=round(rss_mb(server.pid), 1), seconds=0.0)]
        print(f"server up: {rows[0]['rss_mb']} MB; endpoints {endpoints}", flush=True)
        for k in range(1, a.jobs + 1):
            t0 = time.perf_counter()
            if k % 2:
                client.predict(
                    handle_file(str(DEMO / 'face.png')),
                    handle_file(str(DEMO / 'speech.wav')),
                    'parametric',
                    False,
                    512,
                    api_name=animate_api,
                )
                kind = 'animate'
            else:
                client.predict(handle_file(str(DEMO / 'speech.wav')), api_name=encode_api)
                kind = 'encode'
            folders = sum(1 for _ in jobs_root.rglob('talking.mp4')) + sum(1 for _ in jobs_root.rglob('features.npz'))
            rows.append(
                dict(
                    job=k,
                    kind=kind,
                    rss_mb=round(rss_mb(server.pid), 1),
                    seconds=round(time.perf_counter() - t0, 1),
                    outputs_kept=folders,
                )
            )
            print(rows[-1], flush=True)
    finally:
        server.terminate()
        server.wait(30)
    rss = [r['rss_mb'] for r in rows]
    print(
        f'RSS: started {rss[0]} MB, after job 1 {rss[1]} MB, after job 10 {rss[min(10, a.jobs)]} MB, after job '
        f'{a.jobs} '
        f'{rss[-1]} MB; over the last 10 jobs {rss[-1] - rss[-11]:+.1f} MB'
    )
    if a.json:
        Path(a.json).write_text(
            json.dumps(dict(machine=f'{platform.machine()}, {os.cpu_count()} cores', rows=rows), indent=1)
        )
