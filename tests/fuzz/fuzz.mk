# The libFuzzer harnesses, built with clang against only the sources each
# parser needs (no autotools build involved):
#   make -f tests/fuzz/fuzz.mk O=build-fuzz/bin -j2
# scripts/fuzz and scripts/test call this; O is the output folder.

FUZZ_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
ROOT := $(abspath $(FUZZ_DIR)/../..)
SRC := $(ROOT)/fcgi
O ?= $(ROOT)/build-fuzz/bin

CC := clang
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Werror -I$(SRC) -I$(ROOT)/tests/fuzz

HARNESSES := base32 config cookie csv feed_cursor geojson_areas kml_areas multipart \
	request sniff urlencoded incident_input eido_in pidf_lo case_refs case_review_check \
	odata_query

# The OData feed's skip token and the Basic credentials it takes.
HARNESSES += odata_token basic_auth
odata_token_SRC := odata/skiptoken.c core/arena.c core/buf.c core/hex.c
odata_token_LIBS := -ljson-c -lcrypto
basic_auth_SRC := auth/basic.c core/arena.c
basic_auth_LIBS := -lcrypto

base32_SRC := auth/base32.c core/hex.c
base32_LIBS := -lcrypto
config_SRC := core/config.c
cookie_SRC := http/cookie.c http/kv.c core/arena.c
# The two boundary readers share the steps after reading (area_set.c).
AREAS_SRC := geo/area_set.c geo/geojson_areas.c geo/kml_areas.c core/arena.c core/buf.c
AREAS_LIBS := -ljson-c $(shell pkg-config --cflags --libs libxml-2.0) -lm
geojson_areas_SRC := $(AREAS_SRC)
geojson_areas_LIBS := $(AREAS_LIBS)
kml_areas_SRC := $(AREAS_SRC)
kml_areas_LIBS := $(AREAS_LIBS)
csv_SRC := core/csv.c core/buf.c
# Monitored cases: the new-case form's references.
case_refs_SRC := domain/case_rules.c core/arena.c
feed_cursor_SRC := api/feed_cursor.c core/hex.c
feed_cursor_LIBS := -lcrypto
# The EIDO translation both ways (api/eido_in.c, api/eido_out.c); problem.c
# for its field errors, which brings the response it writes to.
EIDO_SRC := api/eido_in.c api/eido_out.c api/problem.c http/response.c http/status.c \
	http/kv.c core/arena.c core/buf.c core/date.c domain/contact_check.c
EIDO_LIBS := -ljson-c $(shell pkg-config --cflags --libs libxml-2.0) -lm
eido_in_SRC := $(EIDO_SRC)
eido_in_LIBS := $(EIDO_LIBS)
pidf_lo_SRC := $(EIDO_SRC)
pidf_lo_LIBS := $(EIDO_LIBS)
multipart_SRC := http/multipart.c
request_SRC := http/request.c http/urlencoded.c http/cookie.c http/kv.c \
	core/arena.c core/random.c core/hex.c
request_LIBS := -lcrypto
sniff_SRC := core/sniff.c
urlencoded_SRC := http/urlencoded.c http/kv.c core/arena.c
# The CAD API's body reader with a client's mappings (api_mapping.c's
# database check links, never runs); problem.c's answers link with
# response.c's.
incident_input_SRC := api/incident_input.c api/problem.c domain/api_mapping.c \
	store/pg.c core/log.c core/arena.c core/buf.c http/response.c http/kv.c \
	http/status.c
incident_input_LIBS := -ljson-c -lpq -lm $(shell pkg-config --cflags libpq)
# the Case Review application's one check (every channel's).
case_review_check_SRC := domain/case_review_check.c domain/contact_check.c core/chars.c \
	core/date.c core/arena.c
# The OData feed's query string: options, $filter and the SQL they compile to.
odata_query_SRC := odata/lex.c odata/filter.c odata/options.c odata/sql.c core/arena.c \
	core/buf.c

HEADERS := $(wildcard $(SRC)/*/*.h) $(ROOT)/tests/fuzz/fuzz.h

all: $(addprefix $(O)/fuzz_,$(HARNESSES))

define harness
$(O)/fuzz_$(1): $(ROOT)/tests/fuzz/fuzz_$(1).c $(addprefix $(SRC)/,$($(1)_SRC)) $(HEADERS) $(lastword $(MAKEFILE_LIST))
	@mkdir -p $(O)
	$(CC) $(FUZZ_CFLAGS) -o $$@ $(ROOT)/tests/fuzz/fuzz_$(1).c $(addprefix $(SRC)/,$($(1)_SRC)) $($(1)_LIBS)
endef
$(foreach h,$(HARNESSES),$(eval $(call harness,$(h))))

list:
	@printf '%s\n' $(HARNESSES)

.PHONY: all list
