# libFuzzer targets (preset `fuzz`, clang only): one executable per tests/fuzz/*_fuzzer.cc, each
# with AddressSanitizer and UndefinedBehaviorSanitizer. scripts/fuzz builds and runs them.
file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzzer.cc")
foreach(source ${FUZZ_SOURCES})
  get_filename_component(name "${source}" NAME_WE)
  add_executable(${name} "${source}")
  target_link_libraries(${name} PRIVATE precis_core)
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
endforeach()
