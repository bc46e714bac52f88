// Pipeline benchmark: generates a corpus of synthetic news articles (written
// from templates in this file), then measures
//   1. text + actors + coder on one thread, no store (sentences/s per core);
//   2. ingest + code + store end to end into a fresh SQLite file;
// and prints articles/s, sentences/s, MB/s and peak RSS, naming the machine.
//
//   pipeline_bench [--articles N] [--threads T] [--dir DIR] [--data DATA] [--sentences FILE]
//
// --sentences FILE builds the articles from real-looking sentences instead of
// the short templates (JSON Lines with "text", e.g. tests/data/gold/events.jsonl,
// or one sentence a line): news sentences are longer and nearly all are parsed.
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dyad/engine.h"
#include "dyad/store.h"
#include "ingest/reader.h"

namespace {

using Clock = std::chrono::steady_clock;

const char* kActors[] = {"Israel", "Israeli troops", "Hamas", "the United States", "Washington", "Russia",
                         "Russian forces", "Ukraine", "the Ukrainian army", "Iran", "Tehran", "China", "Beijing",
                         "the European Union", "the United Nations", "NATO", "Turkey", "Egypt", "Qatar",
                         "Saudi Arabia", "the Houthis", "Hezbollah", "Sudan's army", "the Rapid Support Forces",
                         "North Korea", "South Korea", "Japan", "India", "Pakistan", "the Taliban",
                         "French President Emmanuel Macron", "German officials", "British police", "Syrian rebels",
                         "the World Health Organization", "Venezuela", "Colombia", "Armenia", "Azerbaijan"};
const char* kVerbs[] = {"accused", "condemned", "attacked", "met with", "praised", "urged", "threatened",
                        "criticised", "shelled", "thanked", "called on", "warned", "sanctioned", "rejected",
                        "signed an agreement with", "held talks with", "expelled diplomats from", "supported",
                        "fired missiles at", "appealed to", "denounced", "hosted", "arrested members of",
                        "imposed sanctions on", "promised aid to", "demanded that", "blamed", "killed"};
const char* kTails[] = {"on Monday", "over the border dispute", "after weeks of tension", "in a statement",
                        "during a visit", "near the frontier", "for the second time this month", "",
                        "according to officials", "despite international pressure"};
const char* kFiller[] = {"Markets in the region were calm on the day.",
                         "The talks are expected to resume next week.",
                         "Analysts said the move could raise tensions further.",
                         "The ministry did not give further details.",
                         "Several hundred people gathered in the capital, witnesses said.",
                         "Officials said the situation remained fluid.",
                         "Prices of fuel and bread have risen sharply since January."};

std::string JsonEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') { o += '\\'; o += c; }
    else if (c == '\n') o += "\\n";
    else o += c;
  }
  return o;
}

// Sentences to build articles from (--sentences FILE): JSON Lines with a
// "text" field (such as tests/data/gold/events.jsonl) or one sentence a line.
std::vector<std::string> ReadSentences(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] == '{') {
      size_t k = line.find("\"text\": \"");
      if (k == std::string::npos) continue;
      k += 9;
      std::string t;
      for (size_t i = k; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        t += line[i];
      }
      out.push_back(t);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

// Writes `n` articles as JSON Lines; returns the bytes of article text. With
// `pool`, each article is 5-14 sentences drawn from it; else from the templates.
size_t Generate(const std::string& path, size_t n, size_t* sentences, const std::vector<std::string>& pool) {
  std::mt19937_64 rng(20241126);
  auto pick = [&](auto& arr) { return arr[rng() % (sizeof(arr) / sizeof(arr[0]))]; };
  std::ofstream out(path);
  size_t text_bytes = 0;
  *sentences = 0;
  for (size_t i = 0; i < n; ++i) {
    int year = 2015 + static_cast<int>(rng() % 11);
    int month = 1 + static_cast<int>(rng() % 12);
    int day = 1 + static_cast<int>(rng() % 28);
    size_t k = 5 + rng() % 10;
    std::string text;
    for (size_t s = 0; s < k; ++s) {
      if (s > 0) text += (s % 4 == 0) ? "\n\n" : " ";
      if (!pool.empty()) {
        text += pool[rng() % pool.size()];
      } else if (rng() % 3 == 0) {
        text += pick(kFiller);
      } else {
        std::string a = pick(kActors), b = pick(kActors);
        std::string sent = a + " " + pick(kVerbs) + " " + b;
        std::string tail = pick(kTails);
        if (!tail.empty()) sent += " " + tail;
        sent += ".";
        sent[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sent[0])));
        text += sent;
      }
      ++*sentences;
    }
    text += " (Story " + std::to_string(i) + ".)";
    text_bytes += text.size();
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    out << "{\"id\": \"b" << i << "\", \"date\": \"" << date << "\", \"source\": \"bench\", \"text\": \""
        << JsonEscape(text) << "\"}\n";
  }
  return text_bytes;
}

// CPU seconds (user + system) of this process so far: wall time is shared
// with whatever else the machine runs, CPU time is not.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

std::string Machine() {
  utsname u{};
  uname(&u);
  std::string cpu = "unknown cpu";
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);) {
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  return std::string(u.sysname) + " " + u.release + ", " + cpu + ", " + std::to_string(std::thread::hardware_concurrency()) +
         " cores";
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 100000;
  unsigned threads = 1;
  std::string dir = std::filesystem::temp_directory_path() / "dyad_bench";
  std::string data, sentences_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--articles")) n = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads")) threads = static_cast<unsigned>(std::stoul(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
    else if (!std::strcmp(argv[i], "--sentences")) sentences_file = argv[i + 1];
  }
  std::filesystem::create_directories(dir);
  const std::string corpus = dir + "/corpus.jsonl", db = dir + "/bench.db";
  std::filesystem::remove(db);
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
  size_t gen_sentences = 0;
  std::vector<std::string> pool;
  if (!sentences_file.empty()) {
    pool = ReadSentences(sentences_file);
    if (pool.empty()) {
      std::fprintf(stderr, "pipeline_bench: no sentences in %s\n", sentences_file.c_str());
      return 1;
    }
  }
  size_t text_bytes = Generate(corpus, n, &gen_sentences, pool);
  const double mb = static_cast<double>(std::filesystem::file_size(corpus)) / (1 << 20);
  std::printf("machine: %s\n", Machine().c_str());
  std::printf("input:   %zu generated articles (%zu sentences from %s, %.0f bytes a sentence, %.1f MB JSON Lines, %.1f MB text) in %s\n",
              n, gen_sentences, pool.empty() ? "the templates" : sentences_file.c_str(),
              static_cast<double>(text_bytes) / gen_sentences, mb, text_bytes / 1048576.0, corpus.c_str());

  auto t0 = Clock::now();
  auto engine = dyad::Engine::Create({.data_dir = data});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 1;
  }
  std::printf("load:    %.3f s (dictionaries from %s)\n", std::chrono::duration<double>(Clock::now() - t0).count(),
              engine.value()->data_dir().c_str());

  // 1. Text + actors + coder, one thread, articles already in memory.
  std::vector<dyad::Article> articles;
  (void)dyad::ingest::ReadPath(corpus, {}, [&](dyad::Article&& a) {
    if (articles.size() < 20000) articles.push_back(std::move(a));
    return dyad::Status::Ok();
  }, nullptr);
  size_t sentences = 0, events = 0, bytes = 0;
  t0 = Clock::now();
  double cpu0 = CpuSeconds();
  for (const auto& a : articles) {
    auto c = engine.value()->Code(a);
    sentences += c.sentences.size();
    events += c.events.size();
    bytes += a.text.size();
  }
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  double cpu = CpuSeconds() - cpu0;
  std::printf("code:    1 thread, %zu articles in memory: %.0f articles/s, %.0f sentences/s, %.1f MB/s, %zu events "
              "(wall %.2f s; per CPU second: %.0f sentences/s)\n",
              articles.size(), articles.size() / secs, sentences / secs, bytes / secs / 1048576.0, events, secs,
              sentences / cpu);
  articles.clear();
  articles.shrink_to_fit();

  // 2. Ingest + code + store, end to end, as `dyad ingest` does.
  auto store = dyad::Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  int64_t run = store.value()->BeginRun(engine.value()->versions()).value();
  sentences = events = 0;
  size_t count = 0;
  std::vector<dyad::Article> batch;
  std::vector<dyad::CodedArticle> coded;
  auto flush = [&]() {
    coded.assign(batch.size(), {});
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t]() {
        for (size_t i = t; i < batch.size(); i += threads) coded[i] = engine.value()->Code(batch[i]);
      });
    }
    for (auto& th : pool) th.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      (void)store.value()->AddArticle(batch[i], coded[i].sentences, coded[i].events, run);
      sentences += coded[i].sentences.size();
      events += coded[i].events.size();
    }
    (void)store.value()->Commit();
    batch.clear();
  };
  t0 = Clock::now();
  cpu0 = CpuSeconds();
  (void)dyad::ingest::ReadPath(corpus, {}, [&](dyad::Article&& a) {
    ++count;
    batch.push_back(std::move(a));
    if (batch.size() >= 256) flush();
    return dyad::Status::Ok();
  }, nullptr);
  flush();
  (void)store.value()->FinishRun(run, static_cast<int64_t>(count), static_cast<int64_t>(events), 0);
  secs = std::chrono::duration<double>(Clock::now() - t0).count();
  cpu = CpuSeconds() - cpu0;
  std::printf("ingest:  %u coding thread(s): %zu articles, %zu sentences, %zu events in %.1f s: %.0f articles/s, %.0f "
              "sentences/s, %.1f MB/s (JSON Lines); CPU %.1f s: %.0f sentences per CPU second\n",
              threads, count, sentences, events, secs, count / secs, sentences / secs, mb / secs, cpu, sentences / cpu);
  std::printf("memory:  peak RSS %.1f MB\n", PeakRssKb() / 1024.0);
  std::printf("store:   %s, %.1f MB\n", db.c_str(), std::filesystem::file_size(db) / 1048576.0);
  return 0;
}
