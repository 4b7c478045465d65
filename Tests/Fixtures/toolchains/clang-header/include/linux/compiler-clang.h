/* Before scripts/min-tool-version.sh, a tree stated its oldest clang here. */
#if CLANG_VERSION < 100001
# error Sorry, your version of Clang is too old - please use 10.0.1 or newer.
#endif
