// Coder throughput: lemmatise + match + modality + link + build events
// (Coder::CodeSentence) on pre-tokenised sentences with actor mentions, one
// thread. Text segmentation and actor recognition are not timed.
//
//   coder_bench [repo_dir] [shared_dir]      (defaults: . and ../shared; run from the repository root)
//
// Inputs: (1) the golden sentences (tests/data/coder/golden.txt, hand-marked
// actors); (2) the UD English EWT test sentences (web text) with every
// capitalised non-initial word taken as an actor mention, a stand-in for the
// recogniser that gives the linker work on real sentences. (3) The same EWT
// sentences through the whole chain text::Tokenize -> ActorRecognizer ->
// CodeSentence with data/actors; (4) the gold news sentences
// (tests/data/gold/events.jsonl) through the same chain, with the dependency
// linker (each sentence with an actor and a pattern match is parsed) and with
// the word-order linker: the figure to compare with the 3,000 sentences/s target.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "coder/coder.h"
#include "coder/marked.h"
#include "text/text.h"
#include <nlohmann/json.hpp>

namespace {

struct Input {
  std::string text;
  dyad::text::Sentence sentence;
  std::vector<dyad::actors::ActorMention> mentions;
};

std::string CpuName() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown cpu";
}

void Run(const char* name, const dyad::coder::Coder& coder, const std::vector<Input>& inputs) {
  using Clock = std::chrono::steady_clock;
  size_t tokens = 0;
  for (const auto& in : inputs) tokens += in.sentence.tokens.size();
  size_t sentences = 0, events = 0, rounds = 0;
  auto start = Clock::now();
  double secs = 0;
  while (secs < 2.0) {
    for (const auto& in : inputs) {
      events += coder.CodeSentence(in.text, in.sentence, 0, in.mentions, dyad::Date{}).size();
      ++sentences;
    }
    ++rounds;
    secs = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("%-34s %6zu sentences %7zu tokens  %9.0f sentences/s  %6.2f M tokens/s  %.2f events/sentence\n", name,
              inputs.size(), tokens, sentences / secs, rounds * tokens / secs / 1e6,
              static_cast<double>(events) / sentences);
}

// Text -> tokens -> actor mentions -> events, one thread, repeated for 2 s.
void RunChain(const char* name, const dyad::coder::Coder& coder, const dyad::actors::ActorRecognizer& rec,
              const std::vector<std::string>& texts) {
  if (texts.empty()) return;
  using Clock = std::chrono::steady_clock;
  size_t sentences = 0, events = 0, tokens = 0;
  const dyad::Date date = dyad::Date::FromYmd(2024, 1, 1);
  auto start = Clock::now();
  double secs = 0;
  while (secs < 2.0) {
    for (const auto& text : texts) {
      dyad::text::Sentence s;
      s.end = static_cast<uint32_t>(text.size());
      s.tokens = dyad::text::Tokenize(text, 0, s.end);
      tokens += s.tokens.size();
      auto mentions = rec.Recognize(s, date);
      events += coder.CodeSentence(text, s, 0, mentions, date).size();
      ++sentences;
    }
    secs = std::chrono::duration<double>(Clock::now() - start).count();
  }
  std::printf("%-34s %6zu sentences %7zu tokens  %9.0f sentences/s  %6.2f M tokens/s  %.2f events/sentence\n", name,
              texts.size(), tokens * texts.size() / sentences, sentences / secs, tokens / secs / 1e6,
              static_cast<double>(events) / sentences);
}

}  // namespace

int main(int argc, char** argv) {
  std::string repo = argc > 1 ? argv[1] : ".";
  std::string data = repo + "/data";
  std::string shared = argc > 2 ? argv[2] : repo + "/../shared";
  auto t0 = std::chrono::steady_clock::now();
  auto coder = dyad::coder::Coder::Load(data);
  if (!coder.ok()) {
    std::fprintf(stderr, "coder_bench: %s\n", coder.status().ToString().c_str());
    return 1;
  }
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("coder_bench on %s, 1 thread\n%s\n%s\nload: %.1f ms\n", CpuName().c_str(),
              std::string(coder->version()).c_str(), coder->dictionary_version().c_str(), load_ms);

  std::vector<Input> golden;
  {
    std::ifstream in(repo + "/tests/data/coder/golden.txt");
    std::string line;
    while (std::getline(in, line)) {
      size_t bar = line.find(" | ");
      if (line.empty() || line[0] == '#' || bar == std::string::npos) continue;
      auto ms = dyad::coder::ParseMarked(line.substr(bar + 3));
      if (!ms.error.empty()) continue;
      golden.push_back({ms.text, ms.sentence, ms.mentions});
    }
  }
  std::vector<Input> ewt;
  {
    std::ifstream in(shared + "/data/ud-english-ewt/en_ewt-ud-test.conllu");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("# text = ", 0) != 0) continue;
      Input x;
      x.text = line.substr(9);
      x.sentence.end = static_cast<uint32_t>(x.text.size());
      x.sentence.tokens = dyad::text::Tokenize(x.text, 0, x.sentence.end);
      for (uint32_t i = 1; i < x.sentence.tokens.size(); ++i)
        if (x.sentence.tokens[i].capitalized()) {
          dyad::actors::ActorMention m;
          m.first = i;
          m.end = i + 1;
          m.code = "XXXGOV";
          x.mentions.push_back(m);
        }
      ewt.push_back(std::move(x));
    }
  }
  if (!golden.empty()) Run("golden sentences (marked actors)", *coder, golden);
  if (!ewt.empty()) Run("EWT test (capitalised = actor)", *coder, ewt);
  // News-like sentences (the gold set: nearly every one reports an event, so
  // nearly every one is parsed) and web text, through the whole chain.
  std::vector<std::string> news;
  {
    std::ifstream in(repo + "/tests/data/gold/events.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) news.push_back(j["text"].get<std::string>());
    }
  }
  // The example articles (examples/articles, news written for dyad), split into sentences.
  std::vector<std::string> articles;
  {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(repo + "/examples/articles", ec))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (const auto& s : dyad::text::Segment(text))
        if (!s.heading) articles.push_back(text.substr(s.begin, s.end - s.begin));
    }
  }
  std::vector<std::string> web;
  for (const auto& x : ewt) web.push_back(x.text);
  auto dict = dyad::actors::ActorDictionary::LoadDir(data + "/actors");
  auto word_order = dyad::coder::Coder::Load(data, {.linker = dyad::coder::LinkerKind::kWordOrder});
  if (dict.ok() && word_order.ok()) {
    dyad::actors::ActorRecognizer rec(*dict);
    RunChain("gold news: tokenize+actors+coder", *coder, rec, news);
    RunChain("  the same, word-order linker", *word_order, rec, news);
    RunChain("example articles: the chain", *coder, rec, articles);
    RunChain("  the same, word-order linker", *word_order, rec, articles);
    RunChain("EWT: tokenize+actors+coder", *coder, rec, web);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS: %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
