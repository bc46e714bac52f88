// dyad: news in, political event data out. See `dyad --help`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include "command.h"

namespace dyad::cli {
namespace {
std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}
}  // namespace

bool RegisterCommand(Command c) {
  Registry().push_back(std::move(c));
  return true;
}

int Fail(const std::string& command, const Status& status) {
  std::cerr << "dyad " << command << ": " << status.ToString() << "\n";
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kDataError: return kExitRejected;
    case StatusCode::kNotFound:
    case StatusCode::kIOError: return kExitIO;
    case StatusCode::kCorruption:
    case StatusCode::kUnsupported: return kExitCorrupt;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace dyad::cli

int main(int argc, char** argv) {
  using namespace dyad::cli;
  CLI::App app{"dyad: turns news articles into coded political events (CAMEO, PLOVER)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  auto& commands = Registry();
  std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  // Nested commands first in `runs`, so that the most specific parsed one runs.
  std::vector<std::pair<CLI::App*, std::function<int()>>> runs, nested;
  for (auto& c : commands) {
    if (!c.parent.empty()) continue;
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    runs.emplace_back(sub, c.setup(sub));
  }
  for (auto& c : commands) {
    if (c.parent.empty()) continue;
    auto parent = std::find_if(runs.begin(), runs.end(), [&](const auto& r) { return r.first->get_name() == c.parent; });
    if (parent == runs.end()) {
      std::cerr << "dyad: internal error: no command '" << c.parent << "' for '" << c.name << "'\n";
      return kExitInternal;
    }
    CLI::App* sub = parent->first->add_subcommand(c.name, c.help);
    nested.emplace_back(sub, c.setup(sub));
  }
  runs.insert(runs.begin(), nested.begin(), nested.end());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (auto& [sub, run] : runs) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::cerr << "dyad " << sub->get_name() << ": internal error: " << e.what() << "\n";
        return kExitInternal;
      }
    }
  }
  return kExitUsage;
}
