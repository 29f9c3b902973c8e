// `precis`: the native command-line tool. Parses arguments, reads input, runs the pipeline (with
// the ONNX model through NativeModel when one is available) and prints text or JSON.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <cstdlib>
#include <memory>
#include <string>

#include "arguments.h"
#include "json_fields.h"
#include "native_model.h"
#include "options_json.h"
#include "pipeline.h"

namespace precis::cli {
namespace {

constexpr const char* kDefaultModel = "precis-base";

bool is_model_dir(const std::string& dir) {
  std::string ignored;
  return read_file(dir + "/manifest.json", ignored);
}

// The default model: $PRECIS_MODEL, else models/precis-base of the source tree this binary was
// built in (build/native/precis -> ../../models), else none.
std::string default_model_dir() {
  if (const char* env = std::getenv("PRECIS_MODEL")) return env;
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "";
  std::string exe(path, static_cast<size_t>(n));
  std::string dir = exe.substr(0, exe.rfind('/'));
  for (const std::string& candidate : {dir + "/../../models/" + kDefaultModel, dir + "/../share/precis/models/" + kDefaultModel})
    if (is_model_dir(candidate)) return candidate;
  return "";
}

// Opens the chosen model (its manifest: the rest loads when a text needs it, see NativeModel); on
// failure warns and returns null so that summaries stay lexical.
std::unique_ptr<NativeModel> open_model(const Arguments& args, std::string& warning) {
  std::string dir = args.model ? *args.model : default_model_dir();
  if (dir.empty() || dir == "none") return nullptr;
  auto model = std::make_unique<NativeModel>();
  if (std::string error = model->open(dir, args.threads); !error.empty()) {
    warning = "model not used, lexical scoring instead: " + error;
    std::cerr << "precis: warning: " << warning << "\n";
    return nullptr;
  }
  return model;
}

// The weights of --scorer FILE, or null when none was given. Exits with a usage error when the
// file cannot be read or is not valid for the model in use.
std::shared_ptr<const ScorerWeights> open_scorer(const Arguments& args, const NativeModel* model) {
  if (args.scorer.empty()) return nullptr;
  std::string json, error;
  auto weights = std::make_shared<ScorerWeights>();
  const size_t dim = model ? size_t(model->described()->manifest().dimension) : 0;
  if (!read_file(args.scorer, json)) error = "cannot read " + args.scorer;
  else if (!parse_scorer_weights(json, dim, *weights, error)) error = args.scorer + ": " + error;
  if (!error.empty()) {
    std::cerr << "precis: " << error << "\n";
    std::exit(2);
  }
  return weights;
}

// Phase 1 (loading the model if the text's language needs it), the encoder, phase 2.
Job make_job(std::string_view text, const Options& options, NativeModel* model) {
  if (!model) return Job(text, options, nullptr);
  return Job(text, options, [model](const std::string& lang) { return model->for_language(lang); });
}

// The warning for a model that could not be opened or loaded; "" when there is none. Also said
// once on stderr, as soon as it is known.
std::string model_warning(const std::string& open_warning, const NativeModel* model) {
  if (!open_warning.empty() || !model || model->error().empty()) return open_warning;
  static bool said = false;
  const std::string warning = "model not used, lexical scoring instead: " + model->error();
  if (!said) std::cerr << "precis: warning: " << warning << "\n";
  said = true;
  return warning;
}

Result run_job(std::string_view text, const Options& options, NativeModel* model, const std::string& open_warning,
               const std::shared_ptr<const ScorerWeights>& scorer) {
  Job job = make_job(text, options, model);
  job.use_weights(scorer);
  std::string embed_error = model && job.error().empty() ? model->embed(job) : "";
  Result result = job.finish();
  const std::string warning = model_warning(open_warning, model);
  if (!warning.empty()) result.warnings.push_back(warning);
  if (!embed_error.empty()) result.warnings.push_back("model failed, lexical scoring instead: " + embed_error);
  return result;
}

Json sentences_json(const std::vector<SentenceResult>& sentences, bool with_scores) {
  Json out = Json::array();
  for (const auto& s : sentences) {
    Json item = {{"index", s.index}, {"text", s.text}, {"bytes", {s.bytes.begin, s.bytes.end}},
                 {"utf16", {s.utf16.begin, s.utf16.end}}};
    if (with_scores) item["score"] = s.score;
    out.push_back(item);
  }
  return out;
}

// One JSON-lines record -> one output line. Errors stay inside the record.
Json process_line(const Arguments& args, const std::string& line, NativeModel* model, const std::string& warning,
                  const std::shared_ptr<const ScorerWeights>& scorer) {
  std::string error;
  std::optional<Json> record = parse_json_object(line, error);
  if (!record) return {{"id", nullptr}, {"error", "line is " + error}};
  Json id = record->contains("id") ? record->at("id") : Json();
  const auto fail = [&](const std::string& message) { return Json{{"id", id}, {"error", message}}; };

  std::string text;
  if (!read_string(*record, "text", text, error, true)) return fail(error);
  Options options = args.options;
  if (std::string e = apply_options(*record, options); !e.empty()) return fail(e);

  if (args.command == "split") {
    Result r = split(text, options);
    if (!r.error.empty()) return fail(r.error);
    return {{"id", id}, {"lang", r.lang}, {"sentences", sentences_json(r.sentences, false)}};
  }
  if (args.command == "features" || args.command == "embed") {
    Job job = make_job(text, options, model);
    if (!job.error().empty()) return fail(job.error());
    if (model) {
      if (std::string e = model->embed(job); !e.empty()) return fail(e);
    } else if (args.command == "embed") {
      return fail("embed needs a model (--model DIR)");
    }
    const Document& doc = job.document();
    Json sentences = Json::array();
    for (Span s : doc.sentences) sentences.push_back(doc.clean.text.substr(s.begin, s.size()));
    if (args.command == "embed") {
      const Embeddings& e = job.embeddings();
      Json rows = Json::array();
      for (size_t i = 0; i < e.count(); ++i) rows.push_back(std::vector<float>(e.row(i), e.row(i) + e.dim));
      return {{"id", id}, {"sentences", sentences}, {"embeddings", rows}};
    }
    FeatureTable table = job.features();
    return {{"id", id}, {"lang", doc.lang}, {"names", table.names}, {"rows", table.rows}, {"sentences", sentences}};
  }
  Result r = run_job(text, options, model, warning, scorer);
  if (!r.error.empty()) return fail(r.error);
  Json summary = Json::array(), indices = Json::array();
  for (const auto& s : r.summary) {
    summary.push_back(s.text);
    indices.push_back(s.index);
  }
  return {{"id", id}, {"summary", summary}, {"indices", indices}, {"lang", r.lang},
          {"dangling_openers", r.stats.dangling_openers}};
}

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  return read_file(path, out);
}

int run(const Arguments& args) {
  std::string warning;
  const bool wants_model = args.command != "split";
  std::unique_ptr<NativeModel> model = wants_model ? open_model(args, warning) : nullptr;
  const std::shared_ptr<const ScorerWeights> scorer = open_scorer(args, model.get());

  if (args.jsonl) {
    std::unique_ptr<std::istream> file;
    std::istream* in = &std::cin;
    if (args.input != "-") {
      file = std::make_unique<std::ifstream>(args.input, std::ios::binary);
      if (!*file) { std::cerr << "precis: cannot read " << args.input << "\n"; return 1; }
      in = file.get();
    }
    std::string line;
    while (std::getline(*in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      std::cout << dump_json(process_line(args, line, model.get(), warning, scorer)) << "\n";
    }
    return 0;
  }

  std::string text;
  if (!read_input(args.input, text)) { std::cerr << "precis: cannot read " << args.input << "\n"; return 1; }
  if (args.command == "split") {
    Result r = split(text, args.options);
    if (!r.error.empty()) { std::cerr << "precis: " << r.error << "\n"; return 1; }
    for (const Json& s : sentences_json(r.sentences, false)) std::cout << dump_json(s) << "\n";
    return 0;
  }
  Result r = run_job(text, args.options, model.get(), warning, scorer);
  if (!r.error.empty()) { std::cerr << "precis: " << r.error << "\n"; return 1; }
  if (args.format == "json") {
    std::cout << result_to_json(r) << "\n";
  } else {
    for (const std::string& w : r.warnings) if (w.rfind("model not used", 0) != 0) std::cerr << "precis: warning: " << w << "\n";
    for (const auto& s : r.summary) std::cout << s.text << "\n";
  }
  return 0;
}

}  // namespace
}  // namespace precis::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  precis::cli::Arguments args;
  std::string error;
  if (!precis::cli::parse_arguments(argc, argv, args, error)) {
    std::cerr << "precis: " << error << "\nTry 'precis --help'.\n";
    return 2;
  }
  if (args.command == "help") { std::cout << precis::cli::kUsage; return 0; }
  if (args.command == "version") { std::cout << "precis 0.1.0\n"; return 0; }
  return precis::cli::run(args);
}
