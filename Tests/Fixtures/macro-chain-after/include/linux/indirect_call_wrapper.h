#ifndef MINI_INDIRECT_CALL_WRAPPER_H
#define MINI_INDIRECT_CALL_WRAPPER_H

/* After: the retpoline option was renamed. */
#ifdef CONFIG_MITIGATION_RETPOLINE
#define INDIRECT_CALL_1(f, f1, ...)					\
	({								\
		typeof(f) __f1 = (f);					\
		__f1 == f1 ? f1(__VA_ARGS__) : __f1(__VA_ARGS__);	\
	})
#define INDIRECT_CALL_2(f, f2, f1, ...)					\
	({								\
		typeof(f) __f2 = (f);					\
		__f2 == f2 ? f2(__VA_ARGS__) :				\
			     INDIRECT_CALL_1(__f2, f1, __VA_ARGS__);	\
	})
#else
#define INDIRECT_CALL_1(f, f1, ...) f(__VA_ARGS__)
#define INDIRECT_CALL_2(f, f2, f1, ...) f(__VA_ARGS__)
#endif

#if defined(CONFIG_IPV6) && defined(CONFIG_INET)
#define INDIRECT_CALL_INET(f, f2, f1, ...) \
	INDIRECT_CALL_2(f, f2, f1, __VA_ARGS__)
#else
#define INDIRECT_CALL_INET(f, f2, f1, ...) INDIRECT_CALL_1(f, f1, __VA_ARGS__)
#endif

#endif
