"""Issue 24's hostile-but-ordinary probe as a harness: run disvae's verbs on broken input, odd checkpoints and bad
options, two at once and killed, and count what happened to each: a clean one-line error, a traceback, a silent success
where an error was due, temporaries left behind, an existing output damaged.

    python tools/probe.py --out probe.json                          # the installed disvae
    python tools/probe.py --root /tmp/old --entry disvae.cli:main   # another checkout (e.g. 384dfef), same probes

Each probe runs `disvae` as a user would, in a fresh subprocess, in a scratch folder of good inputs beside bad ones.
"""

import argparse, hashlib, json, os, shutil, signal, subprocess, sys, tempfile, time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
TEMPORARY = ('.tmp', '.parts', '.old', '.partial', '.lock')


@dataclass
class Probe:
    group: str
    name: str
    args: str  # the command line after `disvae`, formatted with the scratch folder's names
    expect: str = 'error'  # 'error': a clean refusal is right; 'ok': it must work
    guard: tuple = ()  # outputs there before that must survive unless the probe succeeds with --overwrite
    together: bool = False  # run the command twice at once
    kill_after: float | None = None  # SIGKILL the run after this many seconds, then look at what it left


def _wav(path, samples, rate=16_000, subtype='PCM_16'):
    sf.write(path, samples, rate, subtype=subtype)


def make_inputs(w: Path, run, root: Path = REPO):
    "Good inputs and bad ones, side by side in the scratch folder (the bundled weights of the checkout under test)."
    assets = root / 'disvae' / 'assets'
    shutil.copy(assets / 'demo' / 'face.png', w / 'face.png')
    shutil.copy(assets / 'demo' / 'speech.wav', w / 'speech.wav')
    for kind in ('vae', 'mouth'):
        shutil.copytree(assets / kind, w / kind)
    speech, rate = sf.read(w / 'speech.wav', dtype='float32')
    rng = np.random.default_rng(0)
    # audio
    (w / 'empty.wav').write_bytes(b'')
    (w / 'garbage.wav').write_bytes(rng.integers(0, 256, 4000, dtype=np.uint8).tobytes())
    (w / 'text.wav').write_text('this is not audio\n')
    _wav(w / 'short.wav', speech[:160])
    _wav(w / 'silence.wav', np.zeros(2 * rate, np.float32))
    _wav(w / 'stereo.wav', np.stack([speech, speech], 1))
    _wav(w / 'rate8k.wav', speech[::2], rate=8000)
    _wav(
        w / 'rate44k.wav', np.interp(np.arange(0, len(speech), 16 / 44.1), np.arange(len(speech)), speech), rate=44_100
    )
    _wav(w / 'float.wav', speech, subtype='FLOAT')
    _wav(w / 'loud.wav', np.clip(speech * 100, -1, 1))
    nan = speech.copy()
    nan[1000:2000] = np.nan
    _wav(w / 'nan.wav', nan, subtype='FLOAT')
    data = (w / 'speech.wav').read_bytes()
    (w / 'truncated.wav').write_bytes(data[: len(data) // 3])
    (w / 'speech.mp3').write_bytes(data)  # a WAV under another name
    (w / 'audio_dir').mkdir()
    # images
    (w / 'empty.png').write_bytes(b'')
    (w / 'garbage.png').write_bytes(rng.integers(0, 256, 4000, dtype=np.uint8).tobytes())
    Image.new('RGB', (640, 480), (128, 128, 128)).save(w / 'noface.png')
    Image.new('RGB', (12_000, 12_000), (128, 128, 128)).save(w / 'huge.png')
    Image.new('L', (20_000, 20_000), 128).save(w / 'bomb.png')
    Image.new('RGB', (8, 8), (128, 128, 128)).save(w / 'tiny.png')
    face = Image.open(w / 'face.png')
    face.convert('L').save(w / 'gray.png')
    face.convert('RGBA').save(w / 'rgba.png')
    face.convert('RGB').save(w / 'face.jpg', quality=90)
    face.convert('CMYK').save(w / 'cmyk.jpg')
    (w / 'face_dir').mkdir()

    # checkpoints: each a copy of the bundled VAE or mouth with one thing wrong
    def vae_variant(name, edit=None, weights=None):
        shutil.copytree(w / 'vae', w / name)
        if edit:
            cfg = json.loads((w / name / 'config.json').read_text())
            edit(cfg)
            (w / name / 'config.json').write_text(json.dumps(cfg))
        if weights:
            weights(w / name / 'model.safetensors')

    def set_config(key, value):
        return lambda c: c['config'].__setitem__(key, value)

    def tensors(fn):
        def edit(path):
            from safetensors.numpy import load_file, save_file

            t = load_file(str(path))
            fn(t)
            save_file(t, str(path))

        return edit

    vae_variant('vae_noconfig')
    (w / 'vae_noconfig' / 'config.json').unlink()
    vae_variant('vae_noweights')
    (w / 'vae_noweights' / 'model.safetensors').unlink()
    vae_variant('vae_badjson')
    (w / 'vae_badjson' / 'config.json').write_text('{"kind": "disvae.vae", "config": {')
    vae_variant('vae_list')
    (w / 'vae_list' / 'config.json').write_text('[]')
    vae_variant('vae_nokind', lambda c: c.pop('kind'))
    vae_variant('vae_unknownkey', set_config('wings', 2))
    vae_variant('vae_huge', set_config('hidden', 100_000))
    vae_variant('vae_negative', set_config('hidden', -1))
    vae_variant('vae_string', set_config('hidden', '256'))
    vae_variant('vae_float', set_config('hidden', 2.5))
    vae_variant('vae_null', set_config('hidden', None))
    vae_variant('vae_trainnull', lambda c: c.__setitem__('train', None))
    vae_variant('vae_deep')
    cfg = (w / 'vae_deep' / 'config.json').read_text()
    (w / 'vae_deep' / 'config.json').write_text(
        cfg[:-1] + ', "extra": ' + '{"a": ' * 100_000 + '{}' + '}' * 100_000 + '}'
    )
    vae_variant('vae_nan', weights=tensors(lambda t: [a.fill(np.nan) for a in t.values() if a.dtype.kind == 'f']))
    vae_variant('vae_int8', weights=tensors(lambda t: t.update({k: a.astype(np.int8) for k, a in t.items()})))
    vae_variant('vae_shape', weights=tensors(lambda t: t.update({k: a[..., :1] for k, a in list(t.items())[:1]})))
    vae_variant('vae_truncated')
    p = w / 'vae_truncated' / 'model.safetensors'
    p.write_bytes(p.read_bytes()[:5000])
    vae_variant('vae_garbage')
    (w / 'vae_garbage' / 'model.safetensors').write_bytes(rng.integers(0, 256, 5000, dtype=np.uint8).tobytes())

    def mouth_variant(name, vae_path):
        shutil.copytree(w / 'mouth', w / name)
        cfg = json.loads((w / name / 'config.json').read_text())
        cfg['train']['vae'] = vae_path
        (w / name / 'config.json').write_text(json.dumps(cfg))

    mouth_variant('mouth_escape', '../../../../../../tmp/somewhere/else')
    mouth_variant('mouth_cwd', 'myvae')  # nothing beside the folder; a `myvae` in the working folder must not be used
    shutil.copytree(w / 'vae', w / 'myvae')
    mouth_variant('mouth_absolute', str(w / 'vae'))
    mouth_variant('mouth_nullvae', None)
    mouth_variant('mouth_listvae', ['../vae'])
    shutil.copytree(w / 'mouth', w / 'mouth_nan')
    tensors(lambda t: [a.fill(np.nan) for a in t.values() if a.dtype.kind == 'f'])(
        w / 'mouth_nan' / 'model.safetensors'
    )
    (w / 'notafolder').write_text('x')
    # a tiny corpus and its store, made by disvae itself
    run(['synth-corpus', '--out', 'corpus', '--utterances', '24', '--speakers', '4', '--quiet'])
    run(['prepare', 'synth', 'corpus', '--out', 'store', '--quiet'])
    (w / 'empty_corpus').mkdir()
    shutil.copytree(w / 'store', w / 'store_broken')
    f = w / 'store_broken' / 'features.npy'
    f.write_bytes(f.read_bytes()[:1000])
    # outputs there before, that a failing run must not touch
    run(['encode', 'speech.wav', '--out', 'old.npz', '--textgrid', 'old.TextGrid', '--quiet'])
    run(['animate', '--face', 'face.png', '--audio', 'speech.wav', '--out', 'old.mp4', '--quiet'])


def probes() -> list:
    P = Probe
    enc = 'encode {a} --out out_{n}.npz --quiet'
    ani = 'animate --face {f} --audio {a} --out out_{n}.mp4 --max-size 256 --quiet'
    audio = ['empty', 'garbage', 'text', 'short', 'truncated', 'audio_dir', 'missing', 'nan']
    fine_audio = ['silence', 'stereo', 'rate8k', 'rate44k', 'float', 'loud', 'speech.mp3']  # the .mp3 holds a WAV
    out = []
    for verb, cmd in (('encode', enc), ('animate', ani)):
        for a in audio:
            path = a if '.' in a or a.endswith('_dir') else f'{a}.wav'
            out.append(P(f'{verb}: audio', path, cmd.format(a=path, f='face.png', n=a)))
        for a in fine_audio:
            path = a if '.' in a else f'{a}.wav'
            out.append(P(f'{verb}: audio', path, cmd.format(a=path, f='face.png', n=a), 'ok'))
    for img in [
        'empty.png',
        'garbage.png',
        'noface.png',
        'huge.png',
        'bomb.png',
        'tiny.png',
        'face_dir',
        'missing.png',
    ]:
        out.append(P('animate: image', img, ani.format(f=img, a='speech.wav', n=img.split('.')[0])))
    for img in ['gray.png', 'rgba.png', 'face.jpg', 'cmyk.jpg']:
        out.append(P('animate: image', img, ani.format(f=img, a='speech.wav', n=img.replace('.', '_')), 'ok'))
    bad_vaes = [
        'vae_noconfig',
        'vae_noweights',
        'vae_badjson',
        'vae_list',
        'vae_nokind',
        'vae_unknownkey',
        'vae_huge',
        'vae_negative',
        'vae_string',
        'vae_float',
        'vae_null',
        'vae_trainnull',
        'vae_deep',
        'vae_nan',
        'vae_int8',
        'vae_shape',
        'vae_truncated',
        'vae_garbage',
        'notafolder',
        'missing_vae',
        'mouth',
    ]
    fine = ('vae_trainnull',)  # how a VAE was trained is not needed to use it
    for v in bad_vaes:
        out.append(
            P(
                'encode: checkpoint',
                v,
                f'encode speech.wav --checkpoint {v} --out out_{v}.npz --quiet',
                'ok' if v in fine else 'error',
            )
        )
    for v in bad_vaes[:-1]:
        out.append(
            P(
                'eval-representation: checkpoint',
                v,
                f'eval-representation store --vae {v} --out ev_{v} --quiet',
                'ok' if v in fine else 'error',
            )
        )
    for m in [
        'mouth_escape',
        'mouth_cwd',
        'mouth_nullvae',
        'mouth_listvae',
        'mouth_nan',
        'vae',
        'notafolder',
        'missing_m',
    ]:
        out.append(P('animate: checkpoint', m, ani.format(f='face.png', a='speech.wav', n=m) + f' --checkpoint {m}'))
    out.append(
        P(
            'animate: checkpoint',
            'mouth_absolute (said on stderr)',
            ani.format(f='face.png', a='speech.wav', n='abs') + ' --checkpoint mouth_absolute',
            'ok',
        )
    )
    for opt in ['--max-size 0', '--max-size -5', '--max-size abc', '--head cartoon', '--device tpu', '--device cuda:7']:
        out.append(P('animate: options', opt, ani.format(f='face.png', a='speech.wav', n='opt') + ' ' + opt))
    # outputs: checked before the work, old ones kept
    out += [
        P('outputs', 'encode over an existing .npz', 'encode speech.wav --out old.npz --quiet', guard=('old.npz',)),
        P('outputs', 'encode into a folder', 'encode speech.wav --out audio_dir --overwrite --quiet'),
        P(
            'outputs',
            'encode --textgrid = --out',
            'encode speech.wav --out old.npz --textgrid old.npz --overwrite --quiet',
            guard=('old.npz',),
        ),
        P('outputs', 'encode --textgrid into a folder', 'encode speech.wav --out t1.npz --textgrid audio_dir --quiet'),
        P(
            'outputs',
            'encode --textgrid in a missing folder',
            'encode speech.wav --out new/t2.npz --textgrid new2/t2.TextGrid --quiet',
            'ok',
        ),
        P(
            'outputs',
            'encode a corrupt file over an old .npz',
            'encode garbage.wav --out old.npz --overwrite --quiet',
            guard=('old.npz',),
        ),
        P(
            'outputs',
            'encode NaN weights over an old .npz',
            'encode speech.wav --checkpoint vae_nan --out old.npz --overwrite --quiet',
            guard=('old.npz',),
        ),
        P(
            'outputs',
            'animate over an existing .mp4',
            ani.format(f='face.png', a='speech.wav', n='x').replace('out_x', 'old'),
            guard=('old.mp4',),
        ),
        P(
            'outputs',
            'animate into a folder',
            ani.format(f='face.png', a='speech.wav', n='x').replace('out_x.mp4', 'face_dir') + ' --overwrite',
        ),
        P(
            'outputs',
            'animate into a missing folder',
            ani.format(f='face.png', a='speech.wav', n='x').replace('out_x', 'm/o'),
            'ok',
        ),
        P('outputs', 'animate to a .txt', ani.format(f='face.png', a='speech.wav', n='x').replace('.mp4', '.txt')),
        P(
            'outputs',
            'animate a bad face over an old .mp4',
            ani.format(f='noface.png', a='speech.wav', n='x').replace('out_x', 'old') + ' --overwrite',
            guard=('old.mp4',),
        ),
        P(
            'outputs',
            'export-animator into a file',
            'export-animator mouth --out notafolder --overwrite --quiet',
            guard=('notafolder',),
        ),
    ]
    # stores and corpora
    out += [
        P('prepare', 'missing root', 'prepare synth nowhere --out s1 --quiet'),
        P('prepare', 'root is a file', 'prepare synth notafolder --out s2 --quiet'),
        P('prepare', 'empty root', 'prepare synth empty_corpus --out s3 --quiet'),
        P('prepare', 'wrong layout (ravdess)', 'prepare ravdess corpus --out s4 --quiet'),
        P('prepare', 'wrong layout (grid)', 'prepare grid corpus --out s5 --quiet'),
        P('prepare', 'unknown kind', 'prepare timit corpus --out s6 --quiet'),
        P('prepare', 'into an existing file', 'prepare synth corpus --out notafolder --quiet'),
        P(
            'prepare',
            'over a complete store (nothing to do)',
            'prepare synth corpus --out store --quiet',
            'ok',
            guard=('store/features.npy',),
        ),
        P('prepare', '--workers 0 (all cores)', 'prepare synth corpus --out s7 --workers 0 --quiet', 'ok'),
        P('info', 'missing store', 'info nowhere'),
        P('info', 'not a store', 'info corpus'),
        P('info', 'truncated features', 'info store_broken'),
    ]
    trainers = {  # the positional arguments after the store, and a run small enough to start at once
        'train-vae': ('', '--epochs 1 --hidden 16 --batch-size 8'),
        'train-baseline': ('', '--epochs 1 --batch-size 8'),
        'train-mouth': ('vae ', '--epochs 1 --steps-per-epoch 2 --batch-size 4'),
        'train-gan': ('vae ', '--steps 1 --size 32'),
    }
    for t, (pos, small) in trainers.items():
        out.append(P(t, 'missing store', f'{t} nowhere {pos}--out r_{t}_1 {small} --quiet'))
        out.append(P(t, 'truncated store', f'{t} store_broken {pos}--out r_{t}_2 {small} --quiet'))
        out.append(P(t, '--batch-size 0', f'{t} store {pos}--out r_{t}_3 {small} --batch-size 0 --quiet'))
        out.append(P(t, 'out is a file', f'{t} store {pos}--out notafolder {small} --quiet'))
        out.append(P(t, '--device tpu', f'{t} store {pos}--out r_{t}_4 {small} --device tpu --quiet'))
    out += [
        P('train-vae', '--hidden 0', 'train-vae store --out r_h0 --epochs 1 --hidden 0 --quiet'),
        P('train-vae', '--epochs -1', 'train-vae store --out r_e1 --epochs -1 --hidden 16 --quiet'),
        P('train-vae', '--alpha nan', 'train-vae store --out r_an --epochs 1 --hidden 16 --alpha nan --quiet'),
        P('train-vae', '--init-from a mouth', 'train-vae store --out r_im --epochs 1 --init-from mouth --quiet'),
        P('train-vae', '--init-from NaN weights', 'train-vae store --out r_in --epochs 1 --init-from vae_nan --quiet'),
        P('train-mouth', 'VAE with NaN weights', 'train-mouth store vae_nan --out r_mn --epochs 1 --quiet'),
        P('export-animator', 'missing checkpoint', 'export-animator nowhere --out ex1 --quiet'),
        P('export-animator', 'a VAE, not a head', 'export-animator vae --out ex2 --quiet'),
        P('export-animator', 'a head whose VAE escapes', 'export-animator mouth_escape --out ex3 --quiet'),
        P('eval-head', 'missing head', 'eval-head store --head nowhere --out eh1 --quiet'),
        P('reproduce', 'unknown notebook', 'reproduce --scale smoke --out rp1 --notebooks 77_nothing'),
    ]
    # two at once, and killed
    out += [
        P(
            'two at once',
            'animate twice to one output',
            ani.format(f='face.png', a='speech.wav', n='twice'),
            together=True,
        ),
        P('two at once', 'prepare twice into one store', 'prepare synth corpus --out s_twice --quiet', together=True),
        P(
            'two at once',
            'train-mouth twice into one run',
            'train-mouth store vae --out r_twice --epochs 2 --quiet',
            together=True,
        ),
        P(
            'killed',
            'encode over an old .npz',
            'encode speech.wav --out old.npz --textgrid old.TextGrid --overwrite --quiet',
            guard=('old.npz', 'old.TextGrid'),
            kill_after=3.0,
        ),
        P(
            'killed',
            'animate over an old .mp4',
            ani.format(f='face.png', a='speech.wav', n='k').replace('out_k', 'old') + ' --overwrite',
            guard=('old.mp4',),
            kill_after=4.0,
        ),
        P('killed', 'prepare', 'prepare synth corpus --out s_killed --quiet', kill_after=2.5),
        P(
            'killed',
            'train-vae',
            'train-vae store --out r_killed --epochs 1 --hidden 16 --batch-size 8 --quiet',
            kill_after=4.0,
        ),
    ]
    return out


POSITIONAL_OUT = (
    'synth-corpus',
    'prepare',
    'train-vae',
    'train-baseline',
    'train-gan',
    'train-mouth',
    'export-animator',
    'eval-representation',
)


def legacy(argv: list) -> list:
    """The same probe in the command line before issue 21's one convention (384dfef): OUT positional and last,
    `--quiet` as the trainers' `--progress false`, NAME=DIR for eval-representation; options that did not exist yet are
    left as they are (the probe then counts as not applicable)."""
    verb, rest = argv[0], list(argv[1:])
    if verb in POSITIONAL_OUT and '--out' in rest:
        i = rest.index('--out')
        out = rest[i + 1]
        del rest[i : i + 2]
        if verb.startswith('train-') and '--quiet' in rest:
            rest[rest.index('--quiet')] = '--progress'
            rest.insert(rest.index('--progress') + 1, 'false')
        if verb in ('export-animator', 'eval-representation') and '--quiet' in rest:  # it had none
            rest.remove('--quiet')
        if verb == 'eval-representation' and '--vae' in rest:
            rest[rest.index('--vae') + 1] = 'probe=' + rest[rest.index('--vae') + 1]
        rest.append(out)
    if verb == 'encode' and '--quiet' in rest:
        rest.remove('--quiet')
    return [verb] + rest


def not_applicable(results: list) -> bool:
    "The old command line had no such option or verb: nothing was probed."
    return any(
        'unrecognized arguments' in r['stderr'] or 'argument VERB: invalid choice' in r['stderr'] for r in results
    )


def digest(path: Path):
    if not path.exists():
        return None
    if path.is_dir():
        return tuple(sorted((str(p.relative_to(path)), digest(p)) for p in path.rglob('*') if p.is_file()))
    return hashlib.md5(path.read_bytes()).hexdigest()


def listing(w: Path) -> set:
    return {str(p.relative_to(w)) for p in w.rglob('*')}


def temporaries(w: Path, before: set) -> list:
    "New paths under `w` since `before` that look like a run's temporaries (hidden, .tmp, .parts, .old, .lock)."
    return [
        n for n in sorted(listing(w) - before) if any(s in Path(n).name for s in TEMPORARY) or Path(n).name[0] == '.'
    ]


def classify(probe: Probe, results: list, damaged: bool, leftovers: list) -> str:
    """One word per probe: 'clean' (refused in a line or two, no traceback), 'ok' (worked as it should), 'traceback',
    'silent' (exit 0 where an error was due), 'failed' (a clean error where it should have worked)."""
    if not_applicable(results):
        return 'n/a'
    if probe.kill_after is not None:
        return 'damaged' if damaged else ('partial' if leftovers else 'ok')
    if damaged:
        return 'damaged'
    if any('Traceback' in r['stderr'] or r['rc'] < 0 or r['rc'] > 2 for r in results):
        return 'traceback'
    if probe.together:  # one may be refused, naming the other; both may succeed; never a crash
        return 'ok' if any(r['rc'] == 0 for r in results) else 'failed'
    r = results[0]
    if probe.expect == 'ok':
        return 'ok' if r['rc'] == 0 else 'failed'
    return 'silent' if r['rc'] == 0 else 'clean'


OUTCOMES = ('clean', 'ok', 'traceback', 'silent', 'failed', 'damaged', 'partial', 'n/a')


def summary(rows: list) -> dict:
    counts = {k: sum(r['outcome'] == k for r in rows) for k in OUTCOMES}
    return dict(probes=len(rows), **counts, leftovers=sum(bool(r['leftovers']) for r in rows))


def table(runs: dict) -> str:
    """Markdown: the counts of each run side by side, then every probe whose outcome is not what it should be in either
    (clean for bad input, ok for good input and for kills, two at once)."""
    cols = list(runs)
    sums = {c: summary(r['rows']) for c, r in runs.items()}
    names = dict(
        probes='probes',
        clean='bad input refused in one clean line',
        ok='worked as it should (good input, kills, two at once)',
        traceback='a traceback or a crash',
        silent='exit 0 where an error was due',
        failed='refused good input',
        damaged='an existing output damaged',
        partial='a kill left a temporary',
        leftovers='probes that left temporaries behind',
        **{'n/a': 'not applicable (no such option then)'},
    )
    lines = ['| | ' + ' | '.join(cols) + ' |', '|---|' + '---:|' * len(cols)]
    lines += [f'| {names[k]} | ' + ' | '.join(str(sums[c][k]) for c in cols) + ' |' for k in names]
    bad = lambda r: r['outcome'] not in ('clean', 'ok', 'n/a') or r['leftovers']
    keyed = {c: {(r['group'], r['name']): r for r in runs[c]['rows']} for c in cols}
    keys = [k for k in keyed[cols[0]] if any(bad(keyed[c].get(k, dict(outcome='ok', leftovers=[]))) for c in cols)]
    lines += ['', '| probe | ' + ' | '.join(cols) + ' |', '|---|' + '---|' * len(cols)]
    for k in keys:
        cells = []
        for c in cols:
            r = keyed[c].get(k)
            msg = (r['message'][-1] if r and r['message'] else '').replace('|', '/')[:90]
            cells.append(f"{r['outcome']}{' + temporaries' if r and r['leftovers'] else ''}: {msg}" if r else '—')
        lines.append(f'| {k[0]}: {k[1]} | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='probe.json')
    ap.add_argument('--root', help='a checkout to test instead of the installed package (put first on PYTHONPATH)')
    ap.add_argument('--entry', default='disvae.apps.cli:main', help="the CLI's module:function")
    ap.add_argument('--keep', help='keep the scratch folder here')
    ap.add_argument('--only', help='run only probes whose group or name contains this')
    ap.add_argument('--legacy', action='store_true', help="the command line before issue 21's one convention (384dfef)")
    ap.add_argument('--table', nargs='+', metavar='NAME=JSON', help='print the markdown table of runs already made')
    args = ap.parse_args()
    if args.table:
        print(table({a.split('=', 1)[0]: json.loads(Path(a.split('=', 1)[1]).read_text()) for a in args.table}))
        return
    module, func = args.entry.split(':')
    cli = [sys.executable, '-c', f'import sys; from {module} import {func}; sys.argv[0] = "disvae"; sys.exit({func}())']
    env = dict(os.environ, OMP_NUM_THREADS='1', PYTHONWARNINGS='ignore')
    if args.root:
        env['PYTHONPATH'] = str(Path(args.root).resolve())
    w = Path(args.keep or tempfile.mkdtemp(prefix='disvae-probe-')).resolve()
    shutil.rmtree(w, ignore_errors=True)
    w.mkdir(parents=True)

    def start(argv):
        argv = legacy(argv) if args.legacy else argv
        return subprocess.Popen(cli + argv, cwd=w, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def run(argv):
        p = start(argv)
        o, e = p.communicate()
        if p.returncode:
            raise SystemExit(f'setup failed: disvae {" ".join(argv)}\n{e[-2000:]}')

    t0 = time.time()
    make_inputs(w, run, Path(args.root).resolve() if args.root else REPO)
    print(f'inputs ready in {time.time() - t0:.0f} s in {w}', file=sys.stderr)
    rows = []
    for probe in probes():
        if args.only and args.only not in probe.group + ' ' + probe.name:
            continue
        argv = probe.args.split()
        before, guarded = listing(w), {g: digest(w / g) for g in probe.guard}
        t = time.time()
        procs = [start(argv)] + ([start(argv)] if probe.together else [])
        if probe.kill_after is not None:
            try:
                procs[0].wait(probe.kill_after)
            except subprocess.TimeoutExpired:
                procs[0].send_signal(signal.SIGKILL)
        results = []
        for p in procs:
            o, e = p.communicate()
            results.append(dict(rc=p.returncode, stderr=e, stdout=o))
        seconds = time.time() - t
        overwrote = '--overwrite' in argv and all(r['rc'] == 0 for r in results)
        # a run that failed must leave the old output as it was
        damaged = any(digest(w / g) != d for g, d in guarded.items()) and not overwrote
        if probe.kill_after is not None:  # what the kill left must be whole: the rerun finishes over it
            rerun = start(argv)
            o, e = rerun.communicate()
            results.append(dict(rc=rerun.returncode, stderr=e, stdout=o))
            # a kill may fall after the finished output was renamed into place: a change is damage only if unusable
            damaged = damaged and rerun.returncode != 0
        leftovers = temporaries(w, before)
        outcome = classify(probe, results, damaged, leftovers)
        last = [line for r in results for line in r['stderr'].strip().splitlines()[-1:]]
        rows.append(
            dict(
                group=probe.group,
                name=probe.name,
                args=probe.args,
                expect=probe.expect,
                outcome=outcome,
                rc=[r['rc'] for r in results],
                message=last,
                leftovers=leftovers,
                seconds=round(seconds, 1),
            )
        )
        print(f'{outcome:9s} {probe.group:32s} {probe.name:36s} {" | ".join(last)[:150]}', file=sys.stderr)
    counts = dict(summary(rows), seconds=round(time.time() - t0), entry=args.entry, root=args.root)
    Path(args.out).write_text(json.dumps(dict(summary=counts, rows=rows), indent=1))
    print(json.dumps(counts), file=sys.stderr)
    if not args.keep:
        shutil.rmtree(w, ignore_errors=True)


if __name__ == '__main__':
    main()
