// dyad syntax train|eval|parse: the tagger, lemmatizer and parser on their own.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/syntax.h"
#include "syntax/train.h"

namespace dyad::cli {
namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Penn-style tokenisation of one line, for `parse` on plain text: splits
// punctuation and clitics, keeps abbreviations with inner dots ("U.S.") and
// common titles. The pipeline uses src/text instead.
std::vector<std::string> TokenizeLine(const std::string& line) {
  static const char* kTitles[] = {"mr.", "mrs.", "ms.", "dr.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.",
                                  "sgt.", "capt.", "maj.", "st.", "jr.", "sr.", "no.", "vs.", "inc.", "corp.",
                                  "co.", "ltd.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "prof."};
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string chunk;
  auto is_lead = [](char c) { return std::string_view("\"'`([{$").find(c) != std::string_view::npos; };
  auto is_trail = [](char c) { return std::string_view("\"'`)]}.,;:!?%").find(c) != std::string_view::npos; };
  while (in >> chunk) {
    std::vector<std::string> tail;
    size_t b = 0, e = chunk.size();
    while (b < e && is_lead(chunk[b])) out.push_back(std::string(1, chunk[b++]));
    while (e > b && is_trail(chunk[e - 1])) {
      std::string word = chunk.substr(b, e - b);
      std::string lower = word;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (chunk[e - 1] == '.') {
        bool keep = word.find('.') != word.size() - 1 && word.size() > 2;  // U.S., a.m.
        keep = keep || (word.size() == 2 && std::isupper(static_cast<unsigned char>(word[0])));  // initials
        for (const char* t : kTitles) keep = keep || lower == t;
        if (keep) break;
      }
      tail.push_back(std::string(1, chunk[--e]));
    }
    std::string word = chunk.substr(b, e - b);
    // Clitics: "don't" -> "do n't", "Israel's" -> "Israel 's".
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t cut = std::string::npos;
    if (lower.size() > 3 && lower.compare(lower.size() - 3, 3, "n't") == 0) {
      cut = lower.size() - 3;
    } else {
      for (const char* c : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
        size_t len = std::strlen(c);
        if (lower.size() > len && lower.compare(lower.size() - len, len, c) == 0) cut = lower.size() - len;
      }
    }
    if (cut != std::string::npos && cut > 0) {
      out.push_back(word.substr(0, cut));
      out.push_back(word.substr(cut));
    } else if (!word.empty()) {
      out.push_back(word);
    }
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(*it);
  }
  return out;
}

std::function<int()> SetupTrain(CLI::App* app) {
  struct Args {
    std::string train, dev, out;
    syntax::TrainOptions opt;
    size_t max_sentences = 0;
  };
  auto a = std::make_shared<Args>();
  app->add_option("--train", a->train, "training treebank (CoNLL-U)")->required();
  app->add_option("--dev", a->dev, "development treebank (CoNLL-U), used to pick the parser epoch");
  app->add_option("--out", a->out, "model file to write")->required();
  app->add_option("--tagger-epochs", a->opt.tagger_epochs, "tagger epochs")->capture_default_str();
  app->add_option("--parser-epochs", a->opt.parser_epochs, "parser epochs")->capture_default_str();
  app->add_option("--folds", a->opt.folds, "jackknife folds for training tags (0: gold tags)")->capture_default_str();
  app->add_option("--parser-min-count", a->opt.parser_min_count, "rarer words are unknown to the parser")
      ->capture_default_str();
  app->add_option("--parser-models", a->opt.parser_models, "parsers trained side by side and averaged")
      ->capture_default_str();
  app->add_option("--explore-p", a->opt.explore_p, "probability of following a wrong parser transition")
      ->capture_default_str();
  app->add_option("--explore-from", a->opt.explore_from, "first epoch that explores")->capture_default_str();
  app->add_option("--tagger-prune", a->opt.tagger_prune, "drop tagger features below this weight")->capture_default_str();
  app->add_option("--parser-prune", a->opt.parser_prune, "drop parser features below this weight")->capture_default_str();
  app->add_option("--threads", a->opt.threads, "threads for the jackknife taggers")->capture_default_str();
  app->add_option("--seed", a->opt.seed, "random seed")->capture_default_str();
  app->add_option("--max-sentences", a->max_sentences, "use only the first N training sentences (0: all)");
  return [a]() -> int {
    auto wall = std::chrono::steady_clock::now();
    auto train = syntax::ReadConlluFile(a->train);
    if (!train.ok()) return Fail("syntax train", train.status());
    std::vector<syntax::Sentence> dev;
    if (!a->dev.empty()) {
      auto d = syntax::ReadConlluFile(a->dev);
      if (!d.ok()) return Fail("syntax train", d.status());
      dev = std::move(d).value();
    }
    if (a->max_sentences > 0 && train->size() > a->max_sentences) train->resize(a->max_sentences);
    a->opt.log = [](const std::string& line) { std::cerr << line << std::endl; };
    auto model = syntax::Train(*train, dev, a->opt);
    if (!model.ok()) return Fail("syntax train", model.status());
    Status st = model->Save(a->out);
    if (!st.ok()) return Fail("syntax train", st);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    std::ifstream f(a->out, std::ios::binary | std::ios::ate);
    std::cerr << "wrote " << a->out << " (" << f.tellg() << " bytes): " << model->Describe() << "\n";
    std::fprintf(stderr, "training took %.1f s wall, %.1f s CPU\n", secs, CpuSeconds());
    return kExitOk;
  };
}

std::function<int()> SetupEval(CLI::App* app) {
  struct Args {
    std::string model, test, out;
    bool no_parse = false;
  };
  auto a = std::make_shared<Args>();
  app->add_option("--model", a->model, "model file (default: the shipped model)");
  app->add_option("--test", a->test, "gold treebank (CoNLL-U)")->required();
  app->add_option("--out", a->out, "also write the predicted CoNLL-U here");
  app->add_flag("--no-parse", a->no_parse, "tags and lemmas only");
  return [a]() -> int {
    std::string path = a->model.empty() ? syntax::DefaultModelPath() : a->model;
    auto t0 = std::chrono::steady_clock::now();
    auto model = syntax::Model::Load(path);
    if (!model.ok()) return Fail("syntax eval", model.status());
    double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto gold = syntax::ReadConlluFile(a->test);
    if (!gold.ok()) return Fail("syntax eval", gold.status());
    std::vector<syntax::Sentence> pred = *gold;
    syntax::AnalyzeOptions opt;
    opt.parse = !a->no_parse;
    auto t1 = std::chrono::steady_clock::now();
    double cpu1 = CpuSeconds();
    for (auto& s : pred) syntax::AnalyzeSentence(*model, s, opt);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    double cpu = CpuSeconds() - cpu1;
    auto scores = syntax::Evaluate(*gold, pred);
    if (!scores.ok()) return Fail("syntax eval", scores.status());
    if (!a->out.empty()) {
      std::ofstream out(a->out);
      for (const auto& s : pred) syntax::WriteConllu(s, out);
      if (!out) return Fail("syntax eval", Status::IOError("cannot write " + a->out));
    }
    const syntax::Scores& s = *scores;
    std::printf("model\t%s\ntest\t%s\nwords\t%zu\n", path.c_str(), a->test.c_str(), s.words);
    std::printf("UPOS\t%.2f\nXPOS\t%.2f\nLemmas\t%.2f\n", s.Pct(s.upos), s.Pct(s.xpos), s.Pct(s.lemma));
    if (opt.parse) {
      std::printf("UAS\t%.2f\nLAS\t%.2f\nLAS_full_labels\t%.2f\n", s.Pct(s.uas), s.Pct(s.las), s.Pct(s.las_full));
      auto pct = [&](size_t x) { return s.words_no_punct ? 100.0 * x / s.words_no_punct : 0.0; };
      std::printf("UAS_no_punct\t%.2f\nLAS_no_punct\t%.2f\n", pct(s.uas_no_punct), pct(s.las_no_punct));
    }
    std::printf("load_seconds\t%.3f\ntokens_per_second_wall\t%.0f\ntokens_per_cpu_second\t%.0f\n", load,
                static_cast<double>(s.words) / secs, static_cast<double>(s.words) / std::max(cpu, 1e-9));
    return kExitOk;
  };
}

std::function<int()> SetupParse(CLI::App* app) {
  struct Args {
    std::string model, input = "-", format = "auto";
    bool no_parse = false;
  };
  auto a = std::make_shared<Args>();
  app->add_option("input", a->input, "text (one sentence a line) or CoNLL-U; - for stdin")->capture_default_str();
  app->add_option("--model", a->model, "model file (default: the shipped model)");
  app->add_option("--format", a->format, "input format")->check(CLI::IsMember({"auto", "text", "conllu"}))
      ->capture_default_str();
  app->add_flag("--no-parse", a->no_parse, "tags and lemmas only");
  return [a]() -> int {
    auto model = syntax::Model::Load(a->model.empty() ? syntax::DefaultModelPath() : a->model);
    if (!model.ok()) return Fail("syntax parse", model.status());
    std::ifstream file;
    std::istream* in = &std::cin;
    if (a->input != "-") {
      file.open(a->input, std::ios::binary);
      if (!file) return Fail("syntax parse", Status::NotFound("cannot open " + a->input));
      in = &file;
    }
    std::string all((std::istreambuf_iterator<char>(*in)), std::istreambuf_iterator<char>());
    std::string format = a->format;
    if (format == "auto") {
      std::istringstream probe(all);
      std::string line;
      while (std::getline(probe, line) && line.empty()) {
      }
      bool conllu = !line.empty() && (line[0] == '#' || (std::isdigit(static_cast<unsigned char>(line[0])) &&
                                                         std::count(line.begin(), line.end(), '\t') == 9));
      format = conllu ? "conllu" : "text";
    }
    syntax::AnalyzeOptions opt;
    opt.parse = !a->no_parse;
    std::vector<syntax::Sentence> sentences;
    if (format == "conllu") {
      std::istringstream ss(all);
      auto r = syntax::ReadConllu(ss, a->input == "-" ? "<stdin>" : a->input);
      if (!r.ok()) return Fail("syntax parse", r.status());
      sentences = std::move(r).value();
    } else {
      std::istringstream ss(all);
      std::string line;
      int id = 0;
      while (std::getline(ss, line)) {
        std::vector<std::string> toks = TokenizeLine(line);
        if (toks.empty()) continue;
        syntax::Sentence s;
        s.extra.push_back({0, "# sent_id = " + std::to_string(++id)});
        s.extra.push_back({0, "# text = " + line});
        for (auto& t : toks) {
          syntax::Word w;
          w.form = t;
          s.words.push_back(std::move(w));
        }
        sentences.push_back(std::move(s));
      }
    }
    for (auto& s : sentences) {
      syntax::AnalyzeSentence(*model, s, opt);
      syntax::WriteConllu(s, std::cout);
    }
    std::cout.flush();
    return std::cout ? kExitOk : kExitIO;
  };
}

std::function<int()> SetupPrune(CLI::App* app) {
  struct Args {
    std::string model, out;
    float tagger = 0, parser = 0;
  };
  auto a = std::make_shared<Args>();
  app->add_option("--model", a->model, "model file")->required();
  app->add_option("--out", a->out, "pruned model file")->required();
  app->add_option("--tagger", a->tagger, "drop tagger weights below this magnitude")->capture_default_str();
  app->add_option("--parser", a->parser, "drop parser weights below this magnitude")->capture_default_str();
  return [a]() -> int {
    auto model = syntax::Model::Load(a->model);
    if (!model.ok()) return Fail("syntax prune", model.status());
    syntax::Model pruned = model->Pruned(a->tagger, a->parser);
    Status st = pruned.Save(a->out);
    if (!st.ok()) return Fail("syntax prune", st);
    std::cerr << "wrote " << a->out << ": " << pruned.Describe() << "\n";
    return kExitOk;
  };
}

std::function<int()> Setup(CLI::App* app) {
  app->require_subcommand(1);
  auto train = SetupTrain(app->add_subcommand("train", "train a model from CoNLL-U treebanks"));
  auto eval = SetupEval(app->add_subcommand("eval", "score a model on a gold CoNLL-U treebank (CoNLL 2018 metrics)"));
  auto parse = SetupParse(app->add_subcommand("parse", "tag, lemmatise and parse text or CoNLL-U, CoNLL-U out"));
  auto prune = SetupPrune(app->add_subcommand("prune", "drop small weights from a model to make it smaller"));
  return [app, train, eval, parse, prune]() -> int {
    if (app->get_subcommand("train")->parsed()) return train();
    if (app->get_subcommand("eval")->parsed()) return eval();
    if (app->get_subcommand("prune")->parsed()) return prune();
    return parse();
  };
}

}  // namespace

DYAD_COMMAND("syntax", "POS tags, lemmas and dependency parses (UD English)", Setup);

}  // namespace dyad::cli
