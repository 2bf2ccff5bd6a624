# libesent: build, test, demo, bench and install. `make help` lists the targets.

SWIFT      ?= swift
CC         ?= cc
CXX        ?= c++
PREFIX     ?= /usr/local
BUILD      := build
LIB        := $(BUILD)/lib
VERSION    := 1.0.0
SOMAJOR    := 1
SONAME     := libesent.so.$(SOMAJOR)
# clang from the Swift toolchain: its ThreadSanitizer runtime is the one swiftc's -sanitize=thread expects.
TOOLCHAIN_CLANG ?= $(dir $(shell readlink -f $$(command -v $(SWIFT))))clang

SWIFT_SOURCES := $(shell find Sources -name '*.swift' -o -name '*.c' -o -name '*.h') Package.swift include/esent.h include/esent.modulemap exports.map Makefile
LINK_FLAGS := -Xlinker --version-script=$(CURDIR)/exports.map -Xlinker -soname=$(SONAME) -Xlinker -z -Xlinker nodelete
# lld: gold leaves EsentCore's type metadata in .dynsym (as local symbols); lld keeps .dynsym to the Jet* exports.
# -gdwarf-4 for the C targets (CEsentChecksum, swift-system's CSystem): valgrind cannot read clang's DWARF 5.
RELEASE_FLAGS := -c release -Xswiftc -static-stdlib -Xswiftc -use-ld=lld -Xcc -gdwarf-4 $(LINK_FLAGS)

HARNESS_SRC  := $(filter-out Tests/c/dl_api.c Tests/c/header_use.c,$(wildcard Tests/c/*.c))
HARNESS_DEPS := $(HARNESS_SRC) $(wildcard Tests/c/*.h) include/esent.h
CFLAGS_TEST  := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude -ITests/c -pthread
RPATH        := -Wl,-rpath,'$$ORIGIN/../lib'

.PHONY: all lib esentutl test test-swift test-abi test-c test-sanitizers test-valgrind test-valgrind-full test-tsan test-install test-esentutl test-crash test-faults demo demo-snapshot bench bench-btree bench-engine install uninstall clean help \
        test-fuzz fuzz test-model test-model-long

all: lib esentutl

help:
	@echo "make            build $(LIB)/libesent.so (Swift runtime linked in, only Jet* exported) and $(BUILD)/bin/esentutl"
	@echo "make test       every test: Swift tests, ABI/header checks, C harness linked, dlopen'd, sanitized, valgrind"
	@echo "make test-crash the power-loss harness at every crash point of every scenario (a few minutes)"
	@echo "make test-faults the fault sweep: EIO, ENOSPC, EINTR, short and zero-byte transfers at every system call of every crash scenario"
	@echo "make test-valgrind-full every C scenario under valgrind (make test runs every fourth one)"
	@echo "make test-fuzz   every fuzz target replayed over its seed corpus and crash regressions (ASan build; in make test)"
	@echo "make demo       build and run the streaming backup agent (examples/backup_agent.c)"
	@echo "make demo-snapshot   the OS-snapshot agent (examples/snapshot_agent.c): freeze, reflink copy, thaw"
	@echo "make bench      the benchmarks (figures as ratios against a baseline measured in the same run)"
	@echo "make bench-btree the B+tree alone over pages in memory: CPU ns per insert, lookup, scan step"
	@echo "make bench-engine the paged engine on a file and a log: ns per cached lookup, durable commits/s"
	@echo "make fuzz       each libFuzzer target for FUZZ_SECONDS (default 60) seconds, one after another"
	@echo "make test-model-long   the random API driver against the reference model, 10^6 calls"
	@echo "make test-isam-long    the round trips with rows (every backup path, kill -9) with 8x the rows and writes"
	@echo "make install PREFIX=/usr/local   library, header, Swift module map and pkg-config file"
	@echo "make uninstall PREFIX=/usr/local removes what make install put there"

lib: $(LIB)/libesent.so

# One release build in .build serves the library, esentutl and the benchmarks: every product is built with the same
# flags (RELEASE_FLAGS and the header flag below), so EsentCore is compiled once for all of them. The library's link
# flags (soname, exports.map, -z nodelete) also reach the executables, where they change nothing: an executable
# exports no Jet* symbol and is never loaded by name.
# -emit-clang-header-path reaches every module and the last one compiled writes the header: the library's recipe
# recompiles Esent (the @c functions) last and copies the header it wrote to $(BUILD)/gen.
RELEASE_HEADER := $(CURDIR)/.build/release-esent-Swift.h
SWIFT_RELEASE  := $(SWIFT) build $(RELEASE_FLAGS) -Xswiftc -emit-clang-header-path -Xswiftc $(RELEASE_HEADER)

esentutl: $(BUILD)/bin/esentutl

$(BUILD)/bin/esentutl: $(LIB)/libesent.so
	@mkdir -p $(dir $@)
	cp .build/release/esentutl $@

$(LIB)/libesent.so: $(SWIFT_SOURCES)
	$(SWIFT_RELEASE) --product esentutl
	@# SwiftPM does not relink when only linker flags or exports.map change.
	rm -f .build/release/libesent.so
	rm -f .build/release/Esent.build/*.o
	$(SWIFT_RELEASE) --product esent
	@mkdir -p $(LIB) $(BUILD)/gen
	cp $(RELEASE_HEADER) $(BUILD)/gen/esent-Swift.h
	cp .build/release/libesent.so $(LIB)/libesent.so.$(VERSION)
	ln -sf libesent.so.$(VERSION) $(LIB)/$(SONAME)
	ln -sf libesent.so.$(VERSION) $(LIB)/libesent.so

# ---------------------------------------------------------------------------------------------------------
# Tests. Each runner prints its own closing line; any failure fails `make test`.
# ---------------------------------------------------------------------------------------------------------
# Two chains at once (tools/run-tests.sh): the Swift tests, ThreadSanitizer and the fuzz corpus replay, each with
# its own build, in the background; the release library and every runner against it here. The Swift chain's output follows, then every
# runner's closing line again. Each chain goes on past a failed runner (make -k); any failure fails `make test`.
TEST_CHAIN_SWIFT := test-swift test-tsan test-fuzz
TEST_CHAIN_C     := test-abi test-c test-sanitizers test-valgrind test-install test-esentutl test-model

test:
	@MAKE="$(MAKE)" CHAIN_SWIFT="$(TEST_CHAIN_SWIFT)" CHAIN_C="$(TEST_CHAIN_C)" sh tools/run-tests.sh

# The Swift tests build in their own scratch folder (debug, with tests), so that `make test` can build them while
# the release library builds in .build: SwiftPM holds a lock on its scratch folder for a whole command.
TEST_SCRATCH ?= .build-test

test-swift:
	@# One test at a time: the fault injector and the registry are process-wide.
	$(SWIFT) test --no-parallel --scratch-path $(TEST_SCRATCH)

# The power-loss harness exhaustively: every write/sync point of every scenario, three variants of the write at the
# crash point. `make test` runs a seeded sample of the same (Tests/EsentTests/PowerLossTests.swift).
test-crash:
	ESENT_CRASH_POINTS=all $(SWIFT) test --no-parallel --scratch-path $(TEST_SCRATCH) --filter PowerLossTests

# The fault sweep exhaustively: each crash scenario with one fault at each of its system calls, for each effect the
# call can have (EIO; ENOSPC where it writes; EINTR; a short and a zero-byte read or write), then a power loss or
# the application's JetTerm, then the power-loss checks: 3437 cases over the 8 scenarios. `make test` runs a seeded
# sample of the same, 16 cases per scenario (Tests/EsentTests/FaultSweepTests.swift). ESENT_FAULT_SCENARIO=<n>
# runs one scenario.
test-faults:
	ESENT_FAULT_SWEEP=all $(SWIFT) test --no-parallel --scratch-path $(TEST_SCRATCH) --filter FaultSweepTests

test-abi: lib
	sh tools/check-abi.sh $(LIB)/libesent.so $(BUILD)/gen/esent-Swift.h

$(BUILD)/gen/dl_api.h $(BUILD)/gen/dl_api_names.h: include/esent.h tools/gen-dl-api.sh
	sh tools/gen-dl-api.sh include/esent.h $(BUILD)/gen

# The three harness builds (linked, dlopen'd, sanitized) compile each scenario file to its own object, two at a
# time (a sub-make with -j): on 2 cores that halves the ~50 s the three single-command compiles took.
HARNESS_HEADERS := $(wildcard Tests/c/*.h) include/esent.h
HARNESS_JOBS_BUILD ?= $(shell nproc 2>/dev/null || echo 2)
OBJ_LINKED := $(patsubst Tests/c/%.c,$(BUILD)/obj/linked/%.o,$(HARNESS_SRC))
OBJ_DLOPEN := $(patsubst Tests/c/%.c,$(BUILD)/obj/dlopen/%.o,$(HARNESS_SRC) Tests/c/dl_api.c)
OBJ_ASAN   := $(patsubst Tests/c/%.c,$(BUILD)/obj/asan/%.o,$(HARNESS_SRC))
ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(BUILD)/obj/linked/%.o: Tests/c/%.c $(HARNESS_HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -c -o $@ $<

$(BUILD)/obj/dlopen/%.o: Tests/c/%.c $(HARNESS_HEADERS) $(BUILD)/gen/dl_api.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -DESENT_TEST_DLOPEN -I$(BUILD)/gen -c -o $@ $<

$(BUILD)/obj/asan/%.o: Tests/c/%.c $(HARNESS_HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) $(ASAN_FLAGS) -c -o $@ $<

.PHONY: harness-objects-linked harness-objects-dlopen harness-objects-asan
harness-objects-linked: $(OBJ_LINKED)
	@:
harness-objects-dlopen: $(OBJ_DLOPEN)
	@:
harness-objects-asan: $(OBJ_ASAN)
	@:

$(BUILD)/tests/harness-linked: $(HARNESS_DEPS) | lib
	@$(MAKE) --no-print-directory -j$(HARNESS_JOBS_BUILD) harness-objects-linked
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -o $@ $(OBJ_LINKED) -L$(LIB) -lesent $(RPATH)

$(BUILD)/tests/harness-dlopen: $(HARNESS_DEPS) Tests/c/dl_api.c $(BUILD)/gen/dl_api.h | lib
	@$(MAKE) --no-print-directory -j$(HARNESS_JOBS_BUILD) harness-objects-dlopen
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -o $@ $(OBJ_DLOPEN) -ldl

$(BUILD)/tests/harness-asan: $(HARNESS_DEPS) | lib
	@$(MAKE) --no-print-directory -j$(HARNESS_JOBS_BUILD) harness-objects-asan
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) $(ASAN_FLAGS) -o $@ $(OBJ_ASAN) -L$(LIB) -lesent $(RPATH)

test-c: $(BUILD)/tests/harness-linked $(BUILD)/tests/harness-dlopen
	HARNESS_LABEL=linked $(BUILD)/tests/harness-linked
	HARNESS_LABEL=dlopen ESENT_LIBRARY=$(CURDIR)/$(LIB)/libesent.so $(BUILD)/tests/harness-dlopen

test-sanitizers: $(BUILD)/tests/harness-asan
	HARNESS_LABEL=asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    ESENT_PAGE_MEMORY=guarded $(BUILD)/tests/harness-asan

test-valgrind: $(BUILD)/tests/harness-linked
	VALGRIND_EVERY=4 sh tools/run-valgrind.sh $(BUILD)/tests/harness-linked

# Every scenario under valgrind (make test runs every fourth one to stay within its 10 minutes).
test-valgrind-full: $(BUILD)/tests/harness-linked
	VALGRIND_EVERY=1 sh tools/run-valgrind.sh $(BUILD)/tests/harness-linked

# ThreadSanitizer: the library and the thread scenarios are built with the toolchain's TSan runtime.
test-tsan: $(SWIFT_SOURCES) $(HARNESS_DEPS)
	sh tools/run-tsan.sh "$(TOOLCHAIN_CLANG)"

# make install into a temporary PREFIX (and a DESTDIR), then a pkg-config client builds and runs.
test-install: lib esentutl
	MAKE="$(MAKE)" sh tools/check-install.sh

# esentutl, installed into a temporary PREFIX: every mode on good and damaged files (exit codes, key lines).
test-esentutl: lib esentutl
	MAKE="$(MAKE)" sh tools/check-esentutl.sh

# Hostile input and threads (issue 9): every fuzz target replayed over its seed corpus and every regression input
# (`make test` runs this: the engine is built unoptimized with -sanitize=fuzzer,address for it, about half a minute;
# `make fuzz` builds it optimized and fuzzes); the random API driver checked against the reference model (a short
# seeded sample in `make test`, `make test-model-long` for 10^6).
test-fuzz:
	sh tools/fuzz.sh replay

fuzz:
	sh tools/fuzz.sh run $(or $(FUZZ_SECONDS),60)

$(BUILD)/tests/model-driver: Tests/model/driver.c Tests/model/model.c Tests/model/model.h include/esent.h | lib
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -g -O2 -Wall -Wextra -Werror -Iinclude -ITests/model -pthread -o $@ \
	    Tests/model/driver.c Tests/model/model.c -L$(LIB) -lesent $(RPATH)

test-model: $(BUILD)/tests/model-driver
	$(BUILD)/tests/model-driver --seed 1 --sequences 80 --threads 4

test-model-long: $(BUILD)/tests/model-driver
	$(BUILD)/tests/model-driver --seed $(or $(SEED),1) --calls 1000000 --threads 4

# Round trips with rows (Tests/c/test_isam_roundtrip.c): `make test` runs them with 1,000 rows and a few hundred
# writer transactions; this runs them with 8x both, one at a time, with a longer time limit.
.PHONY: test-isam-long
test-isam-long: $(BUILD)/tests/harness-linked
	ISAM_E2E_SCALE=8 $(BUILD)/tests/harness-linked -k isam_rows_ -j 1 -t 900

# ---------------------------------------------------------------------------------------------------------
# Demo, benchmarks, install
# ---------------------------------------------------------------------------------------------------------
$(BUILD)/bin/backup_agent: examples/backup_agent.c include/esent.h | lib
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -Iinclude -pthread -o $@ $< -L$(LIB) -lesent $(RPATH)

demo: $(BUILD)/bin/backup_agent
	rm -rf $(BUILD)/demo && mkdir -p $(BUILD)/demo
	$(BUILD)/bin/backup_agent $(BUILD)/demo

# The OS-snapshot agent: freeze, reflink copy while a writer commits, thaw, truncate, end.
$(BUILD)/bin/snapshot_agent: examples/snapshot_agent.c include/esent.h | lib
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -Iinclude -pthread -o $@ $< -L$(LIB) -lesent $(RPATH)

demo-snapshot: $(BUILD)/bin/snapshot_agent
	rm -rf $(BUILD)/demo-snapshot && mkdir -p $(BUILD)/demo-snapshot
	$(BUILD)/bin/snapshot_agent $(BUILD)/demo-snapshot

bench: lib $(BUILD)/bin/btree-bench
	sh bench/run.sh

# The B+tree alone over pages in memory (issue 10): ns per insert, lookup and scan step, allocations per lookup.
bench-btree: $(BUILD)/bin/btree-bench
	@mkdir -p $(BUILD)/bin
	$(CC) -O2 -shared -fPIC -o $(BUILD)/bin/alloccount.so bench/alloccount.c
	LD_PRELOAD=$(BUILD)/bin/alloccount.so $(BUILD)/bin/btree-bench

$(BUILD)/bin/btree-bench: $(SWIFT_SOURCES) bench/btree/main.swift
	$(SWIFT_RELEASE) --product btree-bench
	@mkdir -p $(dir $@)
	cp .build/release/btree-bench $@

# The paged storage engine on a database file and a log (issue 10): ns per cached lookup, two threads against one,
# durable single-entry commits per second, pages logged per commit.
bench-engine: $(BUILD)/bin/engine-bench
	$(BUILD)/bin/engine-bench

$(BUILD)/bin/engine-bench: $(SWIFT_SOURCES) bench/engine/main.swift
	$(SWIFT_RELEASE) --product engine-bench
	@mkdir -p $(dir $@)
	cp .build/release/engine-bench $@

# PREFIX/lib/libesent.so*, include/esent.h and module.modulemap (Swift: `import CEsent`), lib/pkgconfig/esent.pc,
# bin/esentutl and its man page.
# When PREFIX/lib is not on the loader's or pkg-config's default paths, says what to set.
install: lib esentutl
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(BUILD)/bin/esentutl $(DESTDIR)$(PREFIX)/bin/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0644 docs/esentutl.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 0755 $(LIB)/libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libesent.so
	install -m 0644 include/esent.h $(DESTDIR)$(PREFIX)/include/
	install -m 0644 include/esent.modulemap $(DESTDIR)$(PREFIX)/include/module.modulemap
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/esent.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/esent.pc
	@sh tools/install-hints.sh "$(PREFIX)" "$(DESTDIR)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME) \
	    $(DESTDIR)$(PREFIX)/lib/libesent.so $(DESTDIR)$(PREFIX)/include/esent.h \
	    $(DESTDIR)$(PREFIX)/include/module.modulemap $(DESTDIR)$(PREFIX)/lib/pkgconfig/esent.pc \
	    $(DESTDIR)$(PREFIX)/bin/esentutl $(DESTDIR)$(PREFIX)/share/man/man1/esentutl.1

clean:
	rm -rf $(BUILD) .build $(TEST_SCRATCH) .build-tsan .build-fuzz .build-fuzz-replay
