"""Write README.md from nbs/index.ipynb: markdown cells as they are, code cells as python blocks (outputs left out).

python tools/make_readme.py          # write README.md
python tools/make_readme.py --check  # exit 1 if README.md is not what index.ipynb gives
"""

import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent


def render() -> str:
    nb = json.loads((root / 'nbs' / 'index.ipynb').read_text())
    parts = []
    for cell in nb['cells']:
        src = ''.join(cell['source']).strip()
        if not src or src.startswith('#| hide'):
            continue
        if cell['cell_type'] == 'markdown':
            parts.append(src)
        else:
            parts.append('```python\n' + '\n'.join(l for l in src.splitlines() if not l.startswith('#|')) + '\n```')
    return (
        '<!-- made from nbs/index.ipynb by tools/make_readme.py; edit the notebook -->\n\n' + '\n\n'.join(parts) + '\n'
    )


if __name__ == '__main__':
    text = render()
    if '--check' in sys.argv:
        if (root / 'README.md').read_text() != text:
            sys.exit('README.md is out of date: run python tools/make_readme.py')
    else:
        (root / 'README.md').write_text(text)
