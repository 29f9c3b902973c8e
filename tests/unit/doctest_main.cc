// The doctest runner for every stage's tests (see CMakeLists.txt: one ctest entry per test file).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
