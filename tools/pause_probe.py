"""What a long pause after the speech does to what `encode` reads from it, with the utterance level as it is now
(`level_of_frames`: the louder half of the frames, pauses 25 dB under the 95th percentile left out) and as it was before
2026-12-05 night (the louder half alone), in one run.

    python tools/pause_probe.py --store fmix --real realstore [--limit N] [--vae disvae/assets/vae]

Each clip is read alone and with 6 s after it of digital silence or of pink noise at -60 dBFS (a quiet room). For
RAVDESS's test actors (in MIX_STORE): `encode`'s clip emotion right, the same as the clip's read alone, and z_c's
visemes (the viseme table) on the sentence's speech frames the same as read alone. For data/real_speech (REAL_STORE,
measurement only): z_c's visemes right on the speech frames. Prints a markdown table (about 25 min on the 2-core CPU).
"""

import argparse, time, zlib

import numpy as np
import torch

import disvae.core.audio as audio
from disvae.core.audio import SAMPLE_RATE, coloured_noise, log_spectrogram, video_frame_to_spec_frame
from disvae.core.visemes import SILENCE
from disvae.corpus.store import FeatureStore, decoded_audio, split_rows
from disvae.speech.encode import clip_emotion
from disvae.speech.losses import table_log_probs
from disvae.speech.vae import BUNDLED_VAE, content_latents, load_vae

NOW = audio.level_of_frames


def louder_half(frame: torch.Tensor) -> torch.Tensor:
    "The level before: the mean of the louder half of the frames, pauses included."
    return frame.topk(max(1, frame.shape[-1] // 2), dim=-1).values.mean(-1)


def paused(wave: np.ndarray, kind: str, seed: int) -> np.ndarray:
    if kind == 'none':
        return wave
    if kind == 'silence':
        pause = np.zeros(6 * SAMPLE_RATE, np.float32)
    else:  # a quiet room: pink noise at -60 dBFS RMS
        pause = coloured_noise(6 * SAMPLE_RATE, 'pink', torch.Generator().manual_seed(seed)).numpy() * 1e-3
    return np.concatenate([wave, pause.astype(np.float32)])


@torch.no_grad()
def reading(model, wave: np.ndarray, n: int) -> tuple:
    "(clip emotion, visemes of the first `n` video frames) as `encode` reads the recording."
    x = log_spectrogram(wave)
    z_c, z_e = content_latents(model, x), content_latents(model, x, encoder='emotion')
    viseme_prob = table_log_probs(z_c, model.viseme_table, model.config.latent_var).exp()
    emotion_prob = table_log_probs(z_e, model.emotion_table, model.config.latent_var).exp()
    return int(clip_emotion(emotion_prob, viseme_prob).argmax()), viseme_prob.argmax(-1)[:n]


PAUSES = ('none', 'silence', 'quiet room')


def measure(model, store: FeatureStore, rows, emotional: bool) -> dict:
    "{pause: {measure: %}} over the store rows."
    hits = {
        p: {'emotion right': [], 'emotion as alone': [], 'visemes as alone': [], 'visemes right': []} for p in PAUSES
    }
    for r in rows:
        u = store.utterances.iloc[int(r)]
        wave, labels = decoded_audio(u.audio), np.asarray(store.utterance(int(r))[1])
        n = audio.num_video_frames(len(wave))
        truth = torch.from_numpy(labels[np.minimum(video_frame_to_spec_frame(np.arange(n)), len(labels) - 1)])
        speech = truth != SILENCE
        for p in PAUSES:
            emotion, visemes = reading(model, paused(wave, p, zlib.crc32(u.id.encode())), n)
            if p == 'none':
                alone_emotion, alone_visemes = emotion, visemes
            h = hits[p]
            h['visemes as alone'].append((visemes[speech] == alone_visemes[speech]).float().mean().item())
            h['visemes right'].append((visemes[speech] == truth[speech]).float().mean().item())
            if emotional:
                h['emotion right'].append(emotion == int(u.emotion_index))
                h['emotion as alone'].append(emotion == alone_emotion)
    return {p: {k: 100 * float(np.mean(v)) for k, v in h.items() if v} for p, h in hits.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', required=True, help="the mix store: RAVDESS's test actors")
    ap.add_argument('--real', required=True, help='`disvae real-speech` store')
    ap.add_argument('--vae', default=str(BUNDLED_VAE))
    ap.add_argument('--limit', type=int, default=None, help='the first N RAVDESS test clips only')
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = load_vae(a.vae).eval()
    mix, real = FeatureStore(a.store), FeatureStore(a.real)
    ravdess = split_rows(mix, 'test', 'ravdess')[: a.limit]
    results = {}
    for rule, level in (('before (louder half)', louder_half), ('now (pauses left out)', NOW)):
        audio.level_of_frames = level  # what `utterance_level` reads: both encoders' normalisation
        results[rule] = (
            measure(model, mix, ravdess, emotional=True),
            measure(model, real, np.arange(len(real.utterances)), emotional=False),
        )
    audio.level_of_frames = NOW
    print(
        '| level | 6 s after the speech | RAVDESS test: clip emotion right | the same as alone '
        '| z_c visemes as alone | real speech: z_c visemes right | as alone |'
    )
    print('|---|---|---:|---:|---:|---:|---:|')
    for rule, (rav, rs) in results.items():
        for p in PAUSES:
            r, s = rav[p], rs[p]
            cells = (
                r['emotion right'],
                r['emotion as alone'],
                r['visemes as alone'],
                s['visemes right'],
                s['visemes as alone'],
            )
            print(f'| {rule} | {p} | ' + ' | '.join(f'{v:.1f}' for v in cells) + ' |')
    took = time.perf_counter() - t0
    print(f'\nRAVDESS test clips {len(ravdess)}, real-speech clips {len(real.utterances)}; {took:.0f} s')


if __name__ == '__main__':
    main()
