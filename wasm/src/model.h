// A sentence-embedding model package (models/<name>/manifest.json, see models/README.md): the
// validated manifest, the SentencePiece tokenizer and the scorer weights fitted for it. The ONNX
// encoder itself is run by the host (ONNX Runtime natively, onnxruntime-web in JS); the core only
// needs its input/output names and shapes.
//
//   Model model;
//   std::string error = model.load(manifest_json, tokenizer_bytes, scorer_json);
//   if (!error.empty()) ... fall back to lexical scoring and show `error`.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scorer.h"

namespace sentencepiece { class SentencePieceProcessor; }

namespace precis {

enum class Pooling { kNone, kMean, kCls };   // output already pooled / masked mean / first token

struct ManifestFile {
  std::string file;     // name inside the model folder
  std::string sha256;   // lowercase hex
};

struct Manifest {
  std::string name, version, license, description;
  std::vector<std::string> languages;
  ManifestFile tokenizer, encoder;
  std::optional<ManifestFile> scorer;
  // How SentencePiece ids become model ids (XLM-R style models shift ids and add <s> </s>).
  int id_offset = 0;
  std::optional<int> unk_id, bos_id, eos_id;
  int pad_id = 0;
  bool lowercase = false;
  // The encoder's interface.
  std::string input_ids_name = "input_ids", attention_mask_name = "attention_mask";
  std::optional<std::string> token_type_ids_name;
  std::string output_name;
  Pooling pooling = Pooling::kNone;
  bool normalize = true;
  int max_tokens = 128;
  int dimension = 0;
  std::string prefix;   // prepended to every sentence (e5 models want "passage: ")
};

// Parses and checks a manifest; on failure returns nullopt and names the bad field in `error`.
std::optional<Manifest> parse_manifest(std::string_view json, std::string& error);

// The manifest as JSON (what the JS host reads to feed the encoder).
std::string manifest_to_json(const Manifest& manifest);

class Model {
 public:
  Model();
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;

  // Loads a model from its parts. Checks the tokenizer's and scorer's sha256 against the manifest.
  // Returns "" on success, else a message naming the file or field at fault.
  std::string load(std::string_view manifest_json, std::string_view tokenizer_bytes,
                   std::string_view scorer_json);

  // Parses the manifest alone: enough for serves(), manifest() and the "does not cover this
  // language" warning, without reading the tokenizer, the scorer or the encoder. A host that
  // loads its model lazily hands this to a Job for text in a language the model does not serve.
  // Returns "" or what is wrong with the manifest.
  std::string describe(std::string_view manifest_json);

  // Whether load() succeeded (the tokenizer is there), as opposed to describe() alone.
  bool loaded() const { return tokenizer_ != nullptr; }

  const Manifest& manifest() const { return manifest_; }
  const ScorerWeights& weights() const { return weights_; }

  // Whether the model scores text in `lang`: the manifest's `languages`, or every language when
  // that list is empty. Elsewhere the pipeline does not run the encoder and scores lexically
  // (a model fitted on some languages can do worse than lexical scoring on others).
  bool serves(std::string_view lang) const;

  // Model token ids for one sentence (prefix, lowercasing, id mapping, bos/eos), at most
  // manifest().max_tokens; `truncated` says whether the sentence was cut.
  std::vector<int> token_ids(std::string_view sentence, bool& truncated) const;

 private:
  Manifest manifest_;
  ScorerWeights weights_;
  std::unique_ptr<sentencepiece::SentencePieceProcessor> tokenizer_;
};

// Checks a file's bytes against the manifest's digest: "" when they match, else a message.
std::string verify_file(const ManifestFile& entry, std::string_view bytes);

}  // namespace precis
