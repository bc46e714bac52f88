// `dyad ontology`: lists the CAMEO codes of the shipped ontology, optionally one root.
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "command.h"
#include "ontology/ontology.h"

namespace dyad::cli {
namespace {

std::string DefaultOntologyPath() {
  if (const char* env = std::getenv("DYAD_DATA")) return std::string(env) + "/ontology/cameo.tsv";
  return ontology::SourceTreeOntologyPath();
}

std::function<int()> Setup(CLI::App* sub) {
  struct Opts {
    std::string file;
    std::string root;
    bool plover = true;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--file", o->file, "ontology file (default: $DYAD_DATA/ontology/cameo.tsv or the source tree's)");
  sub->add_option("--root", o->root, "only codes under this two-digit root, e.g. 14");
  return [o]() -> int {
    std::string path = o->file.empty() ? DefaultOntologyPath() : o->file;
    auto onto = ontology::Ontology::Load(path);
    if (!onto.ok()) return Fail("ontology", onto.status());
    if (!o->root.empty() && !onto->Find(o->root)) return Fail("ontology", Status::InvalidArgument("unknown root '" + o->root + "'"));
    std::cout << "code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\n";
    for (const auto& c : onto->codes()) {
      if (!o->root.empty() && c.root != o->root) continue;
      std::cout << c.code << '\t' << c.name << '\t' << c.goldstein << '\t' << ontology::QuadClassNumber(c.quad_class)
                << '\t' << c.plover_type << '\t' << c.plover_mode << '\n';
    }
    std::cerr << onto->version() << "\n";
    return kExitOk;
  };
}

}  // namespace

DYAD_COMMAND("ontology", "list the CAMEO event codes with Goldstein, QuadClass and PLOVER", Setup);

}  // namespace dyad::cli
