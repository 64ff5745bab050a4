"""`disvae animate` with the parametric head against the GAN head (the named baseline), in one run: wall time, real-time
factor and peak memory, on photos of several sizes and on a 1080p video, for 30 s and 10 min of speech.

    python bench/animate_heads.py [--rows all|short|long] [--heads parametric,gan] [--faces 1024x1024,...] \\
        [--json out.json]

The face is scikit-image's astronaut: resized to 256 and 1024 px square, and placed on 1920x1080 and 4032x3024 canvases
at the canvas's height (a phone photo's size); the video is 10 s of that 1920x1080 frame drifting by a pixel every third
frame (h264), played forward and back under longer speech. The speech is the bundled sentence repeated to length. Each
row runs as its own process: `process` is its whole wall time (Python start-up and imports included), `peak` its peak
RSS (getrusage). Each row also times the bare h264 encode of the frames `animate` wrote (ultrafast, at the crf `animate`
chose: 17 for a photo, 23 for a video; with the audio; decoding and re-encoding the video less decoding it alone): the
floor any renderer writing that video pays, and `animate`'s multiple of it.
"""

import argparse, json, os, platform, subprocess, sys, tempfile, time
from pathlib import Path

CHILD = r'''
import sys, time, numpy as np, soundfile as sf
from PIL import Image
import skimage.data
from disvae.apps.animate import DEMO, animate
from disvae.core.audio import SAMPLE_RATE, load_audio, write_video_with_audio
head, face, seconds, tmp = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
astronaut = Image.fromarray(skimage.data.astronaut())
def canvas(w, h):
    c = Image.new('RGB', (w, h), (96, 96, 96))
    c.paste(astronaut.resize((h, h), Image.LANCZOS), ((w - h) // 2, 0))
    return c
if face.startswith('video'):
    first = np.asarray(canvas(1920, 1080))
    drifting = (np.roll(first, k // 3, axis=1) for k in range(250))
    write_video_with_audio(f'{tmp}/face.mp4', drifting, np.zeros(160000, np.float32), SAMPLE_RATE, crf=23)
    path = f'{tmp}/face.mp4'
else:
    w, h = map(int, face.split('x'))
    (astronaut.resize((w, h), Image.LANCZOS) if w == h else canvas(w, h)).save(f'{tmp}/face.png')
    path = f'{tmp}/face.png'
speech = load_audio(DEMO / 'speech.wav')
sf.write(f'{tmp}/speech.wav', np.resize(speech, int(seconds * SAMPLE_RATE)), SAMPLE_RATE)
t0 = time.perf_counter()
info = animate(path, f'{tmp}/speech.wav', f'{tmp}/out.mp4', head=head, overwrite=True, progress=False)
wall = time.perf_counter() - t0
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
# the named baseline: the bare h264 encode of the same frames, as animate writes them (ultrafast, its crf, with the
# audio);
# timed as decoding and re-encoding the written video, less decoding it alone
from disvae.heads.parametric.photo import video_frames
t0 = time.perf_counter()
for _ in video_frames(f'{tmp}/out.mp4'):
    pass
decode = time.perf_counter() - t0
t0 = time.perf_counter()
speech = load_audio(f'{tmp}/speech.wav')
write_video_with_audio(f'{tmp}/again.mp4', video_frames(f'{tmp}/out.mp4'), speech, SAMPLE_RATE, crf=info['crf'])
print(wall, peak, time.perf_counter() - t0 - decode)
'''

FACES = ('256x256', '1024x1024', '1920x1080', '4032x3024', 'video 1920x1080')
ROWS = {
    'short': [(h, f, 30) for f in FACES for h in ('parametric', 'gan') if not (h == 'gan' and f.startswith('video'))],
    'long': [('parametric', '1920x1080', 600), ('gan', '1024x1024', 600)],  # 10 min: memory against length
}
ROWS['all'] = ROWS['short'] + ROWS['long']


def run(head, face, seconds):
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, '-c', CHILD, head, face, str(seconds), tmp], capture_output=True, text=True
        )
        process = time.perf_counter() - t0
        if out.returncode:
            sys.exit(out.stderr[-2000:])
        wall, peak_kib, encode = out.stdout.split()[-3:]
        return dict(
            head=head,
            face=face,
            seconds=seconds,
            wall=float(wall),
            process=process,
            peak_gb=int(peak_kib) / 2**20,
            bare_h264=float(encode),
        )


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--rows', default='all', choices=ROWS)
    p.add_argument('--json', default=None)
    p.add_argument('--heads', default='parametric,gan', help='comma-separated: the heads to run')
    p.add_argument('--faces', default=None, help="comma-separated: only these faces (e.g. '1024x1024,video 1920x1080')")
    a = p.parse_args()
    rows = []
    faces = a.faces.split(',') if a.faces else FACES
    for head, face, seconds in [r for r in ROWS[a.rows] if r[0] in a.heads.split(',') and r[1] in faces]:
        r = run(head, face, seconds)
        rows.append(r)
        print(
            f"{r['head']:10s} {r['face']:16s} {r['seconds']:4.0f} s: animate {r['wall']:6.1f} s "
            f"({r['seconds'] / r['wall']:.2f}x real time), "
            f"process {r['process']:6.1f} s ({r['seconds'] / r['process']:.2f}x), peak RSS {r['peak_gb']:.2f} GB, "
            f"bare h264 of its frames {r['bare_h264']:.1f} s (animate = {r['wall'] / r['bare_h264']:.2f}x it)",
            flush=True,
        )
    info = dict(machine=f'{platform.machine()}, {os.cpu_count()} cores', rows=rows)
    if a.json:
        Path(a.json).write_text(json.dumps(info, indent=1))
