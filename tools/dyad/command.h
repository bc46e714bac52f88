// The CLI is a set of subcommands, one file each. A file registers its
// subcommand with a static DYAD_COMMAND(...) so that adding a command touches
// no other file.
//
// Exit codes (documented in docs/cli.md):
//   0 success; 1 usage error; 2 some input was rejected (the rest was processed);
//   3 a file or database could not be read or written; 4 data or model damaged
//   or of another version; 5 internal error.
#ifndef DYAD_TOOLS_COMMAND_H_
#define DYAD_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "dyad/status.h"

namespace dyad::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,
  kExitRejected = 2,
  kExitIO = 3,
  kExitCorrupt = 4,
  kExitInternal = 5,
};

// Maps a library Status to an exit code and prints "dyad <cmd>: <message>" on stderr.
int Fail(const std::string& command, const Status& status);

// A subcommand: `setup` adds the subcommand's options to `app` and returns the
// function to run once they are parsed.
struct Command {
  std::string name;
  std::string help;
  std::function<std::function<int()>(CLI::App* sub)> setup;
  std::string parent;  // for a nested subcommand ("coder" for `dyad coder eval`); empty at top level
};

bool RegisterCommand(Command c);

}  // namespace dyad::cli

#define DYAD_COMMAND_CONCAT2(a, b) a##b
#define DYAD_COMMAND_CONCAT(a, b) DYAD_COMMAND_CONCAT2(a, b)
#define DYAD_COMMAND(name, help, setup_fn) \
  static const bool DYAD_COMMAND_CONCAT(kRegistered_, __LINE__) = ::dyad::cli::RegisterCommand({name, help, setup_fn, ""})
// A subcommand of another file's subcommand: `dyad <parent> <name>`. It runs
// instead of the parent's function when it is the one given.
#define DYAD_NESTED_COMMAND(parent, name, help, setup_fn) \
  static const bool DYAD_COMMAND_CONCAT(kRegistered_, __LINE__) =  \
      ::dyad::cli::RegisterCommand({name, help, setup_fn, parent})

#endif  // DYAD_TOOLS_COMMAND_H_
