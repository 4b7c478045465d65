// libFuzzer's driver, for a program that has its own main (llvm.org/docs/LibFuzzer.html, "Using libFuzzer as a
// library"). -sanitize=fuzzer links the library that defines it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
