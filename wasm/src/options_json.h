// Options from JSON: the JS module's options object and the CLI's per-line overrides use the same
// keys: {"sentences", "ratio", "words", "lang", "title", "all_sentences", "redundancy", "max_input_bytes", "batch_rows"}.
#pragma once
#include <string>
#include <string_view>

#include "json_fields.h"
#include "options.h"

namespace precis {

// Applies the keys present in `obj` on top of `options`. A length key replaces the whole length
// request. Returns "" or what is wrong (unknown keys are ignored, so an object may carry "id", "text").
std::string apply_options(const Json& obj, Options& options);

// Parses a JSON object text ("" means no options) and applies it.
std::string apply_options_json(std::string_view json, Options& options);

}  // namespace precis
