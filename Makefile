# rwkvc - build, test, demo. `make help` lists the targets.
#
#   make deps          install the Debian packages the build and tests need
#   make               build build/rwkvc and build/librwkvc.a
#   make test          everything above, then the whole test suite
#                      (SUITES="graph tokenizer" runs only tests/test_graph.c, tests/test_tokenizer.c)
#   make demo          a random-weight 0.1B-shaped model, a few tokens, top logits
#   make golden        regenerate tests/golden/ (the 2.9B plan dump and its kernels' GLSL)
#   make SANITIZE=1    AddressSanitizer + UndefinedBehaviorSanitizer build (in build-san/);
#                      `make test SANITIZE=1` runs the suite under them (LeakSanitizer too)
#   make fuzz          libFuzzer on every parser, FUZZ_SECONDS each (default 60), new
#                      inputs merged into tests/fuzz/corpus/ (clang; build-fuzz/; docs/fuzzing.md)
#   make CC=clang      any C11 compiler; warnings are errors either way

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
SANITIZE ?= 0

ifeq ($(SANITIZE),1)
BUILD    := build-san
OPT      := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDSAN    := -fsanitize=address,undefined
endif
# the library instrumented for libFuzzer's coverage; targets link -fsanitize=fuzzer
ifeq ($(FUZZ),1)
BUILD    := build-fuzz
CC       := clang
OPT      := -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
LDSAN    := -fsanitize=address,undefined
endif

CPPFLAGS += -Iinclude -I. -D_DEFAULT_SOURCE
CFLAGS   += -std=c11 -ffp-contract=off -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers \
            -g $(OPT) -MMD -MP
GLSLANG_LIBS = -Wl,--start-group -lglslang -lMachineIndependent -lOSDependent -lGenericCodeGen \
               -lOGLCompiler -lSPIRV -lSPIRV-Tools-opt -lSPIRV-Tools \
               -lglslang-default-resource-limits -Wl,--end-group
# yaml, xxhash and glslang are linked statically so the binary runs where only
# the Vulkan loader is installed (the GPU machine; see ../shared/gpu/README.md).
LDLIBS   += -Wl,-Bstatic -lyaml -lxxhash -Wl,-Bdynamic $(GLSLANG_LIBS) -lvulkan -lstdc++ -lpthread -lm -ldl
LDFLAGS  += $(LDSAN)

LIB_DIRS  = base graph passes codegen runtime
LIB_SRCS  = $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
LIB_ASM   = graph/builtin_model.S
LIB_OBJS  = $(LIB_SRCS:%.c=$(BUILD)/%.o) $(LIB_ASM:%.S=$(BUILD)/%.o)
TOOL_SRCS = $(wildcard tools/*.c)
TOOL_OBJS = $(TOOL_SRCS:%.c=$(BUILD)/%.o)
TEST_SRCS = $(wildcard tests/test_*.c)
TEST_BINS = $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
TEST_HELPERS = $(filter-out $(TEST_SRCS),$(wildcard tests/*.c))
TEST_HELPER_OBJS = $(TEST_HELPERS:%.c=$(BUILD)/%.o)
# fuzz targets: tests/fuzz/fuzz_<name>.c, listed in tests/fuzz/targets.def
FUZZ_SRCS = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_OBJS = $(FUZZ_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/tests/fuzz/common.o
FUZZ_TARGETS ?= $(FUZZ_NAMES)
# the suites `make test` builds and runs (default: all)
SUITES   ?= $(TEST_SRCS:tests/test_%.c=%)
TEST_RUN  = $(SUITES:%=$(BUILD)/tests/test_%)
FUZZ_SECONDS ?= 60

.PHONY: all deps test demo golden clean help fuzz fuzz-build
.SECONDARY:
all: $(BUILD)/rwkvc $(BUILD)/librwkvc.a

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@sh tools/deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# the default model graph is compiled into the library (see graph/builtin_model.S)
$(BUILD)/graph/builtin_model.o: graph/builtin_model.S models/rwkv7.yaml
	@mkdir -p $(dir $@)
	$(CC) -c $< -o $@

$(BUILD)/librwkvc.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/rwkvc: $(TOOL_OBJS) $(BUILD)/librwkvc.a
	$(CC) $(LDFLAGS) $(TOOL_OBJS) $(BUILD)/librwkvc.a $(LDLIBS) -o $@

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(TEST_HELPER_OBJS) $(BUILD)/librwkvc.a
	$(CC) $(LDFLAGS) $< $(TEST_HELPER_OBJS) $(BUILD)/librwkvc.a -lcmocka $(LDLIBS) -o $@

# the corpus replay runs every fuzz entry point in the ordinary build
$(BUILD)/tests/test_fuzz_replay: $(BUILD)/tests/test_fuzz_replay.o $(FUZZ_OBJS) $(TEST_HELPER_OBJS) $(BUILD)/librwkvc.a
	$(CC) $(LDFLAGS) $< $(FUZZ_OBJS) $(TEST_HELPER_OBJS) $(BUILD)/librwkvc.a -lcmocka $(LDLIBS) -o $@

# one libFuzzer binary per target: tests/fuzz/main.c compiled with its name
$(BUILD)/fuzz/main_%.o: tests/fuzz/main.c tests/fuzz/targets.def
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -DFUZZ_NAME=$* -c $< -o $@

$(BUILD)/fuzz/%: $(BUILD)/fuzz/main_%.o $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/common.o $(BUILD)/librwkvc.a
	$(CC) -fsanitize=fuzzer $(LDFLAGS) $^ $(LDLIBS) -o $@

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/%)

# writes the GGUF seeds of the gguf target (tests/fuzz/make_seeds.py runs it)
$(BUILD)/fuzz/seed_gguf: $(BUILD)/tests/fuzz/seed_gguf.o $(BUILD)/tests/gguf_writer.o $(BUILD)/librwkvc.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

# `make fuzz`: each target for FUZZ_SECONDS, new coverage merged into its corpus
fuzz: deps
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-build
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# `make test` installs what it needs first (Debian packages), then runs every suite.
test: deps
	@$(MAKE) --no-print-directory all $(TEST_RUN)
	@BUILD=$(BUILD) sh tests/run.sh $(TEST_RUN)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tools/demo.sh $(BUILD)

# The golden files `make test` compares against (tests/test_plan_dump.c uses the same options).
GOLDEN_PLAN = --preset 2.9b --dtype f16 --t-max 16
golden: $(BUILD)/rwkvc
	$(BUILD)/rwkvc dump $(GOLDEN_PLAN) --target none -o tests/golden/rwkv7-2.9b.dump.txt
	$(BUILD)/rwkvc dump $(GOLDEN_PLAN) --target generic --format glsl -o tests/golden/rwkv7-2.9b.glsl

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
