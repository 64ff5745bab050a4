"""Front-end throughput: the torch log-spectrogram against the librosa reference on the same files, in one run.

    python bench/frontend.py [--corpus DIR] [--utterances 300] [--device cpu|cuda] [--json out.json]

Reports hours of audio per minute of wall time for: decoding + resampling to 16 kHz (shared by both),
librosa per utterance, torch per utterance (1 thread and all threads), torch batched (and on the GPU when asked).
"""

import argparse, json, os, platform, sys, tempfile, time
from pathlib import Path
import numpy as np
import torch

from disvae.core.audio import load_audio, log_spectrogram, librosa_log_spectrogram, SAMPLE_RATE


def timed(fn, repeat=3):
    "Best of `repeat` wall times (seconds) and the last result."
    best, out = float('inf'), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--corpus', help='folder of audio files (default: a synthetic corpus made here)')
    ap.add_argument('--utterances', type=int, default=300)
    ap.add_argument('--device', default='cpu')
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--json', help='write the figures here as JSON')
    a = ap.parse_args()

    if a.corpus:
        root = Path(a.corpus)
    else:
        from disvae.corpus.synth import synth_corpus

        root = Path(tempfile.mkdtemp()) / 'corpus'
        synth_corpus(root, a.utterances, seed=0, progress=False)
    files = sorted(p for p in root.rglob('*') if p.suffix.lower() in {'.wav', '.flac', '.mp4', '.mpg', '.ogg', '.mp3'})[
        : a.utterances
    ]

    load_audio(files[0])
    librosa_log_spectrogram(np.zeros(16000, np.float32))  # pay import and JIT costs before timing
    t_load, waves = timed(lambda: [load_audio(f) for f in files], repeat=1)
    hours = sum(len(w) for w in waves) / SAMPLE_RATE / 3600
    rate = lambda seconds: hours / (seconds / 60)  # hours of audio per minute

    results = dict(
        machine=f'{platform.machine()}, {os.cpu_count()} cores, {platform.processor() or platform.platform()}',
        torch=torch.__version__,
        files=len(files),
        audio_hours=round(hours, 4),
    )
    results['decode_resample'] = rate(t_load)
    t, ref = timed(lambda: [librosa_log_spectrogram(w) for w in waves])
    results['librosa_per_utterance'] = rate(t)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    t, _ = timed(lambda: [log_spectrogram(w) for w in waves])
    results['torch_per_utterance_1_thread'] = rate(t)
    torch.set_num_threads(threads)
    t, ours = timed(lambda: [log_spectrogram(w) for w in waves])
    results[f'torch_per_utterance_{threads}_threads'] = rate(t)
    # the log magnifies float32 FFT rounding in near-silent bins, so compare where |X| >= 1e-3 (as the test does)
    for floor in (1e-3, 1e-2):
        results[f'max_abs_diff_vs_librosa_where_mag>={floor:g}'] = float(
            max(np.abs(o.numpy() - r)[r >= np.log(floor)].max() for o, r in zip(ours, ref))
        )

    def batched(device):
        def run():
            out = []
            for i in range(0, len(waves), a.batch):
                chunk = waves[i : i + a.batch]
                n = max(len(w) for w in chunk)
                x = torch.zeros(len(chunk), n)
                for j, w in enumerate(chunk):
                    x[j, : len(w)] = torch.from_numpy(w)
                out.append(log_spectrogram(x.to(device, non_blocking=True)))
            if device.startswith('cuda'):
                torch.cuda.synchronize()
            return out

        return run

    t, _ = timed(batched('cpu'))
    results[f'torch_batched{a.batch}_cpu'] = rate(t)
    if a.device.startswith('cuda') and torch.cuda.is_available():
        batched(a.device)()  # warm-up: cuFFT plans
        t, _ = timed(batched(a.device))
        results[f'torch_batched{a.batch}_{torch.cuda.get_device_name()}'] = rate(t)

    print(f"{results['files']} files, {hours * 60:.2f} min of audio; {results['machine']}; torch {results['torch']}")
    print('| front end | hours of audio per minute | vs librosa |')
    print('|---|---:|---:|')
    base = results['librosa_per_utterance']
    for k, v in results.items():
        if isinstance(v, float) and not k.startswith('max_abs_diff') and k != 'audio_hours':
            print(f'| {k} | {v:,.1f} | {v / base:.2f}× |')
    for k, v in results.items():
        if k.startswith('max_abs_diff'):
            print(f'{k}: {v:.2e} (log domain)')
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))


if __name__ == '__main__':
    main()
