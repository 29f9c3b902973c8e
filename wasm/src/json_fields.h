// Reading fields of parsed JSON without exceptions (the core is built without them): each reader
// returns false and writes a message naming the field when the value has the wrong type.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace precis {

using Json = nlohmann::ordered_json;   // keys stay in the order written: readable output

// Parses text; nullopt (with a message) when it is not valid JSON or not an object.
std::optional<Json> parse_json_object(std::string_view text, std::string& error);

// obj[key], or null when the key is absent or its value is null.
const Json* member(const Json& obj, const char* key);

// Readers: a missing or null key leaves `out` untouched and returns true; `required` makes it an error.
bool read_string(const Json& obj, const char* key, std::string& out, std::string& error, bool required = false);
bool read_int(const Json& obj, const char* key, int& out, std::string& error, bool required = false);
bool read_optional_int(const Json& obj, const char* key, std::optional<int>& out, std::string& error);
bool read_number(const Json& obj, const char* key, double& out, std::string& error);
bool read_bool(const Json& obj, const char* key, bool& out, std::string& error);
// An array of strings, such as a list of language codes.
bool read_string_list(const Json& obj, const char* key, std::vector<std::string>& out, std::string& error);

// Serialises without ever failing: invalid UTF-8 (which clean text never has) becomes U+FFFD.
std::string dump_json(const Json& value);

}  // namespace precis
