/* A unity build, as kernel/sched compiles its smaller files: only this file has an object of its own. */
#include "wait.c"
#include "completion.c"
