# Imported targets for third-party libraries, the same names on both platforms:
#   precis::sentencepiece  Debian's libsentencepiece-dev natively; built by
#                          scripts/build-sentencepiece-wasm for WebAssembly
#   precis::json           nlohmann/json (Debian's nlohmann-json3-dev, header-only)
#   precis::doctest        doctest headers only (Debian's doctest-dev)
# Under Emscripten, host include directories must not leak in (/usr/include breaks em++), so each
# header-only library is exposed through a directory that holds only its own headers.

function(precis_header_dir name source_dir out_var)
  set(dir "${CMAKE_BINARY_DIR}/include-${name}")
  get_filename_component(leaf "${source_dir}" NAME)
  if(NOT EXISTS "${dir}/${leaf}")
    file(MAKE_DIRECTORY "${dir}")
    file(CREATE_LINK "${source_dir}" "${dir}/${leaf}" SYMBOLIC)
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

if(NOT EXISTS /usr/include/nlohmann/json.hpp OR NOT EXISTS /usr/include/doctest/doctest.h)
  message(FATAL_ERROR "nlohmann-json3-dev or doctest-dev missing: run scripts/setup")
endif()
precis_header_dir(json /usr/include/nlohmann JSON_INCLUDE)
add_library(precis_json INTERFACE)
target_include_directories(precis_json SYSTEM INTERFACE "${JSON_INCLUDE}")
target_compile_definitions(precis_json INTERFACE JSON_NOEXCEPTION)   # parse errors are values, not throws
add_library(precis::json ALIAS precis_json)

precis_header_dir(doctest /usr/include/doctest DOCTEST_INCLUDE)
add_library(precis_doctest INTERFACE)
target_include_directories(precis_doctest SYSTEM INTERFACE "${DOCTEST_INCLUDE}")
add_library(precis::doctest ALIAS precis_doctest)

add_library(precis_sentencepiece INTERFACE)
if(EMSCRIPTEN)
  set(spm "${PRECIS_DEPS_DIR}/sentencepiece-wasm")
  if(NOT EXISTS "${spm}/lib/libsentencepiece.a")
    message(FATAL_ERROR "${spm}/lib/libsentencepiece.a missing: run scripts/build-sentencepiece-wasm")
  endif()
  target_include_directories(precis_sentencepiece SYSTEM INTERFACE "${spm}/include")
  target_link_libraries(precis_sentencepiece INTERFACE "${spm}/lib/libsentencepiece.a")
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SENTENCEPIECE REQUIRED IMPORTED_TARGET sentencepiece)
  target_link_libraries(precis_sentencepiece INTERFACE PkgConfig::SENTENCEPIECE)
endif()
add_library(precis::sentencepiece ALIAS precis_sentencepiece)
