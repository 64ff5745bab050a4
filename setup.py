from configparser import ConfigParser
import setuptools, shlex

# Everything lives in settings.ini (nbdev 2); no pkg_resources, which current setuptools dropped.
config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, f"missing expected setting: {o}"
setup_cfg = {o: cfg[o] for o in cfg_keys}

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable',
            '6 - Mature', '7 - Inactive']
py_versions = '3.10 3.11 3.12 3.13'.split()

requirements = shlex.split(cfg.get('requirements', ''))
dev_requirements = shlex.split(cfg.get('dev_requirements', ''))
# optional real components, each named in the log when used: FAN landmarks, LPIPS (both need their weights cached locally);
# the web page (disvae serve); prepare on a Dask cluster (prepare --scheduler)
optional = {name: shlex.split(cfg.get(f'{name}_requirements', '')) for name in ('fan', 'lpips', 'app', 'cluster')}
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), (cfg['license'], None))

setuptools.setup(
    name=cfg['lib_name'],
    license=lic[0],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])],
                 'Intended Audience :: ' + cfg['audience'].title(),
                 'Natural Language :: ' + cfg['language'].title()]
                + ['Programming Language :: Python :: ' + o for o in py_versions[py_versions.index(min_python):]]
                + (['License :: ' + lic[1]] if lic[1] else []),
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=['disvae', 'disvae.*']),
    include_package_data=True,
    package_data={'disvae': ['assets/demo/*.png', 'assets/demo/*.wav', 'assets/demo/animator/*.*', 'assets/demo/animator/vae/*.*', 'assets/sentences/*.txt', 'assets/vae/*.*', 'assets/mouth/*.*', 'assets/*.md']},
    install_requires=requirements,
    extras_require={'dev': dev_requirements, **optional},
    python_requires='>=' + cfg['min_python'],
    long_description=open('README.md', encoding='utf-8').read(),
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(), 'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']},
    **setup_cfg)
