# kwalk's entry points. Each target installs what is missing (Debian 12, as root), then does its job.
#   make site   build kwalk (release) and write the site for KERNELS (default: Debian 12's 6.1 and 6.12, with their
#               diff page) into ./site; make site KERNELS="5.10 6.1 6.12 7.2" writes all four (kwalk fetches 5.10, 7.2);
#               the routes follow the stacks of STACKS (a kwalk trace recording of every walkthrough's traffic)
#   make test   run the test suite (unit tests on fixtures, integration tests on real 5.10, 6.1, 6.12 and 7.2 trees)
#   make bench  speed and memory as ratios against clang -fsyntax-only on the same files (BENCH_FLAGS=--quick: the short part)
#   make bench-kernels  first-run (from a new cache: fetch, unpack, prepare, kbuild, parse, tokenize, write) and warm
#               times of `kwalk site` per kernel in BENCH_KERNELS (default 5.10 6.1 6.12 7.2), with peak RSS
#   make fuzz   build the libFuzzer harnesses in Fuzz/ and run each parser's for FUZZ_SECONDS (not part of test)

APT_PACKAGES := libclang-dev clang lld llvm flex bison bc libelf-dev libssl-dev xz-utils make python3 \
	libsqlite3-dev graphviz chromium linux-source-6.1 linux-config-6.1 linux-source-6.12 linux-config-6.12 \
	clang-19 lld-19 llvm-19 libclang-19-dev
KERNEL ?= 6.1
KERNELS ?= 6.1 6.12
STACKS ?= Traces/loopback-6.18.trace
BENCH_KERNELS ?= 5.10 6.1 6.12 7.2
SWIFT ?= swift
FUZZ_SECONDS ?= 600

.PHONY: setup build site test bench bench-kernels fuzz clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: setup
	$(SWIFT) build -c release --product kwalk

site: build
	.build/release/kwalk site $(foreach k,$(KERNELS),--kernel $(k)) $(if $(STACKS),--stacks $(STACKS)) --out site

test: setup
	$(SWIFT) build --product kwalk
	$(SWIFT) test

bench: build
	python3 Benchmarks/index_bench.py .build/release/kwalk $(KERNEL) $(BENCH_FLAGS)

bench-kernels: build
	python3 Benchmarks/kernels_bench.py .build/release/kwalk $(BENCH_KERNELS)

fuzz: setup
	$(SWIFT) build -c release --package-path Fuzz --scratch-path Fuzz/.build \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	Fuzz/run-fuzzers.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build site
