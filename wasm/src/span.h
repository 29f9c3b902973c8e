// A half-open byte range [begin, end) into some text. Which text is always said where it is used.
#pragma once
#include <cstddef>

namespace precis {

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Span& other) const { return begin == other.begin && end == other.end; }
};

}  // namespace precis
