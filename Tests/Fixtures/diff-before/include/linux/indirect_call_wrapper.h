#ifndef MINI_INDIRECT_CALL_WRAPPER_H
#define MINI_INDIRECT_CALL_WRAPPER_H

/* Call f1 directly when the pointer holds it, else through the pointer. */
#define INDIRECT_CALL_1(f, f1, ...) ((f) == (f1) ? f1(__VA_ARGS__) : f(__VA_ARGS__))

#endif
