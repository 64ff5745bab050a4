"""Build the documentation site into _docs/: a page for every notebook in nbs/ and for every markdown page beside them,
then check that every page, link and image the site names is there.

    python tools/make_docs.py             # build _docs/ and check it; exit 1 on a missing page or image
    python tools/make_docs.py --check     # check an existing _docs/ only

With Quarto on the PATH it runs nbdev's own `nbdev_docs`. Without it (PyPI's quarto-cli downloads Quarto from GitHub
when it is installed, so it cannot install offline) it builds the same pages offline: nbdev processes the notebooks as
it does for Quarto (`nbdev_proc_nbs`: hidden cells dropped, each exported function's signature and docstring shown), and
nbconvert writes the HTML. It says which one it used.
"""

import html, json, re, shutil, subprocess, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nbs, out = root / 'nbs', root / '_docs'
LINK = re.compile(r'(\]\()([^)\s]+)(\))')  # markdown links and images


def page_name(path: str) -> str:
    "A link to a source page (`nbs/results.md`, `10_speech.vae.ipynb#x`) as the page the site has (`results.html#x`)."
    target, _, anchor = path.partition('#')
    if target.startswith('nbs/'):
        target = target[4:]
    if target.endswith(('.md', '.ipynb')):
        target = target.rsplit('.', 1)[0] + '.html'
    return target + ('#' + anchor if anchor else '')


def relink(markdown: str) -> str:
    "Links between pages and to images as the site has them (README's `nbs/...` paths become the site's own)."

    def one(m):
        target = m.group(2)
        if re.match(r'[a-z]+:|#', target):
            return m.group(0)
        return m.group(1) + page_name(target) + m.group(3)

    return LINK.sub(one, markdown)


def front_matter(text: str) -> tuple:
    "(title, description, body) of a markdown page with Quarto's YAML front matter."
    m = re.match(r'---\n(.*?)\n---\n', text, re.S)
    if not m:
        return None, None, text
    meta = dict(re.findall(r'^(\w+):\s*"?(.*?)"?\s*$', m.group(1), re.M))
    return meta.get('title'), meta.get('description'), text[m.end() :]


def pages() -> list:
    "(source, title) of every page: the home page, the notebooks in order, then the markdown pages."
    found = []
    for p in sorted(nbs.glob('*.ipynb')) + sorted(nbs.glob('*.md')):
        if p.name.startswith('_'):
            continue
        if p.suffix == '.ipynb':
            cells = json.loads(p.read_text())['cells']
            first = next((''.join(c['source']) for c in cells if c['cell_type'] == 'markdown'), p.stem)
            title = first.split('\n')[0].lstrip('# ').strip()
        else:
            title = front_matter(p.read_text())[0] or p.stem
        found.append((p, title))
    return sorted(found, key=lambda pt: (pt[0].stem != 'index', pt[0].suffix == '.md', pt[0].name))


def nav(current: str, all_pages: list) -> str:
    items = []
    for p, title in all_pages:
        href = 'index.html' if p.stem == 'index' else f'{p.stem}.html'
        label = 'Home' if p.stem == 'index' else (title if p.suffix == '.md' else f'{p.stem.split("_", 1)[0]} {title}')
        style = ' style="font-weight:bold"' if href == current else ''
        items.append(f'<li><a href="{href}"{style}>{html.escape(label)}</a></li>')
    return (
        '<nav style="position:fixed;left:0;top:0;bottom:0;width:17em;overflow:auto;padding:1em;font-size:0.85em;'
        'border-right:1px solid #ddd;background:#fafafa"><b>disvae</b><ul style="padding-left:1em">'
        + ''.join(items)
        + '</ul></nav><div style="margin-left:18em">'
    )


def build_offline(all_pages: list):
    import nbformat
    from nbconvert import HTMLExporter

    subprocess.run([str(Path(sys.executable).parent / 'nbdev_proc_nbs')], cwd=root, check=True)
    proc = root / '_proc'
    exporter = HTMLExporter(template_name='lab')
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    if (nbs / 'images').exists():
        shutil.copytree(nbs / 'images', out / 'images')
    for p, title in all_pages:
        processed = proc / p.name
        if p.suffix == '.ipynb':
            nb = nbformat.reads((processed if processed.exists() else p).read_text(), as_version=4)
        else:
            page_title, description, body = front_matter(p.read_text())
            head = f'# {page_title}\n\n' + (f'> {description}\n\n' if description else '')
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(head + body)])
        for cell in nb.cells:
            if cell.cell_type == 'markdown':
                cell.source = relink(cell.source)
        nb.metadata['title'] = title
        body, _ = exporter.from_notebook_node(nb)
        name = 'index.html' if p.stem == 'index' else f'{p.stem}.html'
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + nav(name, all_pages), body, count=1)
        body = body.replace('</body>', '</div></body>', 1)
        (out / name).write_text(body)


def check() -> list:
    "Every relative link and image of every page, where the site does not have it."
    missing = []
    for page in sorted(out.rglob('*.html')):
        for attr, target in re.findall(r'(href|src)="([^"]+)"', page.read_text()):
            if re.match(r'[a-z]+:|#|//', target):
                continue
            path = target.split('#')[0].split('?')[0]
            if path and not (page.parent / path).exists():
                missing.append(f'{page.relative_to(out)}: {attr} {target} is not in the site')
    return missing


if __name__ == '__main__':
    all_pages = pages()
    if '--check' not in sys.argv:
        if shutil.which('quarto'):
            print('docs: building with Quarto (nbdev_docs)')
            subprocess.run([str(Path(sys.executable).parent / 'nbdev_docs')], cwd=root, check=True)
        else:
            print('docs: no Quarto on the PATH; building offline with nbdev_proc_nbs + nbconvert')
            build_offline(all_pages)
    missing = check()
    for m in missing:
        print(m, file=sys.stderr)
    n = len(list(out.glob('*.html')))
    print(f'docs: {n} pages in {out.relative_to(root)}/, {len(missing)} missing links or images')
    sys.exit(1 if missing or n < len(all_pages) else 0)
