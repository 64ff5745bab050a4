"""Sentences for the synthetic corpus, sampled from pocketsphinx's own English trigram model (BSD licence, installed
with the package): `python tools/lm_sentences.py disvae/assets/sentences/lm_sentences.txt --n 4000 --seed 0`.

GRID's six-word grammar covers few phone contexts; real speech is read text. The trigram model gives word sequences with
English word frequencies and local word order. Words are drawn from the model's most probable `--vocabulary` words that
the CMU dictionary spells (the dictionary the aligner and festival also use)."""

import argparse, math, re
from pathlib import Path

import numpy as np
import pocketsphinx as ps

LOG_BASE = 1.0001  # pocketsphinx's default LogMath: prob() returns log base 1.0001


def load_model():
    "(model, its config and logmath): all three kept alive together, the model points into the others."
    config, logmath = ps.Config(), ps.LogMath()
    return ps.NGramModel(config, logmath, ps.get_model_path('en-us/en-us.lm.bin')), config, logmath


def candidate_words(model, n):
    "The n most probable dictionary words (alphabetic, with an optional apostrophe part)."
    dictionary = ps.get_model_path('en-us/cmudict-en-us.dict')
    words = {line.split()[0] for line in open(dictionary) if line.strip()}
    words = sorted(w for w in words if re.fullmatch(r"[a-z]+('[a-z]+)?", w))
    unigram = np.array([model.prob([w]) for w in words])
    return [words[i] for i in np.argsort(-unigram)[:n]]


def sample_sentence(rng, model, candidates, max_words=14):
    "One sentence: each word drawn from P(word | two words before) over the candidates and the sentence end."
    options = candidates + ['</s>']
    history = ['<s>']
    while len(history) <= max_words:
        context = history[::-1][:2]  # prob() takes the word, then the history newest first
        logp = np.array([model.prob([w] + context) for w in options], dtype=np.float64) * math.log(LOG_BASE)
        p = np.exp(logp - logp.max())
        w = options[rng.choice(len(options), p=p / p.sum())]
        if w == '</s>':
            break
        history.append(w)
    return ' '.join(history[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out')
    parser.add_argument('--n', type=int, default=4000)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--vocabulary', type=int, default=5000)
    parser.add_argument('--min-words', type=int, default=4)
    parser.add_argument('--max-words', type=int, default=14)
    args = parser.parse_args()
    model, *_keep = load_model()
    candidates = candidate_words(model, args.vocabulary)
    rng = np.random.default_rng(args.seed)
    sentences, seen = [], set()
    while len(sentences) < args.n:
        s = sample_sentence(rng, model, candidates, args.max_words)
        if args.min_words <= len(s.split()) <= args.max_words and s not in seen:
            seen.add(s)
            sentences.append(s)
    Path(args.out).write_text('\n'.join(sentences) + '\n')
    words = [w for s in sentences for w in s.split()]
    print(f'{len(sentences)} sentences, {len(words)} words, {len(set(words))} distinct, to {args.out}')


if __name__ == '__main__':
    main()
