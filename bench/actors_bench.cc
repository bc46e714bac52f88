// Actor recognition benchmark: dictionary load time and sentences per second.
//
//   actors_bench [data/actors] [text-file ...]   (run from the source tree)
//
// Without text files it runs on built-in news-style sentences (written for
// this benchmark). Prints the machine-independent figures the brief asks for:
// load time (best of 5) and throughput of Recognize alone and of
// text::Segment + Recognize, on one thread.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "actors/actors.h"
#include "text/text.h"

namespace {

const char* const kSentences[] = {
    "Israeli troops pushed deeper into the southern Gaza city of Rafah on Tuesday, the military said.",
    "Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem to press for a ceasefire.",
    "Russian President Vladimir Putin said Moscow would respond to any attack on its territory.",
    "Ukrainian forces shot down 23 of 30 drones launched overnight, the air force said in a statement.",
    "The UN Security Council failed to adopt a resolution after China and Russia cast vetoes.",
    "Hamas said it had received the proposal and was studying it with Egyptian and Qatari mediators.",
    "Iran's foreign minister Abbas Araghchi warned that Tehran would not negotiate under pressure.",
    "Houthi rebels in Yemen fired two missiles at a commercial vessel in the Red Sea, the U.S. military said.",
    "The European Union agreed a new package of sanctions against Russia on Friday.",
    "Protesters in Nairobi clashed with police as lawmakers debated the finance bill.",
    "North Korea fired a ballistic missile into the sea, South Korea's Joint Chiefs of Staff said.",
    "The World Health Organization warned that hospitals in northern Gaza were no longer functioning.",
    "Turkish President Recep Tayyip Erdogan spoke by phone with his Iranian counterpart.",
    "Sudan's army and the Rapid Support Forces accused each other of shelling civilians in Khartoum.",
    "NATO Secretary General Mark Rutte said allies must spend more on defence.",
    "The Taliban government in Kabul barred women from working for the United Nations.",
    "Chinese coast guard vessels fired water cannon at a Philippine supply boat near the shoal.",
    "Prime Minister Narendra Modi and President Joe Biden discussed trade and technology.",
    "The International Criminal Court issued arrest warrants for two senior officials.",
    "Armed men attacked a village in central Mali, killing at least 20 people, local officials said.",
    "Hezbollah fired rockets at northern Israel after an Israeli strike killed one of its commanders.",
    "Venezuelan opposition leader Maria Corina Machado called for protests after the election.",
    "The IMF approved a $3 billion loan for Pakistan after months of talks with Islamabad.",
    "French President Emmanuel Macron said Paris would not rule out sending troops.",
    "It rained all afternoon and the match was postponed until next week.",
    "Shares rose on Wall Street as investors bet on lower interest rates later this year.",
    "The government of Ethiopia and Tigrayan leaders signed an agreement in Pretoria.",
    "Al-Shabaab militants stormed a hotel in Mogadishu late on Friday, police said.",
    "Saudi Crown Prince Mohammed bin Salman received the Qatari emir in Riyadh.",
    "Brazilian President Luiz Inacio Lula da Silva criticised the central bank's decision.",
};

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : "data/actors";  // run from the source tree
  std::string corpus;
  std::string input_name = "built-in news-style sentences";
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    corpus += ss.str() + "\n\n";
    input_name = "files given on the command line";
  }
  if (corpus.empty()) {
    for (const char* s : kSentences) corpus += std::string(s) + "\n\n";
  }

  double best_load = 1e9;
  size_t phrases = 0;
  for (int i = 0; i < 5; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto d = dyad::actors::ActorDictionary::LoadDir(dir);
    auto t1 = std::chrono::steady_clock::now();
    if (!d.ok()) {
      std::fprintf(stderr, "%s\n", d.status().ToString().c_str());
      return 1;
    }
    phrases = d->size();
    best_load = std::min(best_load, Seconds(t0, t1));
  }
  auto dict = dyad::actors::ActorDictionary::LoadDir(dir);
  dyad::actors::ActorRecognizer rec(*dict);
  dyad::Date date = *dyad::Date::Parse("2024-06-01");

  std::vector<dyad::text::Sentence> sentences = dyad::text::Segment(corpus);
  size_t tokens = 0;
  for (const auto& s : sentences) tokens += s.tokens.size();

  // Recognition alone on pre-tokenised sentences.
  const int kMinSentences = 300000;
  int reps = std::max(1, kMinSentences / static_cast<int>(sentences.size()));
  size_t mentions = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r) {
    for (const auto& s : sentences) mentions += rec.Recognize(s, date).size();
  }
  auto t1 = std::chrono::steady_clock::now();
  double rec_rate = static_cast<double>(reps) * sentences.size() / Seconds(t0, t1);

  // Segmentation + recognition, as the pipeline runs them.
  int reps2 = std::max(1, reps / 3);
  t0 = std::chrono::steady_clock::now();
  size_t seen = 0;
  for (int r = 0; r < reps2; ++r) {
    for (const auto& s : dyad::text::Segment(corpus)) {
      mentions += rec.Recognize(s, date).size();
      ++seen;
    }
  }
  t1 = std::chrono::steady_clock::now();
  double both_rate = static_cast<double>(seen) / Seconds(t0, t1);

  std::printf("machine: %u hardware threads; input: %s (%zu sentences, %zu tokens)\n",
              std::thread::hardware_concurrency(), input_name.c_str(), sentences.size(), tokens);
  std::printf("dictionary: %s (%s), %zu alias entries\n", dir.c_str(), dict->version().c_str(), phrases);
  std::printf("load time: %.1f ms (best of 5)\n", best_load * 1e3);
  std::printf("recognize: %.0f sentences/s, %.0f tokens/s (one thread, %d passes)\n", rec_rate,
              rec_rate * tokens / sentences.size(), reps);
  std::printf("segment+recognize: %.0f sentences/s (one thread)\n", both_rate);
  std::printf("mentions per sentence: %.2f\n",
              static_cast<double>(mentions) / (static_cast<double>(reps) * sentences.size() + seen));
  return 0;
}
