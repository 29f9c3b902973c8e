// Command-line arguments of `precis`, parsed into one struct. Defaults live in precis::Options.
#pragma once
#include <optional>
#include <string>

#include "options.h"

namespace precis::cli {

struct Arguments {
  std::string command;            // summarize | split | features | embed | help | version
  std::string input = "-";        // file path, or "-" for standard input
  bool jsonl = false;             // one JSON object per input line
  std::string format = "text";    // text | json (single-document mode)
  std::optional<std::string> model;   // folder, "none", or unset (= the default model if present)
  std::string scorer;             // a scorer.json to use instead of the model's or the built-in weights
  int threads = 1;                // ONNX Runtime intra-op threads
  Options options;
};

// Parses argv. On a usage error returns false with the message in `error`.
bool parse_arguments(int argc, char** argv, Arguments& out, std::string& error);

extern const char* const kUsage;

}  // namespace precis::cli
