// Throughput, load time and memory of the syntax model on one core.
//
//   syntax_bench [model] [treebank.conllu] [repeats]
//
// Defaults: the shipped model and UD English EWT test from ../shared. Prints
// the machine, the input and the figures; times are CPU time of this thread
// (the machine is shared) and wall time.
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace {

double ThreadCpu() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double Wall() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string CpuName() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

// ../shared/data beside the source tree (this file is bench/syntax_bench.cc).
std::string DefaultInput() {
  std::string here = __FILE__;
  std::string root = here.substr(0, here.rfind("/bench/"));
  return root + "/../shared/data/ud-english-ewt/en_ewt-ud-test.conllu";
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = argc > 1 ? argv[1] : dyad::syntax::DefaultModelPath();
  std::string input = argc > 2 ? argv[2] : DefaultInput();
  int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  utsname un{};
  uname(&un);
  std::printf("machine\t%s, %s %s\n", CpuName().c_str(), un.sysname, un.release);
  std::printf("model\t%s\ninput\t%s\n", model_path.c_str(), input.c_str());

  double c0 = ThreadCpu(), w0 = Wall();
  auto model = dyad::syntax::Model::Load(model_path);
  double load_cpu = ThreadCpu() - c0, load_wall = Wall() - w0;
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  std::printf("model_load\t%.3f s CPU, %.3f s wall\n", load_cpu, load_wall);
  std::printf("model\t%s\n", model->Describe().c_str());
  auto sentences = dyad::syntax::ReadConlluFile(input);
  if (!sentences.ok()) {
    std::fprintf(stderr, "%s\n", sentences.status().ToString().c_str());
    return 1;
  }
  std::vector<std::vector<std::string_view>> forms;
  size_t tokens = 0, longest = 0;
  for (const auto& s : *sentences) {
    std::vector<std::string_view> f;
    for (const auto& w : s.words) f.push_back(w.form);
    tokens += f.size();
    longest = std::max(longest, f.size());
    forms.push_back(std::move(f));
  }
  std::printf("input_size\t%zu sentences, %zu tokens, longest %zu\n", forms.size(), tokens, longest);
  for (bool parse : {true, false}) {
    dyad::syntax::AnalyzeOptions opt;
    opt.parse = parse;
    double best_cpu = 1e30, best_wall = 1e30;
    size_t checksum = 0;
    for (int r = 0; r < repeats; ++r) {
      double c = ThreadCpu(), w = Wall();
      for (const auto& f : forms) checksum += model->Analyze(f, opt).lemma.size();
      best_cpu = std::min(best_cpu, ThreadCpu() - c);
      best_wall = std::min(best_wall, Wall() - w);
    }
    std::printf("%s\t%.0f tokens/s per core (CPU time), %.0f tokens/s wall, best of %d (checksum %zu)\n",
                parse ? "tag+lemma+parse" : "tag+lemma", static_cast<double>(tokens) / best_cpu,
                static_cast<double>(tokens) / best_wall, repeats, checksum);
  }
  // Long inputs: consecutive sentences glued into ~150-token ones, to show
  // that time per token does not grow with sentence length.
  {
    std::vector<std::vector<std::string_view>> glued(1);
    for (const auto& f : forms) {
      glued.back().insert(glued.back().end(), f.begin(), f.end());
      if (glued.back().size() >= 150) glued.emplace_back();
    }
    double c = ThreadCpu();
    size_t n = 0;
    for (const auto& f : glued) n += model->Analyze(f).head.size();
    std::printf("tag+lemma+parse on %zu sentences of >=150 tokens\t%.0f tokens/s per core\n", glued.size() - 1,
                static_cast<double>(n) / (ThreadCpu() - c));
  }
  std::printf("peak_rss\t%.1f MB\n", static_cast<double>(PeakRssKb()) / 1024.0);
  return 0;
}
