// The libclang C API as kwalk uses it. Debian's libclang-dev ships the headers; the library itself is opened at run
// time (dlopen) so that a machine without it gets a one-line error instead of a loader failure before main.
#ifndef KWALK_CCLANG_SHIM_H
#define KWALK_CCLANG_SHIM_H

#include <clang-c/Index.h>
#include <dlfcn.h>
#include <stddef.h>

// Every libclang entry point kwalk calls. Adding one here adds a field to `KwalkClangAPI`.
#define KWALK_CLANG_FUNCTIONS(X) \
  X(clang_createIndex) \
  X(clang_disposeIndex) \
  X(clang_parseTranslationUnit2) \
  X(clang_disposeTranslationUnit) \
  X(clang_getTranslationUnitCursor) \
  X(clang_visitChildren) \
  X(clang_getCursorKind) \
  X(clang_getCursorSpelling) \
  X(clang_getCursorUSR) \
  X(clang_getCursorLocation) \
  X(clang_getCursorExtent) \
  X(clang_getCursorReferenced) \
  X(clang_getCursorDefinition) \
  X(clang_isCursorDefinition) \
  X(clang_getCursorSemanticParent) \
  X(clang_getCursorType) \
  X(clang_getCanonicalType) \
  X(clang_getTypeDeclaration) \
  X(clang_getTypeSpelling) \
  X(clang_getCursor) \
  X(clang_Cursor_getStorageClass) \
  X(clang_Cursor_isFunctionInlined) \
  X(clang_Cursor_isNull) \
  X(clang_Cursor_getNumArguments) \
  X(clang_Cursor_getArgument) \
  X(clang_Location_isFromMainFile) \
  X(clang_getFileLocation) \
  X(clang_getExpansionLocation) \
  X(clang_getRangeStart) \
  X(clang_getRangeEnd) \
  X(clang_getFileName) \
  X(clang_getFile) \
  X(clang_getLocationForOffset) \
  X(clang_getCString) \
  X(clang_disposeString) \
  X(clang_getNumDiagnostics) \
  X(clang_getDiagnostic) \
  X(clang_disposeDiagnostic) \
  X(clang_getDiagnosticSeverity) \
  X(clang_formatDiagnostic) \
  X(clang_defaultDiagnosticDisplayOptions) \
  X(clang_getInclusions) \
  X(clang_tokenize) \
  X(clang_disposeTokens) \
  X(clang_getTokenKind) \
  X(clang_getTokenExtent) \
  X(clang_getTokenSpelling) \
  X(clang_getRange) \
  X(clang_annotateTokens) \
  X(clang_equalCursors) \
  X(clang_getCursorLexicalParent) \
  X(clang_getPointeeType) \
  X(clang_getCursorPrintingPolicy) \
  X(clang_PrintingPolicy_dispose)

#define KWALK_CLANG_FIELD(name) __typeof__(&name) name;

/// The resolved entry points of one loaded libclang.
typedef struct KwalkClangAPI {
  KWALK_CLANG_FUNCTIONS(KWALK_CLANG_FIELD)
} KwalkClangAPI;

#define KWALK_CLANG_LOAD(name) \
  api->name = (__typeof__(&name))dlsym(handle, #name); \
  if (!api->name) { return #name; }

/// Opens libclang at `path` and fills `api`. Returns NULL on success, the name of the first missing symbol, or
/// "dlopen" when the library itself could not be opened.
static inline const char *kwalk_clang_load(const char *path, KwalkClangAPI *api) {
  void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!handle) { return "dlopen"; }
  KWALK_CLANG_FUNCTIONS(KWALK_CLANG_LOAD)
  return NULL;
}

#endif
