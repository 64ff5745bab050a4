"""What a long pause after the speech does to what `encode` reads from it, with the utterance level as it is now
(`level_of_frames`: the louder half of the frames, pauses 25 dB under the 95th percentile left out) and as it was before
2026-12-05 night (the louder half alone), in one run.

    python tools/pause_probe.py --store fmix --real realstore [--limit N] [--vae disvae/assets/vae] [--split val]
        [--now-only]

Each clip is read alone and with 6 s after it of digital silence or of pink noise at -60 dBFS (a quiet room). For
RAVDESS's test actors (in MIX_STORE; `--split val`: its validation actors): `encode`'s clip emotion right and the same
as the clip's read alone; the same with every frame the level leaves out as a pause weighing nothing (is it the
pause's own frames that move the clip's emotion?); and z_c's visemes (the viseme table) on the sentence's speech frames
the same as read alone. For data/real_speech (REAL_STORE,
measurement only): z_c's visemes right on the speech frames. Prints a markdown table (about 25 min on the 2-core CPU).
"""

import argparse, time, zlib

import numpy as np
import torch

import disvae.core.audio as audio
from disvae.core.audio import (
    pause_threshold,
    SAMPLE_RATE,
    coloured_noise,
    frame_levels,
    log_spectrogram,
    video_frame_to_spec_frame,
)
from disvae.core.visemes import SILENCE
from disvae.corpus.store import FeatureStore, decoded_audio, split_rows
from disvae.speech.encode import clip_emotion, table_probs
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


def active_video_frames(x: torch.Tensor, n: int) -> torch.Tensor:
    "[n] 1 where a video frame's centre is within `ACTIVE_DB` of the recording's 95th percentile (as the level keeps)."
    level = frame_levels(x)
    active = level >= pause_threshold(level)
    return active[np.minimum(video_frame_to_spec_frame(np.arange(n)), len(level) - 1)].float()


@torch.no_grad()
def reading(model, wave: np.ndarray, n: int) -> tuple:
    """(clip emotion, the same with the pause's frames weighing nothing, visemes of the first `n` video frames) as
    `encode` reads the recording."""
    x = log_spectrogram(wave)
    z_c, z_e = content_latents(model, x), content_latents(model, x, encoder='emotion')
    viseme_prob, emotion_prob = table_probs(model, z_c, z_e)
    speech = (1 - viseme_prob[:, SILENCE]) * active_video_frames(x, len(z_c))
    pauses_out = (emotion_prob * speech[:, None]).sum(0) / speech.sum().clamp_min(1e-6)
    return int(clip_emotion(emotion_prob, viseme_prob).argmax()), int(pauses_out.argmax()), viseme_prob.argmax(-1)[:n]


PAUSES = ('none', 'silence', 'quiet room')


def measure(model, store: FeatureStore, rows, emotional: bool) -> dict:
    "{pause: {measure: %}} over the store rows."
    measures = ('emotion right', 'emotion as alone', 'pauses out: right', 'pauses out: as alone')
    hits = {p: {k: [] for k in measures + ('visemes as alone', 'visemes right')} for p in PAUSES}
    for r in rows:
        u = store.utterances.iloc[int(r)]
        wave, labels = decoded_audio(u.audio), np.asarray(store.utterance(int(r))[1])
        n = audio.num_video_frames(len(wave))
        truth = torch.from_numpy(labels[np.minimum(video_frame_to_spec_frame(np.arange(n)), len(labels) - 1)])
        speech = truth != SILENCE
        for p in PAUSES:
            emotion, emotion_pauses_out, visemes = reading(model, paused(wave, p, zlib.crc32(u.id.encode())), n)
            if p == 'none':
                alone_emotion, alone_pauses_out, alone_visemes = emotion, emotion_pauses_out, visemes
            h = hits[p]
            h['visemes as alone'].append((visemes[speech] == alone_visemes[speech]).float().mean().item())
            h['visemes right'].append((visemes[speech] == truth[speech]).float().mean().item())
            if emotional:
                h['emotion right'].append(emotion == int(u.emotion_index))
                h['emotion as alone'].append(emotion == alone_emotion)
                h['pauses out: right'].append(emotion_pauses_out == int(u.emotion_index))
                h['pauses out: as alone'].append(emotion_pauses_out == alone_pauses_out)
    return {p: {k: 100 * float(np.mean(v)) for k, v in h.items() if v} for p, h in hits.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--store', required=True, help="the mix store: RAVDESS's test actors")
    ap.add_argument('--real', required=True, help='`disvae real-speech` store')
    ap.add_argument('--vae', default=str(BUNDLED_VAE))
    ap.add_argument('--limit', type=int, default=None, help='the first N RAVDESS clips only')
    ap.add_argument('--split', default='test', help="RAVDESS's actors: test (22-24) or val (19-21)")
    ap.add_argument('--now-only', action='store_true', help='the level as it is now, not also as it was')
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = load_vae(a.vae).eval()
    mix, real = FeatureStore(a.store), FeatureStore(a.real)
    ravdess = split_rows(mix, a.split, 'ravdess')[: a.limit]
    results = {}
    rules = (('before (louder half)', louder_half), ('now (pauses left out)', NOW))
    for rule, level in rules[1:] if a.now_only else rules:
        audio.level_of_frames = level  # what `utterance_level` reads: both encoders' normalisation
        results[rule] = (
            measure(model, mix, ravdess, emotional=True),
            measure(model, real, np.arange(len(real.utterances)), emotional=False),
        )
    audio.level_of_frames = NOW
    print(
        f'| level | 6 s after the speech | RAVDESS {a.split}: clip emotion right | the same as alone '
        '| pause frames weighing nothing: right | as alone '
        '| z_c visemes as alone | real speech: z_c visemes right | as alone |'
    )
    print('|---|---|' + '---:|' * 7)
    for rule, (rav, rs) in results.items():
        for p in PAUSES:
            r, s = rav[p], rs[p]
            cells = (
                r['emotion right'],
                r['emotion as alone'],
                r['pauses out: right'],
                r['pauses out: as alone'],
                r['visemes as alone'],
                s['visemes right'],
                s['visemes as alone'],
            )
            print(f'| {rule} | {p} | ' + ' | '.join(f'{v:.1f}' for v in cells) + ' |')
    took = time.perf_counter() - t0
    print(f'\nRAVDESS {a.split} clips {len(ravdess)}, real-speech clips {len(real.utterances)}; {took:.0f} s')


if __name__ == '__main__':
    main()
