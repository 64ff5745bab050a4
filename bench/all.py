"""Every benchmark in one run, each in its own process, into one Markdown page (README's "Benchmarks" section comes from
it).

    python bench/all.py [--device cpu|cuda] [--out bench-results] [--quick]

Runs bench/frontend.py, vae.py, gan.py and animate.py with their default settings (`--quick`: fewer utterances, steps
and sizes, for a check that they all run), writes each one's JSON, and OUT/benchmarks.md with the machine, the command
of every row and the peak RSS of each benchmark's process (from wait4, so one benchmark's memory is not another's). Each
table names its baseline from the same run.
"""

import argparse, json, os, platform, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(script, args, out):
    "Run one benchmark script; (its JSON, wall seconds, peak RSS in MB of its process)."
    cmd = [sys.executable, str(HERE / script), *args, '--json', str(out)]
    print('$', ' '.join(['python', f'bench/{script}', *args]), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f'bench/{script} failed with exit code {proc.returncode}')
    return json.loads(Path(out).read_text()), time.perf_counter() - t0, usage.ru_maxrss / 1024


def markdown(results, machine):
    fr, fr_cmd, fr_s, fr_mb = results['frontend']
    lines = [
        f'Machine: {machine}.',
        '',
        f'**Front end**, hours of audio per minute of wall time on {fr["files"]} utterances (`{fr_cmd}`, peak RSS '
        f'{fr_mb / 1024:.1f} GB):',
        '',
        '| front end | h audio / min | vs librosa |',
        '|---|---:|---:|',
    ]
    base = fr['librosa_per_utterance']
    for key, name in (
        ('decode_resample', 'decoding + resampling to 16 kHz (shared)'),
        ('librosa_per_utterance', 'librosa `stft` per utterance (baseline)'),
        ('torch_per_utterance_1_thread', 'disvae torch, per utterance, 1 thread'),
        *[
            (k, f'disvae torch, per utterance, {k.split("_")[3]} threads')
            for k in fr
            if k.startswith('torch_per_utterance_') and k.endswith('_threads')
        ],
        ('torch_batched64_cpu', 'disvae torch, padded batches of 64'),
        *[
            (k, f'disvae torch on {k[len("torch_batched64_") :]}, batches of 64')
            for k in fr
            if k.startswith('torch_batched64_') and k != 'torch_batched64_cpu'
        ],
    ):
        if key in fr:
            lines.append(
                f'| {name} | {fr[key]:.1f} | ' + ('—' if key == 'decode_resample' else f'{fr[key] / base:.2f}×') + ' |'
            )
    va, va_cmd, va_s, va_mb = results['vae']
    lines += [
        '',
        f'**VAE** at the paper\'s sizes ({va["parameters_millions"]} M parameters; `{va_cmd}`, peak RSS '
        f'{va_mb / 1024:.1f} GB):',
        '',
        '| measure | value |',
        '|---|---:|',
        f'| training, segments/s at batch 64 | {va["train_segments_per_s_batch64"]:.0f} |',
        f'| training, segments/s at batch 256 | {va["train_segments_per_s_batch256"]:.0f} |',
        f'| `encode`, × real time (all frames in one batch) | {va["encode_batched_real_time_factor"]:.0f}× |',
        '| one video frame at a time (baseline), × real time | '
        f'{va["baseline_one_frame_at_a_time_real_time_factor"]:.0f}× |',
    ]
    ga, ga_cmd, ga_s, ga_mb = results['gan']
    lines += [
        '',
        f'**Talking-head GAN** (`{ga_cmd}`; a step is both critics with gradient penalties, then the generator, for 8 '
        'clips of 5 frames; '
        'peak memory grows across rows):',
        '',
        '| crop | training step | clips / s | generation, × real time | renderer, frames / s | peak memory |',
        '|---:|---:|---:|---:|---:|---:|',
    ]
    for r in ga['rows']:
        lines.append(
            f"| {r['size']} px | {r['step_s']:.1f} s | {r['clips_per_s']} | {r['generate_rtf']}× | {r['render_fps']} | "
            f"{r['peak_mb'] / 1024:.1f} GB |"
        )
    an, an_cmd, an_s, an_mb = results['animate']
    lines += [
        '',
        f'**`disvae animate` end to end** on the bundled face and speech (`{an_cmd}`; the baseline is the bundled 64 '
        'px animator):',
        '',
        '| animator | speech | wall | × real time | peak RSS |',
        '|---|---:|---:|---:|---:|',
    ]
    for r in an['rows']:
        lines.append(
            f"| {r['animator']} | {r['seconds_of_speech']} s | {r['wall_s']} s | {r['realtime']}× | "
            f"{r['peak_rss_mb'] / 1024:.1f} GB |"
        )
    lines += [
        '',
        f"Wall time of each benchmark: front end {fr_s:.0f} s, VAE {va_s:.0f} s, GAN {ga_s:.0f} s, animate {an_s:.0f} "
        "s.",
    ]
    return '\n'.join(lines) + '\n'


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--device', default='cpu')
    p.add_argument('--out', default='bench-results')
    p.add_argument('--quick', action='store_true')
    a = p.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    device = [] if a.device == 'cpu' else ['--device', a.device]
    plan = {
        'frontend': ('frontend.py', ['--utterances', '20' if a.quick else '300', *device]),
        'vae': ('vae.py', ['--steps', '1' if a.quick else '5', *device]),
        'gan': ('gan.py', ['--steps', '1' if a.quick else '3', *(['--sizes', '64'] if a.quick else []), *device]),
        'animate': ('animate.py', ['--repeats', '1' if a.quick else '2', *(['--sizes', '128'] if a.quick else [])]),
    }  # animate runs on the CPU
    results = {}
    for name, (script, args) in plan.items():
        data, seconds, peak_mb = run(script, args, out / f'{name}.json')
        results[name] = (data, ' '.join(['python', f'bench/{script}', *args]), seconds, peak_mb)
    import torch

    machine = (
        f'{platform.machine()}, {os.cpu_count()} CPU cores, '
        + (torch.cuda.get_device_name() if a.device == 'cuda' else 'no GPU used')
        + f', torch {torch.__version__}'
    )
    page = markdown(results, machine)
    (out / 'benchmarks.md').write_text(page)
    print(page)
