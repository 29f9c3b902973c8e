// Helpers shared by the unit tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace precis::testing {

// Reads tests/fixtures/<relative> (works natively and under node, through NODERAWFS).
inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(PRECIS_FIXTURES_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace precis::testing
