#include "json_fields.h"

#include <algorithm>

namespace precis {

std::optional<Json> parse_json_object(std::string_view text, std::string& error) {
  Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) { error = "not valid JSON"; return std::nullopt; }
  if (!value.is_object()) { error = "expected a JSON object"; return std::nullopt; }
  return value;
}

const Json* member(const Json& obj, const char* key) {
  const auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

static bool absent(const Json& obj, const char* key) { return member(obj, key) == nullptr; }

bool read_string(const Json& obj, const char* key, std::string& out, std::string& error, bool required) {
  if (absent(obj, key)) {
    if (required) error = std::string("\"") + key + "\" is required";
    return !required;
  }
  const Json& v = obj.at(key);
  if (!v.is_string()) { error = std::string("\"") + key + "\" must be a string"; return false; }
  out = v.get<std::string>();
  return true;
}

bool read_int(const Json& obj, const char* key, int& out, std::string& error, bool required) {
  if (absent(obj, key)) {
    if (required) error = std::string("\"") + key + "\" is required";
    return !required;
  }
  const Json& v = obj.at(key);
  if (!v.is_number_integer() || v.get<long long>() < -(1LL << 31) || v.get<long long>() >= (1LL << 31)) {
    error = std::string("\"") + key + "\" must be an integer";
    return false;
  }
  out = v.get<int>();
  return true;
}

bool read_optional_int(const Json& obj, const char* key, std::optional<int>& out, std::string& error) {
  if (absent(obj, key)) { out.reset(); return true; }
  int value = 0;
  if (!read_int(obj, key, value, error)) return false;
  out = value;
  return true;
}

bool read_number(const Json& obj, const char* key, double& out, std::string& error) {
  if (absent(obj, key)) return true;
  const Json& v = obj.at(key);
  if (!v.is_number()) { error = std::string("\"") + key + "\" must be a number"; return false; }
  out = v.get<double>();
  return true;
}

bool read_bool(const Json& obj, const char* key, bool& out, std::string& error) {
  if (absent(obj, key)) return true;
  const Json& v = obj.at(key);
  if (!v.is_boolean()) { error = std::string("\"") + key + "\" must be true or false"; return false; }
  out = v.get<bool>();
  return true;
}

bool read_string_list(const Json& obj, const char* key, std::vector<std::string>& out, std::string& error) {
  const Json* v = member(obj, key);
  if (v == nullptr) return true;
  const auto not_string = [](const Json& item) { return !item.is_string(); };
  if (!v->is_array() || std::any_of(v->begin(), v->end(), not_string)) {
    error = std::string("\"") + key + "\" must be a list of strings";
    return false;
  }
  out.clear();
  for (const Json& item : *v) out.push_back(item.get<std::string>());
  return true;
}

std::string dump_json(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace precis
