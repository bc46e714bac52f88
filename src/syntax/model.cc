#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/hash.h"
#include "syntax/model_data.h"
#include "syntax/syntax.h"
#include "syntax/tagger.h"

namespace dyad::syntax {

std::string DefaultModelPath() {
  constexpr const char* kFile = "/syntax/en_ewt.dyadsyn";
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env != '\0') return std::string(env) + kFile;
  std::string source = std::string(DYAD_SOURCE_DATA_DIR) + kFile;
  if (std::ifstream(source).good()) return source;
  return std::string(DYAD_INSTALL_DATA_DIR) + kFile;
}

std::unique_ptr<ScratchPool::Scratch> ScratchPool::Take() const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!free_.empty()) {
      std::unique_ptr<Scratch> s = std::move(free_.back());
      free_.pop_back();
      return s;
    }
  }
  return std::make_unique<Scratch>();
}

void ScratchPool::Give(std::unique_ptr<Scratch> s) const {
  std::lock_guard<std::mutex> lock(mutex_);
  free_.push_back(std::move(s));
}

void ModelData::Tag(const std::vector<TokenAtoms>& atoms, bool headline, ScratchPool::Scratch& scratch,
                    std::vector<int>& classes, const std::vector<bool>& names) const {
  std::vector<int> first;
  TagPass(CachedWeights(tagger1, scratch.tagger1), atoms, headline, nullptr, first);
  if (names.size() != atoms.size()) {
    TagPass(CachedWeights(tagger2, scratch.tagger2), atoms, headline, &first, classes);
    return;
  }
  int propn = -1;
  for (size_t c = 0; c < tag_classes.size() && propn < 0; ++c)
    if (upos_names[tag_classes[c].first] == "PROPN" && xpos_names[tag_classes[c].second] == "NNP")
      propn = static_cast<int>(c);
  auto fix = [&](std::vector<int>& tags) {
    for (size_t i = 0; i < tags.size() && propn >= 0; ++i) {
      if (!names[i]) continue;
      const std::string& u = upos_names[tag_classes[tags[i]].first];
      if (u == "VERB" || u == "AUX") tags[i] = propn;
    }
  };
  fix(first);
  TagPass(CachedWeights(tagger2, scratch.tagger2), atoms, headline, &first, classes);
  fix(classes);
}

void ModelData::Tag(const std::vector<TokenAtoms>& atoms, bool headline, std::vector<int>& classes) const {
  std::unique_ptr<ScratchPool::Scratch> s = scratch.Take();
  Tag(atoms, headline, *s, classes);
  scratch.Give(std::move(s));
}

uint64_t ModelData::LemmaHash(std::string_view lemma) {
  // Most lemmas are lowercase already; only the others need a lowered copy.
  const bool lower = std::none_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return lower ? Hash64(lemma, 4) : Hash64(LowerAscii(lemma), 4);
}

std::vector<ParserToken> ModelData::ParserTokens(const std::vector<TokenAtoms>& atoms, const std::vector<int>& classes,
                                                 const std::vector<std::string>& lemmas) const {
  std::vector<ParserToken> toks(atoms.size());
  for (size_t i = 0; i < atoms.size(); ++i) {
    const uint64_t m = LemmaHash(lemmas[i]);
    toks[i].lemma = std::binary_search(lemma_vocab.begin(), lemma_vocab.end(), m) ? m : kUnknownWord;
    const bool known = std::binary_search(parser_vocab.begin(), parser_vocab.end(), atoms[i].lower);
    toks[i].word = known ? atoms[i].lower : kUnknownWord;
    toks[i].tag = static_cast<uint32_t>(classes[i]) + 1u;
    toks[i].utag = tag_classes[classes[i]].first + 1u;
  }
  CountPunctuation(toks, static_cast<uint32_t>(punct_upos + 1));
  return toks;
}

Model::Model(std::unique_ptr<ModelData> data) : data_(std::move(data)) {}
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;
Model::~Model() = default;

Analysis Model::Analyze(const std::vector<std::string_view>& forms, const AnalyzeOptions& options) const {
  const ModelData& d = *data_;
  Analysis a;
  const size_t n = forms.size();
  if (n == 0) return a;
  bool headline = false;
  std::vector<TokenAtoms> atoms = ComputeAtoms(forms, &headline);
  // Handed back to the pool however this call ends.
  std::unique_ptr<ScratchPool::Scratch> scratch = d.scratch.Take();
  struct GiveBack {
    const ScratchPool& pool;
    std::unique_ptr<ScratchPool::Scratch>& s;
    ~GiveBack() { pool.Give(std::move(s)); }
  } give_back{d.scratch, scratch};
  std::vector<int> classes;
  d.Tag(atoms, headline, *scratch, classes, options.names);
  a.upos.resize(n);
  a.xpos.resize(n);
  a.lemma.resize(n);
  for (size_t i = 0; i < n; ++i) {
    a.upos[i] = d.upos_names[d.tag_classes[classes[i]].first];
    a.xpos[i] = d.xpos_names[d.tag_classes[classes[i]].second];
    a.lemma[i] = d.lemmatizer.Lemmatize(forms[i], a.xpos[i]);
  }
  if (!options.parse) return a;
  std::vector<int> heads, labels;
  ParseGreedy(CachedWeights(d.parser, scratch->parser), d.ParserTokens(atoms, classes, a.lemma), static_cast<int>(d.label_names.size()), d.root_label, heads,
              labels);
  a.head = std::move(heads);
  a.deprel.resize(n);
  for (size_t i = 0; i < n; ++i) a.deprel[i] = d.label_names[labels[i]];
  return a;
}

std::string Model::ToBytes() const {
  const ModelData& d = *data_;
  ByteWriter w;
  w.PutStrings(d.upos_names);
  w.PutStrings(d.xpos_names);
  w.PutStrings(d.label_names);
  w.Put<uint32_t>(static_cast<uint32_t>(d.tag_classes.size()));
  for (auto [u, x] : d.tag_classes) {
    w.Put<uint16_t>(u);
    w.Put<uint16_t>(x);
  }
  w.Put<uint32_t>(static_cast<uint32_t>(d.root_label));
  w.PutArray(d.parser_vocab);
  w.PutArray(d.lemma_vocab);
  d.lemmatizer.Save(w);
  d.tagger1.Save(w);
  d.tagger2.Save(w);
  d.parser.Save(w);
  const std::string& payload = w.bytes();
  std::string out(kModelMagic, sizeof(kModelMagic));
  ByteWriter head;
  head.Put<uint32_t>(kModelVersion);
  head.Put<uint64_t>(payload.size());
  out += head.bytes();
  out += payload;
  ByteWriter tail;
  tail.Put<uint64_t>(Hash64(payload, 0x5e5));
  out += tail.bytes();
  return out;
}

Status Model::Save(const std::string& path) const {
  std::string bytes = ToBytes();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write " + path);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IOError("write failed: " + path);
  return Status::Ok();
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open model " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError("read failed: " + path);
  return FromBytes(ss.str(), path);
}

Result<Model> Model::FromBytes(std::string_view bytes, const std::string& name) {
  auto bad = [&](const std::string& what) { return Status::Corruption(name + ": " + what); };
  if (bytes.size() < sizeof(kModelMagic) || std::memcmp(bytes.data(), kModelMagic, sizeof(kModelMagic)) != 0) {
    return bad("not a dyad syntax model (bad magic number)");
  }
  ByteReader head(bytes.substr(sizeof(kModelMagic)));
  uint32_t version = 0;
  uint64_t size = 0;
  if (!head.Get(&version)) return bad("truncated header");
  // Version 4 differs only in the weight encoding.
  if (version != kModelVersion && version != 4) {
    return bad("model version " + std::to_string(version) + ", this build reads version " +
               std::to_string(kModelVersion));
  }
  if (!head.Get(&size)) return bad("truncated header");
  const size_t header = sizeof(kModelMagic) + 12;
  if (bytes.size() < header || bytes.size() - header < 8 || bytes.size() - header - 8 != size) {
    return bad("truncated or padded file (payload size mismatch)");
  }
  std::string_view payload = bytes.substr(header, size);
  uint64_t checksum = 0;
  std::memcpy(&checksum, bytes.data() + header + size, 8);
  if (checksum != Hash64(payload, 0x5e5)) return bad("checksum mismatch");

  auto d = std::make_unique<ModelData>();
  ByteReader r(payload);
  if (!r.GetStrings(&d->upos_names, 1000) || !r.GetStrings(&d->xpos_names, 1000) ||
      !r.GetStrings(&d->label_names, 1000)) {
    return bad("bad tag or label table");
  }
  uint32_t nclasses = 0;
  if (!r.Get(&nclasses) || nclasses == 0 || nclasses > 512) return bad("bad tag class table");
  d->tag_classes.resize(nclasses);
  for (auto& [u, x] : d->tag_classes) {
    if (!r.Get(&u) || !r.Get(&x) || u >= d->upos_names.size() || x >= d->xpos_names.size()) {
      return bad("bad tag class table");
    }
  }
  uint32_t root = 0;
  if (!r.Get(&root) || root >= d->label_names.size() || d->label_names.size() < 2) return bad("bad root label");
  d->root_label = static_cast<int>(root);
  if (!r.GetArray(&d->parser_vocab, 1u << 26) ||
      !std::is_sorted(d->parser_vocab.begin(), d->parser_vocab.end()) || !r.GetArray(&d->lemma_vocab, 1u << 26) ||
      !std::is_sorted(d->lemma_vocab.begin(), d->lemma_vocab.end())) {
    return bad("bad parser vocabulary");
  }
  d->punct_upos = -1;
  for (size_t i = 0; i < d->upos_names.size(); ++i) {
    if (d->upos_names[i] == "PUNCT") d->punct_upos = static_cast<int>(i);
  }
  if (!d->lemmatizer.Load(r)) return bad("bad lemmatizer tables");
  const bool compact = version >= 5;
  if (!d->tagger1.Load(r, compact) || !d->tagger2.Load(r, compact)) return bad("bad tagger weights");
  if (!d->parser.Load(r, compact)) return bad("bad parser weights");
  if (!r.done()) return bad("trailing bytes in payload");
  if (d->tagger1.num_classes() != static_cast<int>(nclasses) || d->tagger2.num_classes() != static_cast<int>(nclasses)) {
    return bad("tagger classes do not match the tag table");
  }
  if (d->parser.num_classes() != 1 + 2 * static_cast<int>(d->label_names.size())) {
    return bad("parser transitions do not match the label table");
  }
  return Model(std::move(d));
}

Model Model::Pruned(float tagger_threshold, float parser_threshold) const {
  auto d = std::make_unique<ModelData>(*data_);
  d->tagger1 = data_->tagger1.Pruned(tagger_threshold);
  d->tagger2 = data_->tagger2.Pruned(tagger_threshold);
  d->parser = data_->parser.Pruned(parser_threshold);
  return Model(std::move(d));
}

std::string Model::Describe() const {
  const ModelData& d = *data_;
  std::ostringstream s;
  s << d.tag_classes.size() << " tag classes, " << d.label_names.size() << " relations; tagger "
    << d.tagger1.num_features() << "+" << d.tagger2.num_features() << " features, parser " << d.parser.num_features()
    << " features (" << d.parser.num_entries() << " weights); lemmatizer " << d.lemmatizer.size() << " entries";
  return s.str();
}

}  // namespace dyad::syntax
