// UTF-8 and Unicode helpers shared by every stage. Small, table-free, and total: malformed input
// never throws or reads out of bounds.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace precis {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at text[pos] and advances pos past it. A malformed or truncated sequence
// yields kReplacementChar and advances by one byte, so a loop over a string always terminates.
char32_t decode_utf8(std::string_view text, size_t& pos);

// True when the bytes at text[pos] start a well-formed UTF-8 sequence; its length goes to `length`.
bool valid_utf8_at(std::string_view text, size_t pos, size_t& length);

void append_utf8(std::string& out, char32_t cp);

// How many UTF-16 code units a code point takes in a JavaScript string (1 or 2).
inline size_t utf16_units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

// Character classes, enough for segmentation and tokenization of the scripts we meet in news.
bool is_space(char32_t cp);        // White_Space, including NBSP and the typographic spaces
bool is_letter(char32_t cp);       // letters of alphabetic scripts, CJK ideographs, kana, hangul
bool is_digit(char32_t cp);        // ASCII and fullwidth digits
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_cjk(char32_t cp);          // ideographs, kana, hangul: scripts written without spaces
bool is_word_char(char32_t cp);    // letter, digit, combining mark or joiner inside a word
char32_t to_lower(char32_t cp);    // simple case folding for Latin, Greek and Cyrillic

// Lowercased copy (to_lower on each code point).
std::string lowercase(std::string_view text);

}  // namespace precis
