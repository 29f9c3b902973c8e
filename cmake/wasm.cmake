# WebAssembly build: the embind module that web/precis.js wraps, written as build/wasm/precis-core.mjs
# and precis-core.wasm. The ONNX model runs in onnxruntime-web on the JS side, so nothing here awaits.
set(PRECIS_WASM_FLAGS
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createPrecisCore
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=2147483648 -sINITIAL_MEMORY=33554432
  -sENVIRONMENT=web,worker,node -sFILESYSTEM=0 -sTOTAL_STACK=1048576
  -sDYNAMIC_EXECUTION=0            # embind without eval/new Function: pages whose CSP forbids eval
  -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0   # no process-wide handlers when imported in Node
  --bind)
add_executable(precis_wasm wasm/bindings/precis_bindings.cc)
target_link_libraries(precis_wasm PRIVATE precis_core)
target_link_options(precis_wasm PRIVATE ${PRECIS_WASM_FLAGS})
set_target_properties(precis_wasm PROPERTIES OUTPUT_NAME precis-core SUFFIX ".mjs")
