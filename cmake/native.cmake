# Native build: the `precis` CLI, which runs sentence-embedding models with ONNX Runtime's C++ API.
# The library comes from the onnxruntime-node npm package, the headers from Debian (scripts/setup).
set(ORT_LIBRARY "${CMAKE_SOURCE_DIR}/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1"
    CACHE FILEPATH "libonnxruntime.so.1")
set(ORT_INCLUDE_DIR "${PRECIS_DEPS_DIR}/onnxruntime/include" CACHE PATH "ONNX Runtime headers")
if(NOT EXISTS "${ORT_LIBRARY}" OR NOT EXISTS "${ORT_INCLUDE_DIR}/onnxruntime_cxx_api.h")
  message(FATAL_ERROR "ONNX Runtime missing (${ORT_LIBRARY}, ${ORT_INCLUDE_DIR}): run scripts/setup")
endif()
# Headers only: the host dlopen's the library when a model is first used (wasm/host/native_model.cc),
# so a run without a model never loads it. The path below is the first place it looks.
add_library(precis_onnxruntime INTERFACE)
target_include_directories(precis_onnxruntime SYSTEM INTERFACE "${ORT_INCLUDE_DIR}")
target_compile_definitions(precis_onnxruntime INTERFACE PRECIS_ONNXRUNTIME_LIBRARY="${ORT_LIBRARY}")
target_link_libraries(precis_onnxruntime INTERFACE ${CMAKE_DL_LIBS})

# The native host: runs the ONNX encoder between the pipeline's two phases.
file(GLOB PRECIS_HOST_SOURCES CONFIGURE_DEPENDS wasm/host/*.cc)
add_library(precis_native_host STATIC ${PRECIS_HOST_SOURCES})
target_include_directories(precis_native_host PUBLIC wasm/host)
target_link_libraries(precis_native_host PUBLIC precis_core precis_onnxruntime)

file(GLOB PRECIS_CLI_SOURCES CONFIGURE_DEPENDS wasm/cli/*.cc)
add_executable(precis ${PRECIS_CLI_SOURCES})
target_link_libraries(precis PRIVATE precis_native_host)
