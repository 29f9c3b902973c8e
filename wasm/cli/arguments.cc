#include "arguments.h"

#include <cstdlib>
#include <cstring>
#include <vector>

namespace precis::cli {

const char* const kUsage = R"(precis: extractive summaries of articles, offline.

Usage:
  precis summarize [FILE|-] [options]   key sentences of one article (standard input by default)
  precis summarize --jsonl [FILE|-]     one article per line: {"id", "text", "title"?, "lang"?,
                                        "sentences"?|"ratio"?|"words"?} -> {"id", "summary",
                                        "indices", "lang", "dangling_openers"}
                                        or {"id", "error"}
  precis split [FILE|-] [--jsonl]       sentences with byte and UTF-16 offsets, as JSON lines
                                        (--jsonl: {"id", "text"} -> {"id", "sentences": [...]})
  precis features --jsonl [FILE|-]      per-sentence features (for fitting scorer weights)
  precis embed --jsonl [FILE|-]         sentence embeddings of each line's text (needs a model)
  precis --help | --version

Length (default: 3 sentences; a line's own key overrides the flag):
  --sentences N        exactly N sentences (fewer if the text has fewer)
  --ratio R            this fraction of the sentences, 0 < R <= 1
  --words W            as many sentences as fit in W words (at least one)
Options:
  --lang CODE|auto     language of the text (default: auto-detect)
  --title TEXT         the article's headline, a strong hint of what matters
  --format text|json   text: one sentence per line; json: the full result with offsets and scores
  --all-sentences      (json) also list every sentence with its score
  --redundancy X       0..1, how strongly to avoid repeating sentences (default: fitted)
  --model DIR|none     sentence-embedding model folder (default: models/precis-base when present)
  --scorer FILE        score with this scorer.json instead (for fitting: scripts/fit-scorer)
  --threads N          ONNX Runtime threads (default 1)
  --batch N            sentences per encoder call (default 32)
  --max-bytes N        refuse larger inputs (default 16 MiB)

The model's files and ONNX Runtime are loaded only for text in a language the model serves.
Environment: PRECIS_MODEL (default model folder), PRECIS_ONNXRUNTIME (libonnxruntime.so.1 to use).

Exit status: 0 success, 1 the input could not be summarized or read, 2 usage error.
)";

namespace {

bool parse_number(const char* text, double& out) {
  char* end = nullptr;
  out = std::strtod(text, &end);
  return end && *end == '\0' && end != text;
}

bool parse_count(const char* text, int& out) {
  double value = 0;
  if (!parse_number(text, value) || value < 0 || value != static_cast<int>(value) || value > 1e9) return false;
  out = static_cast<int>(value);
  return true;
}

}  // namespace

bool parse_arguments(int argc, char** argv, Arguments& out, std::string& error) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) { error = "a command is needed"; return false; }
  size_t i = 0;
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") { out.command = "help"; return true; }
  if (first == "--version") { out.command = "version"; return true; }
  if (first != "summarize" && first != "split" && first != "features" && first != "embed") {
    error = "unknown command \"" + first + "\"";
    return false;
  }
  out.command = first;
  bool input_seen = false;
  const auto value = [&](const std::string& flag) -> const char* {
    if (i + 1 >= args.size()) { error = flag + " needs a value"; return nullptr; }
    return args[++i].c_str();
  };
  for (i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const char* v = nullptr;
    double number = 0;
    if (a == "--help" || a == "-h") { out.command = "help"; return true; }
    else if (a == "--jsonl") out.jsonl = true;
    else if (a == "--all-sentences") out.options.all_sentences = true;
    else if (a == "--sentences" || a == "-n") {
      if (!(v = value(a))) return false;
      out.options.length = Length{};
      if (!parse_count(v, out.options.length.sentences)) { error = "--sentences takes a whole number"; return false; }
    } else if (a == "--ratio") {
      if (!(v = value(a))) return false;
      out.options.length = Length{};
      if (!parse_number(v, number) || !(number > 0 && number <= 1)) { error = "--ratio takes a number in (0, 1]"; return false; }
      out.options.length.ratio = number;
    } else if (a == "--words") {
      if (!(v = value(a))) return false;
      out.options.length = Length{};
      if (!parse_count(v, out.options.length.words) || out.options.length.words == 0) { error = "--words takes a positive whole number"; return false; }
    } else if (a == "--lang") {
      if (!(v = value(a))) return false;
      out.options.lang = v;
    } else if (a == "--title") {
      if (!(v = value(a))) return false;
      out.options.title = v;
    } else if (a == "--format") {
      if (!(v = value(a))) return false;
      out.format = v;
      if (out.format != "text" && out.format != "json") { error = "--format is text or json"; return false; }
    } else if (a == "--redundancy") {
      if (!(v = value(a))) return false;
      if (!parse_number(v, number) || number < 0 || number > 1) { error = "--redundancy takes a number in [0, 1]"; return false; }
      out.options.redundancy = number;
    } else if (a == "--model") {
      if (!(v = value(a))) return false;
      out.model = v;
    } else if (a == "--scorer") {
      if (!(v = value(a))) return false;
      out.scorer = v;
    } else if (a == "--threads") {
      if (!(v = value(a))) return false;
      if (!parse_count(v, out.threads)) { error = "--threads takes a whole number"; return false; }
    } else if (a == "--batch") {
      if (!(v = value(a))) return false;
      if (!parse_count(v, out.options.batch_rows) || out.options.batch_rows < 1) { error = "--batch takes a positive whole number"; return false; }
    } else if (a == "--max-bytes") {
      if (!(v = value(a))) return false;
      int bytes = 0;
      if (!parse_count(v, bytes)) { error = "--max-bytes takes a whole number"; return false; }
      out.options.max_input_bytes = static_cast<size_t>(bytes);
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      error = "unknown option " + a;
      return false;
    } else {
      if (input_seen) { error = "only one input file may be given"; return false; }
      out.input = a;
      input_seen = true;
    }
  }
  if ((out.command == "features" || out.command == "embed") && !out.jsonl) {
    error = out.command + " works on JSON lines: add --jsonl";
    return false;
  }
  return true;
}

}  // namespace precis::cli
