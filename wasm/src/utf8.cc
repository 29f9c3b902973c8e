#include "utf8.h"

namespace precis {

bool valid_utf8_at(std::string_view text, size_t pos, size_t& length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) { length = 1; return true; }
  size_t n;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { n = 2; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { n = 3; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
  else return false;
  if (pos + n > text.size()) return false;
  char32_t cp = b0 & (0x7F >> n);
  for (size_t i = 1; i < n; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  length = n;
  return true;
}

char32_t decode_utf8(std::string_view text, size_t& pos) {
  size_t length = 0;
  if (!valid_utf8_at(text, pos, length)) { ++pos; return kReplacementChar; }
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  char32_t cp = length == 1 ? byte(pos) : byte(pos) & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(pos + i) & 0x3F);
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_digit(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||   // hiragana, katakana
         (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF) ||   // hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x3134F);   // extensions B..G
}

static bool is_combining(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0483 && cp <= 0x0489) ||
         (cp >= 0x0591 && cp <= 0x05C7) || (cp >= 0x0610 && cp <= 0x061A) ||
         (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x0900 && cp <= 0x0903) ||
         (cp >= 0x093A && cp <= 0x094F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Letters: everything in the alphabetic blocks that is not punctuation, symbol or space. Cheaper
// and more predictable than full Unicode tables, and right for the scripts of news text.
bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp <= 0x02AF) return true;                                   // Latin-1 .. IPA
  if (cp >= 0x0370 && cp <= 0x03FF) return cp != 0x037E && cp != 0x0387;  // Greek
  if (cp >= 0x0400 && cp <= 0x052F) return !(cp >= 0x0482 && cp <= 0x0489);  // Cyrillic
  if (cp >= 0x0531 && cp <= 0x0587) return true;                   // Armenian
  if (cp >= 0x05D0 && cp <= 0x05F2) return true;                   // Hebrew
  if (cp >= 0x0620 && cp <= 0x064A) return true;                   // Arabic
  if (cp >= 0x0660 && cp <= 0x0669) return true;                   // Arabic-Indic digits
  if (cp >= 0x0671 && cp <= 0x06D3) return true;
  if (cp >= 0x0904 && cp <= 0x0939) return true;                   // Devanagari
  if (cp >= 0x0E01 && cp <= 0x0E30) return true;                   // Thai
  if (cp >= 0x10A0 && cp <= 0x10FF) return true;                   // Georgian
  if (cp >= 0x1E00 && cp <= 0x1FFF) return true;                   // Latin/Greek extended
  if (cp >= 0xFF21 && cp <= 0xFF3A) return true;                   // fullwidth Latin
  if (cp >= 0xFF41 && cp <= 0xFF5A) return true;
  return is_cjk(cp);
}

bool is_word_char(char32_t cp) {
  return is_letter(cp) || is_digit(cp) || is_combining(cp) || cp == 0x200D || cp == 0x200C;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x0100 && cp <= 0x017F) return (cp & 1) == 0 && cp != 0x0138;
  if (cp >= 0x0391 && cp <= 0x03AB) return true;
  if (cp >= 0x0400 && cp <= 0x042F) return true;
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x0100 && cp <= 0x017F) return (cp & 1) == 1;
  if (cp >= 0x03AC && cp <= 0x03CE) return true;
  if (cp >= 0x0430 && cp <= 0x045F) return true;
  return false;
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x0100 && cp <= 0x0137 && (cp & 1) == 0) return cp + 1;
  if (cp >= 0x0139 && cp <= 0x0148 && (cp & 1) == 1) return cp + 1;
  if (cp >= 0x014A && cp <= 0x0177 && (cp & 1) == 0) return cp + 1;
  if (cp == 0x0178) return 0xFF;
  if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) return cp + 32;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 32;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
  return cp;
}

std::string lowercase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) append_utf8(out, to_lower(decode_utf8(text, pos)));
  return out;
}

}  // namespace precis
