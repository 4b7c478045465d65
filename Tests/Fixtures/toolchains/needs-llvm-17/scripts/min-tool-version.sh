#!/bin/sh
# A tree's minimum tool versions, in the shape of the kernel's script: kwalk asks for "llvm" with SRCARCH set.
case "$1" in
llvm)
	if [ "$SRCARCH" = x86 ]; then echo 17.0.1; else echo 99.0.0; fi
	;;
*)
	echo "$1: unknown tool" >&2
	exit 1
	;;
esac
