#include "model.h"

#include <algorithm>

#include <sentencepiece_processor.h>

#include "json_fields.h"
#include "sha256.h"
#include "utf8.h"

namespace precis {
namespace {

bool read_file_entry(const Json& parent, const char* key, ManifestFile& out, std::string& error) {
  const auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) {
    error = std::string("\"") + key + "\" must be an object with \"file\" and \"sha256\"";
    return false;
  }
  if (!read_string(*it, "file", out.file, error, true) ||
      !read_string(*it, "sha256", out.sha256, error, true)) {
    error = std::string(key) + ": " + error;
    return false;
  }
  if (out.file.empty() || out.file.find('/') != std::string::npos || out.file.find("..") != std::string::npos) {
    error = std::string(key) + ": \"file\" must be a plain file name inside the model folder";
    return false;
  }
  if (out.sha256.size() != 64 || out.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
    error = std::string(key) + ": \"sha256\" must be 64 lowercase hex digits";
    return false;
  }
  return true;
}

bool read_pooling(const Json& encoder, Pooling& out, std::string& error) {
  std::string pooling = "none";
  if (!read_string(encoder, "pooling", pooling, error)) return false;
  if (pooling == "none") out = Pooling::kNone;
  else if (pooling == "mean") out = Pooling::kMean;
  else if (pooling == "cls") out = Pooling::kCls;
  else { error = "encoder.pooling must be \"none\", \"mean\" or \"cls\""; return false; }
  return true;
}

const char* pooling_name(Pooling pooling) {
  switch (pooling) {
    case Pooling::kMean: return "mean";
    case Pooling::kCls: return "cls";
    default: return "none";
  }
}

}  // namespace

std::optional<Manifest> parse_manifest(std::string_view text, std::string& error) {
  std::optional<Json> json = parse_json_object(text, error);
  if (!json) { error = "manifest.json: " + error; return std::nullopt; }
  Manifest m;
  const auto fail = [&](const std::string& what) {
    error = "manifest.json: " + what;
    return std::nullopt;
  };
  if (!read_string(*json, "name", m.name, error, true) || !read_string(*json, "version", m.version, error) ||
      !read_string(*json, "license", m.license, error) || !read_string(*json, "description", m.description, error))
    return fail(error);
  if (!read_string_list(*json, "languages", m.languages, error)) return fail("\"languages\" must be a list of codes");
  if (!read_file_entry(*json, "tokenizer", m.tokenizer, error) ||
      !read_file_entry(*json, "encoder", m.encoder, error))
    return fail(error);
  if (auto scorer = json->find("scorer"); scorer != json->end() && !scorer->is_null()) {
    ManifestFile entry;
    if (!read_file_entry(*json, "scorer", entry, error)) return fail(error);
    m.scorer = entry;
  }

  const Json& tok = json->at("tokenizer");
  if (!read_int(tok, "id_offset", m.id_offset, error) || !read_optional_int(tok, "unk_id", m.unk_id, error) ||
      !read_optional_int(tok, "bos_id", m.bos_id, error) || !read_optional_int(tok, "eos_id", m.eos_id, error) ||
      !read_int(tok, "pad_id", m.pad_id, error) || !read_bool(tok, "lowercase", m.lowercase, error))
    return fail("tokenizer: " + error);

  const Json& enc = json->at("encoder");
  const auto inputs = enc.find("inputs");
  if (inputs != enc.end() && !inputs->is_null()) {
    if (!inputs->is_object()) return fail("encoder.inputs must be an object");
    std::string token_type;
    if (!read_string(*inputs, "input_ids", m.input_ids_name, error) ||
        !read_string(*inputs, "attention_mask", m.attention_mask_name, error) ||
        !read_string(*inputs, "token_type_ids", token_type, error))
      return fail("encoder.inputs: " + error);
    if (!token_type.empty()) m.token_type_ids_name = token_type;
  }
  if (!read_string(enc, "output", m.output_name, error, true) || !read_pooling(enc, m.pooling, error) ||
      !read_bool(enc, "normalize", m.normalize, error) || !read_int(enc, "max_tokens", m.max_tokens, error) ||
      !read_int(enc, "dimension", m.dimension, error, true) || !read_string(enc, "prefix", m.prefix, error))
    return fail("encoder: " + error);
  if (m.dimension <= 0 || m.dimension > 8192) return fail("encoder.dimension must be between 1 and 8192");
  if (m.max_tokens < 2 || m.max_tokens > 8192) return fail("encoder.max_tokens must be between 2 and 8192");
  return m;
}

std::string manifest_to_json(const Manifest& m) {
  Json encoder = {{"file", m.encoder.file}, {"sha256", m.encoder.sha256},
                  {"inputs", {{"input_ids", m.input_ids_name}, {"attention_mask", m.attention_mask_name},
                              {"token_type_ids", m.token_type_ids_name ? Json(*m.token_type_ids_name) : Json()}}},
                  {"output", m.output_name}, {"pooling", pooling_name(m.pooling)},
                  {"normalize", m.normalize}, {"max_tokens", m.max_tokens},
                  {"dimension", m.dimension}, {"prefix", m.prefix}};
  Json out = {{"name", m.name}, {"version", m.version}, {"license", m.license},
              {"description", m.description}, {"languages", m.languages},
              {"tokenizer", {{"file", m.tokenizer.file}, {"sha256", m.tokenizer.sha256}}},
              {"encoder", encoder}};
  if (m.scorer) out["scorer"] = {{"file", m.scorer->file}, {"sha256", m.scorer->sha256}};
  return dump_json(out);
}

std::string verify_file(const ManifestFile& entry, std::string_view bytes) {
  if (bytes.empty()) return entry.file + ": file is missing or empty";
  if (sha256_hex(bytes) != entry.sha256)
    return entry.file + ": sha256 does not match the manifest (file corrupt or from another version)";
  return "";
}

Model::Model() = default;
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

std::string Model::load(std::string_view manifest_json, std::string_view tokenizer_bytes,
                        std::string_view scorer_json) {
  std::string error;
  std::optional<Manifest> manifest = parse_manifest(manifest_json, error);
  if (!manifest) return error;
  if (std::string e = verify_file(manifest->tokenizer, tokenizer_bytes); !e.empty()) return e;

  auto tokenizer = std::make_unique<sentencepiece::SentencePieceProcessor>();
  if (auto status = tokenizer->LoadFromSerializedProto(std::string(tokenizer_bytes)); !status.ok())
    return manifest->tokenizer.file + ": not a SentencePiece model (" + status.ToString() + ")";

  // Without its own scorer a model still helps: its embedding features get no weight, but
  // redundancy control uses embedding similarity. The lexical weights then apply.
  ScorerWeights weights = default_lexical_weights();
  if (manifest->scorer) {
    if (std::string e = verify_file(*manifest->scorer, scorer_json); !e.empty()) return e;
    if (!parse_scorer_weights(scorer_json, static_cast<size_t>(manifest->dimension), weights, error))
      return manifest->scorer->file + ": " + error;
  }
  weights.name = manifest->name;
  manifest_ = std::move(*manifest);
  weights_ = std::move(weights);
  tokenizer_ = std::move(tokenizer);
  return "";
}

std::string Model::describe(std::string_view manifest_json) {
  std::string error;
  std::optional<Manifest> manifest = parse_manifest(manifest_json, error);
  if (!manifest) return error;
  manifest_ = std::move(*manifest);
  weights_ = default_lexical_weights();
  weights_.name = manifest_.name;
  tokenizer_.reset();
  return "";
}

std::vector<int> Model::token_ids(std::string_view sentence, bool& truncated) const {
  truncated = false;
  if (!tokenizer_) return {};   // described, not loaded: the caller should not have asked
  std::string text = manifest_.prefix;
  text += manifest_.lowercase ? lowercase(sentence) : std::string(sentence);
  std::vector<int> pieces;
  tokenizer_->Encode(text, &pieces).IgnoreError();   // fails only on a not-loaded model

  const int unk = tokenizer_->unk_id();
  const size_t specials = (manifest_.bos_id ? 1 : 0) + (manifest_.eos_id ? 1 : 0);
  const size_t room = static_cast<size_t>(manifest_.max_tokens) - specials;
  truncated = pieces.size() > room;
  if (truncated) pieces.resize(room);

  std::vector<int> ids;
  ids.reserve(pieces.size() + specials);
  if (manifest_.bos_id) ids.push_back(*manifest_.bos_id);
  for (int piece : pieces)
    ids.push_back(piece == unk && manifest_.unk_id ? *manifest_.unk_id : piece + manifest_.id_offset);
  if (manifest_.eos_id) ids.push_back(*manifest_.eos_id);
  return ids;
}

bool Model::serves(std::string_view lang) const {
  const auto& languages = manifest_.languages;
  return languages.empty() || std::find(languages.begin(), languages.end(), lang) != languages.end();
}

}  // namespace precis
