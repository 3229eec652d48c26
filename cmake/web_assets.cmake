# The browser-side files Yardstick's pages bundle (web/: npm packages, pinned by
# web/package-lock.json and installed by scripts/install-deps.sh), embedded into the library at
# build time so that a report is one self-contained file and nothing is fetched when it is opened.
#
#   yardstick_embed_web_file(TARGET PATH FUNCTION HEADER NAMESPACE)
# embeds web/PATH as `std::string_view NAMESPACE::FUNCTION()` (declared in HEADER) into TARGET,
# regenerated whenever the file changes.
set(YARDSTICK_WEB_DIR "${PROJECT_SOURCE_DIR}/web")

function(yardstick_embed_web_file target path function header namespace)
  set(input "${YARDSTICK_WEB_DIR}/${path}")
  if(NOT EXISTS "${input}")
    message(FATAL_ERROR
      "${input} is missing: the web packages are not installed. Run scripts/install-deps.sh "
      "(or `make build-dev`), which runs `npm ci --prefix web`.")
  endif()
  set(output "${CMAKE_CURRENT_BINARY_DIR}/generated/${function}.cc")
  set(script "${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DINPUT=${input}" "-DOUTPUT=${output}" "-DNAMESPACE=${namespace}"
            "-DFUNCTION=${function}" "-DHEADER=${header}" -P "${script}"
    DEPENDS "${input}" "${script}"
    COMMENT "Embedding web/${path}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
endfunction()
