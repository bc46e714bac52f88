#include "syntax/train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "syntax/evaluate.h"
#include "syntax/model_data.h"
#include "syntax/tagger.h"

namespace dyad::syntax {
namespace {

struct TaggedSentence {
  std::vector<std::string> forms;
  std::vector<TokenAtoms> atoms;
  bool headline = false;
  std::vector<int> gold;  // tag classes
};

// Capitalises words as English headlines do, to teach the tagger that
// capitals there do not mean proper names.
std::vector<std::string> HeadlineCase(const std::vector<std::string>& forms, bool all_caps) {
  static const std::set<std::string> kSmall = {"a", "an", "the", "of", "in", "on", "at", "to", "for",
                                               "and", "or", "but", "by", "with", "as", "from"};
  std::vector<std::string> out = forms;
  for (size_t i = 0; i < out.size(); ++i) {
    std::string& w = out[i];
    if (all_caps) {
      for (char& c : w) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
    } else if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && (i == 0 || !kSmall.count(w))) {
      w[0] = static_cast<char>(w[0] - 'a' + 'A');
    }
  }
  return out;
}

std::vector<TokenAtoms> Atoms(const std::vector<std::string>& forms, bool* headline) {
  std::vector<std::string_view> views(forms.begin(), forms.end());
  return ComputeAtoms(views, headline);
}

struct TaggerPair {
  Weights first, second;
};

TaggerPair TrainTagger(const std::vector<const TaggedSentence*>& data, int num_classes, const TrainOptions& o,
                       uint64_t seed) {
  PerceptronTrainer t1(num_classes), t2(num_classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<uint64_t> feats;
  std::vector<float> scores(num_classes);
  std::vector<int> tags1, tags2;
  for (int epoch = 0; epoch < o.tagger_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t idx : order) {
      const TaggedSentence& s = *data[idx];
      const std::vector<TokenAtoms>* atoms = &s.atoms;
      bool headline = s.headline;
      std::vector<TokenAtoms> alt;
      double r = coin(rng);
      if (r < o.headline_rate) {
        alt = Atoms(HeadlineCase(s.forms, r < o.headline_rate / 5), &headline);
        atoms = &alt;
      }
      const int n = static_cast<int>(s.gold.size());
      for (int pass = 0; pass < 2; ++pass) {
        PerceptronTrainer& t = pass == 0 ? t1 : t2;
        std::vector<int>& tags = pass == 0 ? tags1 : tags2;
        tags.assign(n, -1);
        for (int i = 0; i < n; ++i) {
          feats.clear();
          TaggerFeatures(*atoms, headline, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1,
                         pass == 0 ? nullptr : &tags1, feats);
          t.Score(feats.data(), feats.size(), scores.data());
          int best = static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          t.Update(feats.data(), feats.size(), s.gold[i], best);
          t.Tick();
          tags[i] = best;
        }
      }
    }
  }
  return {t1.Freeze(0.0f), t2.Freeze(0.0f)};
}

std::vector<int> TagWith(const TaggerPair& t, const TaggedSentence& s) {
  std::vector<int> first, second;
  TagPass(t.first, s.atoms, s.headline, nullptr, first);
  TagPass(t.second, s.atoms, s.headline, &first, second);
  return second;
}

struct ParseExample {
  std::vector<ParserToken> toks;
  std::vector<int> gold_head;   // n = root
  std::vector<int> gold_label;
};

double DevLas(const Weights& w, const std::vector<ParseExample>& dev, int num_labels, int root_label,
              const std::vector<std::string>& label_names) {
  size_t words = 0, correct = 0;
  std::vector<int> heads, labels;
  for (const ParseExample& e : dev) {
    ParseGreedy(w, e.toks, num_labels, root_label, heads, labels);
    const int n = static_cast<int>(e.toks.size());
    for (int i = 0; i < n; ++i) {
      ++words;
      int gh = e.gold_head[i] == n ? 0 : e.gold_head[i] + 1;
      if (heads[i] == gh &&
          UniversalRelation(label_names[labels[i]]) == UniversalRelation(label_names[e.gold_label[i]])) {
        ++correct;
      }
    }
  }
  return words ? 100.0 * static_cast<double>(correct) / static_cast<double>(words) : 0.0;
}

void Log(const TrainOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

std::string Fmt(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[256];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}

}  // namespace

Result<Model> Train(const std::vector<Sentence>& train, const std::vector<Sentence>& dev, const TrainOptions& o) {
  auto clock_start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  };
  auto d = std::make_unique<ModelData>();
  // Tables, sorted so that ids do not depend on the order of the data.
  std::set<std::string> upos, xpos, labels;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Sentence& s : train) {
    for (const Word& w : s.words) {
      upos.insert(w.upos);
      xpos.insert(w.xpos);
      pairs.insert({w.upos, w.xpos});
      if (w.deprel != "_") labels.insert(w.deprel);
    }
  }
  if (pairs.empty()) return Status::InvalidArgument("no words in the training set");
  // The parser needs a relation besides root for any arc between words.
  labels.insert("root");
  labels.insert("dep");
  d->upos_names.assign(upos.begin(), upos.end());
  d->xpos_names.assign(xpos.begin(), xpos.end());
  d->label_names.assign(labels.begin(), labels.end());
  // The weight tables store a class in one byte.
  if (pairs.size() > 256 || 1 + 2 * d->label_names.size() > 256) {
    return Status::InvalidArgument("too many tag classes or relations in the training set");
  }
  auto index_of = [](const std::vector<std::string>& v, const std::string& x) {
    return static_cast<int>(std::lower_bound(v.begin(), v.end(), x) - v.begin());
  };
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (const auto& p : pairs) {
    class_of[p] = static_cast<int>(d->tag_classes.size());
    d->tag_classes.push_back({static_cast<uint16_t>(index_of(d->upos_names, p.first)),
                              static_cast<uint16_t>(index_of(d->xpos_names, p.second))});
  }
  d->root_label = index_of(d->label_names, "root");
  if (upos.count("PUNCT")) d->punct_upos = index_of(d->upos_names, "PUNCT");
  const int num_classes = static_cast<int>(d->tag_classes.size());
  const int num_labels = static_cast<int>(d->label_names.size());

  for (const Sentence& s : train) {
    for (const Word& w : s.words) d->lemmatizer.Add(w.form, w.xpos, w.lemma);
  }
  d->lemmatizer.Finish();

  std::vector<TaggedSentence> tagged;
  tagged.reserve(train.size());
  for (const Sentence& s : train) {
    if (s.words.empty()) continue;
    TaggedSentence t;
    for (const Word& w : s.words) {
      t.forms.push_back(w.form);
      t.gold.push_back(class_of[{w.upos, w.xpos}]);
    }
    t.atoms = Atoms(t.forms, &t.headline);
    tagged.push_back(std::move(t));
  }

  // Jackknifed tags (fold k tagged by a tagger trained without it), and the final tagger, in parallel.
  const int folds = o.folds >= 2 ? o.folds : 0;
  std::vector<std::vector<int>> predicted(tagged.size());
  TaggerPair final_tagger;
  {
    std::vector<std::function<void()>> jobs;
    for (int k = 0; k < folds; ++k) {
      jobs.push_back([&, k] {
        std::vector<const TaggedSentence*> part;
        for (size_t i = 0; i < tagged.size(); ++i) {
          if (static_cast<int>(i % folds) != k) part.push_back(&tagged[i]);
        }
        TaggerPair t = TrainTagger(part, num_classes, o, o.seed + 100 + k);
        for (size_t i = k; i < tagged.size(); i += folds) predicted[i] = TagWith(t, tagged[i]);
      });
    }
    jobs.push_back([&] {
      std::vector<const TaggedSentence*> all;
      for (const auto& t : tagged) all.push_back(&t);
      final_tagger = TrainTagger(all, num_classes, o, o.seed);
    });
    const int threads = std::max(1, o.threads);
    for (size_t start = 0; start < jobs.size(); start += threads) {
      std::vector<std::thread> pool;
      for (size_t j = start; j < std::min(jobs.size(), start + threads); ++j) pool.emplace_back(jobs[j]);
      for (auto& th : pool) th.join();
    }
  }
  if (folds == 0) {
    for (size_t i = 0; i < tagged.size(); ++i) predicted[i] = tagged[i].gold;
  }
  {
    size_t n = 0, ok = 0;
    for (size_t i = 0; i < tagged.size(); ++i) {
      for (size_t j = 0; j < tagged[i].gold.size(); ++j) ok += predicted[i][j] == tagged[i].gold[j], ++n;
    }
    Log(o, Fmt("taggers trained (%.0f s); jackknifed tag accuracy on train %.2f", elapsed(),
               n ? 100.0 * ok / n : 0));
  }
  {
    std::map<uint64_t, int> counts;
    for (const TaggedSentence& t : tagged) {
      for (const TokenAtoms& a : t.atoms) ++counts[a.lower];
    }
    for (auto [w, c] : counts) {
      if (c >= o.parser_min_count) d->parser_vocab.push_back(w);
    }
    std::map<uint64_t, int> lemma_counts;
    for (const Sentence& s : train) {
      for (const Word& w : s.words) ++lemma_counts[ModelData::LemmaHash(w.lemma)];
    }
    for (auto [m, c] : lemma_counts) {
      if (c >= o.parser_min_count) d->lemma_vocab.push_back(m);
    }
  }
  d->tagger1 = std::move(final_tagger.first);
  d->tagger2 = std::move(final_tagger.second);

  // Parser examples: predicted tags, projectivised gold trees.
  auto make_example = [&](const Sentence& s, const std::vector<int>& classes, ParseExample* e) {
    const int n = static_cast<int>(s.words.size());
    std::vector<int> heads(n);
    for (int i = 0; i < n; ++i) {
      if (s.words[i].head < 0 || !std::binary_search(d->label_names.begin(), d->label_names.end(), s.words[i].deprel)) {
        return false;
      }
      heads[i] = s.words[i].head;
    }
    // A tree with several roots or a cycle cannot be a training target.
    int roots = 0;
    for (int h : heads) roots += h == 0;
    if (roots != 1) return false;
    for (int i = 0; i < n; ++i) {
      int k = i + 1, steps = 0;
      while (k != 0 && steps++ <= n) k = heads[k - 1];
      if (k != 0) return false;
    }
    heads = Projectivize(heads);
    std::vector<TokenAtoms> atoms;
    bool headline;
    std::vector<std::string_view> forms;
    for (const Word& w : s.words) forms.push_back(w.form);
    atoms = ComputeAtoms(forms, &headline);
    std::vector<std::string> lemmas(n);
    for (int i = 0; i < n; ++i) {
      lemmas[i] = d->lemmatizer.Lemmatize(s.words[i].form, d->xpos_names[d->tag_classes[classes[i]].second]);
    }
    e->toks = d->ParserTokens(atoms, classes, lemmas);
    e->gold_head.resize(n);
    e->gold_label.resize(n);
    for (int i = 0; i < n; ++i) {
      e->gold_head[i] = heads[i] == 0 ? n : heads[i] - 1;
      e->gold_label[i] = heads[i] == 0 ? d->root_label : index_of(d->label_names, s.words[i].deprel);
    }
    return true;
  };
  std::vector<ParseExample> examples, dev_examples;
  {
    size_t ti = 0;
    for (const Sentence& s : train) {
      if (s.words.empty()) continue;
      ParseExample e;
      if (make_example(s, predicted[ti], &e)) examples.push_back(std::move(e));
      ++ti;
    }
    for (const Sentence& s : dev) {
      if (s.words.empty()) continue;
      std::vector<std::string_view> forms;
      for (const Word& w : s.words) forms.push_back(w.form);
      bool headline;
      std::vector<int> classes;
      d->Tag(ComputeAtoms(forms, &headline), headline, classes);
      ParseExample e;
      if (make_example(s, classes, &e)) dev_examples.push_back(std::move(e));
    }
  }
  if (examples.empty()) return Status::InvalidArgument("no sentence of the training set has a complete tree");

  const int nt = 1 + 2 * num_labels;
  const int num_models = std::max(1, o.parser_models);
  struct Learner {
    PerceptronTrainer parser;
    std::mt19937_64 rng;
    std::vector<size_t> order;
    size_t steps = 0, errors = 0;
  };
  std::vector<Learner> learners;
  for (int k = 0; k < num_models; ++k) {
    learners.push_back({PerceptronTrainer(nt), std::mt19937_64(o.seed + 7 + 1000 * k), {}});
    learners.back().order.resize(examples.size());
    for (size_t i = 0; i < examples.size(); ++i) learners.back().order[i] = i;
  }
  auto run_epoch = [&](Learner& l, int epoch) {
    std::uniform_real_distribution<double> coin(0, 1);
    std::vector<uint64_t> feats;
    std::vector<float> scores(nt);
    std::vector<int> costs(nt);
    std::shuffle(l.order.begin(), l.order.end(), l.rng);
    l.steps = l.errors = 0;
    for (size_t idx : l.order) {
      const ParseExample& e = examples[idx];
      ParseState st(static_cast<int>(e.toks.size()), num_labels);
      while (!st.Terminal()) {
        feats.clear();
        ParserFeatures(st, e.toks, feats);
        l.parser.Score(feats.data(), feats.size(), scores.data());
        TransitionCosts(st, e.gold_head, e.gold_label, d->root_label, costs);
        int min_cost = *std::min_element(costs.begin(), costs.end());
        int pred = -1, gold = -1;
        for (int t = 0; t < nt; ++t) {
          if (costs[t] >= std::numeric_limits<int>::max() / 4) continue;
          if (pred < 0 || scores[t] > scores[pred]) pred = t;
          if (costs[t] == min_cost && (gold < 0 || scores[t] > scores[gold])) gold = t;
        }
        ++l.steps;
        if (costs[pred] > min_cost) {
          ++l.errors;
          l.parser.Update(feats.data(), feats.size(), gold, pred);
        }
        l.parser.Tick();
        bool explore = epoch >= o.explore_from && coin(l.rng) < o.explore_p;
        st.Apply(explore ? pred : gold);
      }
    }
  };
  auto freeze_all = [&] {
    std::vector<Weights> frozen;
    for (auto& l : learners) frozen.push_back(l.parser.Freeze(0.0f));
    std::vector<const Weights*> ptrs;
    for (auto& w : frozen) ptrs.push_back(&w);
    return Weights::Average(ptrs);
  };
  Weights best;
  double best_las = -1;
  int best_epoch = 0;
  for (int epoch = 1; epoch <= o.parser_epochs; ++epoch) {
    {
      std::vector<std::thread> pool;
      for (int k = 1; k < num_models; ++k) pool.emplace_back([&, k] { run_epoch(learners[k], epoch); });
      run_epoch(learners[0], epoch);
      for (auto& th : pool) th.join();
    }
    size_t steps = 0, errors = 0;
    for (auto& l : learners) steps += l.steps, errors += l.errors;
    std::string line = Fmt("parser epoch %.0f: %.2f%% transitions wrong", epoch, 100.0 * errors / std::max<size_t>(1, steps));
    if (!dev_examples.empty()) {
      Weights w = freeze_all();
      double las = DevLas(w, dev_examples, num_labels, d->root_label, d->label_names);
      line += Fmt(", dev LAS %.2f (%.0f s)", las, elapsed());
      if (las > best_las) {
        best_las = las;
        best_epoch = epoch;
        best = std::move(w);
      }
    } else if (epoch == o.parser_epochs) {
      best = freeze_all();
      best_epoch = epoch;
    }
    Log(o, line + Fmt(", %.0f features", static_cast<double>(learners[0].parser.num_features())));
  }
  // Pruning comes last so that `train --*-prune X` gives the same bytes as
  // `train` followed by `prune`.
  d->parser = best.Pruned(o.parser_prune);
  d->tagger1 = d->tagger1.Pruned(o.tagger_prune);
  d->tagger2 = d->tagger2.Pruned(o.tagger_prune);
  Log(o, Fmt("kept parser epoch %.0f (dev LAS %.2f); %.0f s in all", best_epoch, best_las, elapsed()));
  return Model(std::move(d));
}

}  // namespace dyad::syntax
