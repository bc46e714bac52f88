// Runs the built dyad CLI in end-to-end tests and captures what it printed.
#ifndef DYAD_TESTS_SUPPORT_RUN_CLI_H_
#define DYAD_TESTS_SUPPORT_RUN_CLI_H_

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dyad::testing {

struct RunResult {
  int code = -1;  // exit status, -1 if killed by a signal
  std::string out;
  std::string err;
};

// Runs `dyad ARGS` (ARGS is shell-quoted by the caller), with standard output
// and error captured through files in `dir`, and standard input from
// `stdin_file` when given.
inline RunResult RunDyad(const std::string& args, const std::filesystem::path& dir, const std::string& stdin_file = "") {
  const std::filesystem::path out = dir / "stdout.txt", err = dir / "stderr.txt";
  std::string cmd = std::string(DYAD_CLI) + " " + args + " >" + out.string() + " 2>" + err.string();
  if (!stdin_file.empty()) cmd += " <" + stdin_file;
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream o(out), e(err);
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

}  // namespace dyad::testing

#endif  // DYAD_TESTS_SUPPORT_RUN_CLI_H_
