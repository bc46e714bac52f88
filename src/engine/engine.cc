#include "dyad/engine.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "actors/actors.h"
#include "coder/coder.h"
#include "engine/coreference.h"
#include "text/text.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

bool LooksLikeDataDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p / "actors", ec) && fs::is_directory(p / "coder", ec);
}

class PipelineEngine final : public Engine {
 public:
  PipelineEngine(std::string data_dir, EngineOptions options, actors::ActorDictionary dict, coder::Coder coder)
      : data_dir_(std::move(data_dir)),
        options_(options),
        dict_(std::move(dict)),
        recognizer_(dict_),
        coder_(std::move(coder)) {}

  CodedArticle Code(const Article& article) const override {
    CodedArticle out;
    std::vector<text::Sentence> sentences = text::Segment(article.text);
    out.sentences.reserve(sentences.size());
    engine::CoreferenceResolver coref;
    for (uint32_t i = 0; i < sentences.size(); ++i) {
      const text::Sentence& s = sentences[i];
      out.sentences.push_back({i, {s.begin, s.end}, s.heading});
      if (s.heading && !options_.code_headings) continue;
      std::vector<actors::ActorMention> mentions = recognizer_.Recognize(s, article.date);
      if (options_.resolve_coreference) coref.Resolve(s, &mentions);
      if (mentions.empty()) continue;  // no actor, no event
      coder::Trace trace;
      coder::Trace* tp = options_.explain ? &trace : nullptr;
      for (Event& e : coder_.CodeSentence(article.text, s, i, mentions, article.date, tp, &out.events)) {
        e.article_id = article.id;
        e.article_url = article.url;
        e.article_source = article.source;
        out.events.push_back(std::move(e));
      }
      if (tp && !trace.steps.empty())
        out.explanation += "sentence " + std::to_string(i) + ": " + article.text.substr(s.begin, s.end - s.begin) + "\n" +
                           coder::FormatTrace(s, mentions, trace);
    }
    return out;
  }

  RunInfo versions() const override {
    RunInfo r;
    r.dyad_version = kDyadVersion;
    r.coder_version = std::string(coder_.version());
    r.dictionary_version = "actors " + dict_.version() + "; events " + coder_.dictionary_version();
    r.ontology_version = coder_.ontology_version();
    return r;
  }

  const std::string& data_dir() const override { return data_dir_; }

 private:
  std::string data_dir_;
  EngineOptions options_;
  actors::ActorDictionary dict_;
  actors::ActorRecognizer recognizer_;
  coder::Coder coder_;
};

}  // namespace

Result<std::string> FindDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    if (!LooksLikeDataDir(explicit_dir)) {
      return Status::NotFound(explicit_dir + ": not a dyad data directory (no actors/ and coder/ in it)");
    }
    return explicit_dir;
  }
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) {
    if (!LooksLikeDataDir(env)) return Status::NotFound(std::string("$DYAD_DATA=") + env + ": not a dyad data directory");
    return std::string(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {exe.parent_path() / ".." / "share" / "dyad", exe.parent_path() / ".." / ".." / "data"}) {
      if (LooksLikeDataDir(candidate)) return fs::weakly_canonical(candidate, ec).string();
    }
  }
#ifdef DYAD_SOURCE_DATA_DIR
  if (LooksLikeDataDir(DYAD_SOURCE_DATA_DIR)) return std::string(DYAD_SOURCE_DATA_DIR);
#endif
  return Status::NotFound("no dyad data directory found: give --data DIR or set DYAD_DATA");
}

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto dir = FindDataDir(options.data_dir);
  if (!dir.ok()) return dir.status();
  auto dict = actors::ActorDictionary::LoadDir(*dir + "/actors");
  if (!dict.ok()) return dict.status();
  coder::CoderOptions co;
  co.keep_hypothetical = options.keep_hypothetical;
  co.keep_negated = options.keep_negated;
  co.keep_untargeted = options.keep_untargeted;
  co.linker = options.dependency_linker ? coder::LinkerKind::kDependency : coder::LinkerKind::kWordOrder;
  auto coder = coder::Coder::Load(*dir, co);
  if (!coder.ok()) return coder.status();
  return std::unique_ptr<Engine>(
      std::make_unique<PipelineEngine>(*dir, options, std::move(dict).value(), std::move(coder).value()));
}

}  // namespace dyad
