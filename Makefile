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

SWIFT_SOURCES := $(shell find Sources -name '*.swift') Package.swift include/esent.h include/module.modulemap exports.map Makefile
LINK_FLAGS := -Xlinker --version-script=$(CURDIR)/exports.map -Xlinker -soname=$(SONAME) -Xlinker -z -Xlinker nodelete
# lld: gold leaves EsentCore's type metadata in .dynsym (as local symbols); lld keeps .dynsym to the Jet* exports.
RELEASE_FLAGS := -c release -Xswiftc -static-stdlib -Xswiftc -use-ld=lld $(LINK_FLAGS)

HARNESS_SRC  := $(filter-out Tests/c/dl_api.c Tests/c/header_use.c,$(wildcard Tests/c/*.c))
HARNESS_DEPS := $(HARNESS_SRC) $(wildcard Tests/c/*.h) include/esent.h
CFLAGS_TEST  := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude -ITests/c -pthread
RPATH        := -Wl,-rpath,'$$ORIGIN/../lib'

.PHONY: all lib test test-swift test-abi test-c test-sanitizers test-valgrind test-tsan test-install demo bench install clean help \
        test-fuzz fuzz test-model test-model-long

all: lib

help:
	@echo "make            build $(LIB)/libesent.so (Swift runtime linked in, only Jet* exported)"
	@echo "make test       every test: Swift tests, ABI/header checks, C harness linked, dlopen'd, sanitized, valgrind"
	@echo "make demo       build and run the streaming backup agent (examples/backup_agent.c)"
	@echo "make bench      the benchmarks (figures as ratios against a baseline measured in the same run)"
	@echo "make fuzz       each libFuzzer target for FUZZ_SECONDS (default 60) seconds, one after another"
	@echo "make test-model-long   the random API driver against the reference model, 10^6 calls"
	@echo "make install PREFIX=/usr/local   library, header and pkg-config file"

lib: $(LIB)/libesent.so

$(LIB)/libesent.so: $(SWIFT_SOURCES)
	@# SwiftPM does not relink when only linker flags or exports.map change.
	rm -f .build/release/libesent.so
	$(SWIFT) build $(RELEASE_FLAGS) -Xswiftc -emit-clang-header-path -Xswiftc $(CURDIR)/$(BUILD)/gen/esent-Swift.h
	@mkdir -p $(LIB)
	cp .build/release/libesent.so $(LIB)/libesent.so.$(VERSION)
	ln -sf libesent.so.$(VERSION) $(LIB)/$(SONAME)
	ln -sf libesent.so.$(VERSION) $(LIB)/libesent.so

# ---------------------------------------------------------------------------------------------------------
# Tests. Each runner prints its own closing line; any failure fails `make test`.
# ---------------------------------------------------------------------------------------------------------
test: test-swift test-abi test-c test-sanitizers test-valgrind test-tsan test-install test-fuzz test-model

test-swift:
	@# One test at a time: the fault injector and the registry are process-wide.
	$(SWIFT) test --no-parallel

test-abi: lib
	sh tools/check-abi.sh $(LIB)/libesent.so $(BUILD)/gen/esent-Swift.h

$(BUILD)/gen/dl_api.h $(BUILD)/gen/dl_api_names.h: include/esent.h tools/gen-dl-api.sh
	sh tools/gen-dl-api.sh include/esent.h $(BUILD)/gen

$(BUILD)/tests/harness-linked: $(HARNESS_DEPS) | lib
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -o $@ $(HARNESS_SRC) -L$(LIB) -lesent $(RPATH)

$(BUILD)/tests/harness-dlopen: $(HARNESS_DEPS) Tests/c/dl_api.c $(BUILD)/gen/dl_api.h | lib
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -DESENT_TEST_DLOPEN -I$(BUILD)/gen -o $@ $(HARNESS_SRC) Tests/c/dl_api.c -ldl

$(BUILD)/tests/harness-asan: $(HARNESS_DEPS) | lib
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_TEST) -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	    -o $@ $(HARNESS_SRC) -L$(LIB) -lesent $(RPATH)

test-c: $(BUILD)/tests/harness-linked $(BUILD)/tests/harness-dlopen
	HARNESS_LABEL=linked $(BUILD)/tests/harness-linked
	HARNESS_LABEL=dlopen ESENT_LIBRARY=$(CURDIR)/$(LIB)/libesent.so $(BUILD)/tests/harness-dlopen

test-sanitizers: $(BUILD)/tests/harness-asan
	HARNESS_LABEL=asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(BUILD)/tests/harness-asan

test-valgrind: $(BUILD)/tests/harness-linked
	sh tools/run-valgrind.sh $(BUILD)/tests/harness-linked

# ThreadSanitizer: the library and the thread scenarios are built with the toolchain's TSan runtime.
test-tsan: $(SWIFT_SOURCES) $(HARNESS_DEPS)
	sh tools/run-tsan.sh "$(TOOLCHAIN_CLANG)"

# make install into a temporary PREFIX (and a DESTDIR), then a pkg-config client builds and runs.
test-install: lib
	MAKE="$(MAKE)" sh tools/check-install.sh

# Hostile input and threads (issue 9): fuzz targets replayed over their corpus and regression inputs; the random
# API driver checked against the reference model (a short seeded sample here, `make test-model-long` for 10^6).
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

# ---------------------------------------------------------------------------------------------------------
# Demo, benchmarks, install
# ---------------------------------------------------------------------------------------------------------
$(BUILD)/bin/backup_agent: examples/backup_agent.c include/esent.h | lib
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -Iinclude -pthread -o $@ $< -L$(LIB) -lesent $(RPATH)

demo: $(BUILD)/bin/backup_agent
	rm -rf $(BUILD)/demo && mkdir -p $(BUILD)/demo
	$(BUILD)/bin/backup_agent $(BUILD)/demo

bench: lib
	sh bench/run.sh

install: lib
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 0755 $(LIB)/libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf libesent.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libesent.so
	install -m 0644 include/esent.h $(DESTDIR)$(PREFIX)/include/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/esent.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/esent.pc

clean:
	rm -rf $(BUILD) .build
