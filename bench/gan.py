"""Talking-head speed: one GAN training step (both critics with gradient penalties, then the generator) and free-running
generation, at 64, 128 and 256 px; plus the renderer that makes the training clips.

    python bench/gan.py [--device cpu|cuda] [--steps 3] [--sizes 64 128 256] [--json out.json]

A step is what `disvae.heads.gan.train.train_gan` does per batch (batch 8 clips of 5 frames; perceptual loss 1 - SSIM;
landmark regressor at 64 px), on random tensors so that data loading is not measured. Generation:
`disvae.heads.gan.generator.generate` over 25 frames (one second of video) for one face, reported as a real-time factor
(video seconds / wall seconds; higher is faster). Peak memory: CUDA's max_memory_allocated on a GPU, the process's peak
RSS on the CPU.
"""

import argparse, json, os, platform, resource, time
import numpy as np
import torch
import torch.nn.functional as F

from disvae.heads.gan.generator import UNetGenerator, GeneratorConfig, generate, perceptual_loss
from disvae.heads.gan.critics import FrameCritic, VideoCritic, CriticConfig, gradient_penalty
from disvae.heads.gan.regressor import MouthLandmarkRegressor
from disvae.face.render import FaceIdentity, bundled_faces, render_clip
from disvae.core.visemes import VISEMES


def sync(device):
    if device.type == 'cuda':
        torch.cuda.synchronize()


def peak_mb(device):
    if device.type == 'cuda':
        return torch.cuda.max_memory_allocated() / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gan_step_time(device, size, steps, batch=8, frames=5):
    depth = {64: 4, 128: 5, 256: 6}[size]
    gen = UNetGenerator(GeneratorConfig(size=size, depth=depth)).to(device)
    cc = CriticConfig(frames=frames)
    fc, vc = FrameCritic(cc).to(device), VideoCritic(cc).to(device)
    reg = MouthLandmarkRegressor().to(device)
    opt_g = torch.optim.Adam(gen.parameters(), 1e-4, betas=(0.5, 0.9))
    opt_d = torch.optim.Adam(list(fc.parameters()) + list(vc.parameters()), 1e-4, betas=(0.5, 0.9))
    perceptual = perceptual_loss('ssim', verbose=False)
    g = torch.Generator().manual_seed(0)
    face = (torch.rand(batch, 3, size, size, generator=g) * 2 - 1).to(device)
    prev, real = ((torch.rand(batch, frames, 3, size, size, generator=g) * 2 - 1).to(device) for _ in range(2))
    z = torch.randn(batch, frames, 32, generator=g).to(device)
    vis = torch.randint(0, len(VISEMES), (batch * frames,), generator=g).to(device)
    flat = lambda x: x.reshape(batch * frames, *x.shape[2:])
    faces = face[:, None].expand(-1, frames, -1, -1, -1).reshape(batch * frames, 3, size, size)

    def step():
        with torch.no_grad():
            fake = generate(gen, face, z, previous=prev)
        rs, rl = fc(flat(real), faces)
        fs, _ = fc(flat(fake), faces)
        ld = (
            fs.mean()
            - rs.mean()
            + vc(fake, z).mean()
            - vc(real, z).mean()
            + gradient_penalty(fc, flat(real), flat(fake), faces)
            + gradient_penalty(vc, real, fake, z)
            + 0.1 * F.cross_entropy(rl, vis)
        )
        opt_d.zero_grad()
        ld.backward()
        opt_d.step()
        fake = generate(gen, face, z, previous=prev)
        fs, fl = fc(flat(fake), faces)
        lg = (
            (fake - real).abs().mean()
            + perceptual(flat(fake), flat(real))
            + F.mse_loss(reg(flat(fake)), reg(flat(real)).detach())
            - 0.01 * (fs.mean() + vc(fake, z).mean())
            + 0.1 * F.cross_entropy(fl, vis)
        )
        opt_g.zero_grad()
        lg.backward()
        opt_g.step()

    step()
    sync(device)
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    sync(device)
    return (time.perf_counter() - t0) / steps


@torch.no_grad()
def generation_rtf(device, size, seconds=1):
    depth = {64: 4, 128: 5, 256: 6}[size]
    gen = UNetGenerator(GeneratorConfig(size=size, depth=depth)).to(device).eval()
    face = torch.rand(1, 3, size, size, device=device) * 2 - 1
    z = torch.randn(1, 25 * seconds, 32, device=device)
    generate(gen, face, z[:, :2])
    sync(device)
    t0 = time.perf_counter()
    generate(gen, face, z)
    sync(device)
    return seconds / (time.perf_counter() - t0)


def render_fps(size, frames=100):
    identity = FaceIdentity(bundled_faces()['astronaut'], size)
    labels = np.random.default_rng(0).integers(0, len(VISEMES), frames * 4 + 1)
    t0 = time.perf_counter()
    render_clip(identity, np.repeat(labels[::8], 8)[: frames * 4 + 1], frames)
    return frames / (time.perf_counter() - t0)


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--device', default='cpu')
    p.add_argument('--steps', type=int, default=3)
    p.add_argument('--sizes', type=int, nargs='+', default=[64, 128, 256])
    p.add_argument('--json', default=None)
    a = p.parse_args()
    device = torch.device(a.device)
    rows = []
    for size in a.sizes:
        if device.type == 'cuda':
            torch.cuda.reset_peak_memory_stats()
        step = gan_step_time(device, size, a.steps)
        rtf = generation_rtf(device, size)
        row = dict(
            size=size,
            step_s=round(step, 3),
            clips_per_s=round(8 / step, 2),
            generate_rtf=round(rtf, 2),
            render_fps=round(render_fps(size), 1),
            peak_mb=round(peak_mb(device)),
        )
        rows.append(row)
        print(row, flush=True)
    meta = dict(
        machine=platform.machine(),
        cpus=os.cpu_count(),
        torch=torch.__version__,
        threads=torch.get_num_threads(),
        device=torch.cuda.get_device_name() if device.type == 'cuda' else 'cpu',
        steps=a.steps,
    )
    print(meta)
    if a.json:
        open(a.json, 'w').write(json.dumps(dict(meta=meta, rows=rows), indent=1))
