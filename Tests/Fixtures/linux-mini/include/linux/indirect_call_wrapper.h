#ifndef MINI_INDIRECT_CALL_WRAPPER_H
#define MINI_INDIRECT_CALL_WRAPPER_H

/* Call f1 directly when the pointer holds it, else through the pointer. */
#define INDIRECT_CALL_1(f, f1, ...) ((f) == (f1) ? f1(__VA_ARGS__) : f(__VA_ARGS__))
#define INDIRECT_CALL_2(f, f2, f1, ...) \
	((f) == (f2) ? f2(__VA_ARGS__) : INDIRECT_CALL_1(f, f1, __VA_ARGS__))

#endif
