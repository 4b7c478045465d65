#ifndef SIM_CLEANUP_H
#define SIM_CLEANUP_H

/*
 * A lock held for one block. Shaped like the kernel's: a for statement that runs the block once, whose body is the
 * else of an if, so the index sees the block under a loop and an else, neither of which decides anything.
 */
#define scoped_guard(_class, _lock) \
	for (int _once = 1; _once; _once = 0) \
		if (0) { \
		} else

#endif
