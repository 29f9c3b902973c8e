#include "options_json.h"

namespace precis {

std::string apply_options(const Json& obj, Options& options) {
  std::string error;
  Length length;
  bool has_length = false;
  for (const char* key : {"sentences", "ratio", "words"})
    has_length = has_length || (obj.contains(key) && !obj.at(key).is_null());
  int max_input = -1;
  if (!read_int(obj, "sentences", length.sentences, error) || !read_number(obj, "ratio", length.ratio, error) ||
      !read_int(obj, "words", length.words, error) || !read_string(obj, "lang", options.lang, error) ||
      !read_string(obj, "title", options.title, error) ||
      !read_bool(obj, "all_sentences", options.all_sentences, error) ||
      !read_number(obj, "redundancy", options.redundancy, error) ||
      !read_int(obj, "max_input_bytes", max_input, error) ||
      !read_int(obj, "batch_rows", options.batch_rows, error))
    return error;
  if (has_length) options.length = length;
  if (max_input >= 0) options.max_input_bytes = static_cast<size_t>(max_input);
  return "";
}

std::string apply_options_json(std::string_view json, Options& options) {
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) return "";
  std::string error;
  std::optional<Json> obj = parse_json_object(json, error);
  if (!obj) return "options: " + error;
  error = apply_options(*obj, options);
  return error.empty() ? "" : "options: " + error;
}

}  // namespace precis
