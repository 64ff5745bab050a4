"""Extract the real-speech development set from pocketsphinx's source distribution into data/real_speech/.

    pip download --no-binary :all: --no-deps pocketsphinx   # or any copy of pocketsphinx-5.1.1.tar.gz
    python tools/real_speech.py pocketsphinx-5.1.1.tar.gz [--out data/real_speech]

Writes one 16 kHz mono 16-bit wav per clip, `transcripts.csv` (id, transcript, source, license) and SOURCES.md. Only
clips whose origin and transcript the distribution states are taken: LibriVox (public domain), and pocketsphinx's own
test recordings (BSD, with the transcripts its tests use). tidigits (an LDC corpus) and clips without a transcript
(numbers.raw, input_4_16k.wav) are left out. The set is for measuring only: nothing trains on it or is tuned on it.
"""

import argparse, csv, io, tarfile
from pathlib import Path
import numpy as np
import soundfile as sf

LIBRIVOX = (
    'LibriVox recording (Sense and Sensibility, ch. 1), public domain; shipped in pocketsphinx test/data/librivox'
)
POCKETSPHINX = "pocketsphinx test recording (test/data), BSD-2-Clause (CMU); transcript from pocketsphinx's own tests"
CARDS = {
    '001': 'ten of clubs',
    '002': 'four queen of clubs',
    '003': 'seven of clubs',
    '004': 'five five',
    '005': 'eight of spades four of clubs seven of hearts',
}
OTHERS = {  # path in test/data -> (id, transcript): the transcripts pocketsphinx's tests and README assert
    'goforward.raw': ('goforward', 'go forward ten meters'),
    'forever/input_2_16k.wav': ('forever_2', 'feels like these days go on forever'),
}


def read(tar: tarfile.TarFile, root: str, name: str) -> np.ndarray:
    data = tar.extractfile(f'{root}/test/data/{name}').read()
    if name.endswith('.raw'):  # 16 kHz 16-bit little-endian mono, headerless
        return np.frombuffer(data, '<i2').astype(np.float32) / 32768
    wave, rate = sf.read(io.BytesIO(data), dtype='float32')
    if rate != 16000 or wave.ndim != 1:
        raise SystemExit(f'{name}: expected 16 kHz mono, found {rate} Hz with shape {wave.shape}')
    return wave


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('sdist', help='pocketsphinx-*.tar.gz')
    p.add_argument('--out', default=str(Path(__file__).resolve().parent.parent / 'data' / 'real_speech'))
    a = p.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tarfile.open(a.sdist) as tar:
        root = tar.getnames()[0].split('/')[0]
        for name in sorted(
            n for n in tar.getnames() if n.startswith(f'{root}/test/data/librivox/') and n.endswith('.txt')
        ):
            stem = Path(name).stem
            text = tar.extractfile(name).read().decode().strip()
            rows.append((f'librivox_{stem[-4:]}', read(tar, root, f'librivox/{stem}.wav'), text, LIBRIVOX))
        for k, text in CARDS.items():
            rows.append((f'cards_{k}', read(tar, root, f'cards/{k}.wav'), text, POCKETSPHINX))
        for name, (uid, text) in OTHERS.items():
            rows.append((uid, read(tar, root, name), text, POCKETSPHINX))
    with open(out / 'transcripts.csv', 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['id', 'transcript', 'source'])
        for uid, wave, text, source in rows:
            sf.write(out / f'{uid}.wav', wave, 16000, subtype='PCM_16')
            w.writerow([uid, text, source])
    seconds = sum(len(r[1]) for r in rows) / 16000
    (out / 'SOURCES.md').write_text(
        f'# Real speech for measuring\n\n{len(rows)} clips, {seconds:.1f} s, extracted from {Path(a.sdist).name} by '
        '`tools/real_speech.py`.\n\n'
        '- `librivox_*`: LibriVox recordings, public domain (pocketsphinx test/data/librivox, with its transcripts).\n'
        '- `cards_*`, `goforward`, `forever_2`: pocketsphinx test recordings, distributed under its BSD-2-Clause '
        'licence '
        "(Copyright (c) 1999-2016 Carnegie Mellon University); transcripts are the ones pocketsphinx's tests "
        "assert.\n\n"
        'Used only to measure (disvae real-speech, then the evaluation); never to train or to choose anything.\n'
    )
    print(f'wrote {len(rows)} clips ({seconds:.1f} s) to {out}')


if __name__ == '__main__':
    main()
