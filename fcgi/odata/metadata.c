/* $metadata: the entity model Power BI and Excel read to know the feed's
 * tables and column types. Written from the same whitelist the queries
 * are checked against (odata/entities.c), so the two cannot disagree. */
#include <string.h>

#include "odata/metadata.h"

/* The functions $filter takes (odata/filter.c), for
 * Capabilities.FilterFunctions. */
static const char *const filter_functions[] = {
	"contains", "startswith", "endswith", "length", "indexof", "substring",
	"tolower", "toupper", "trim", "concat", "year", "month", "day", "hour",
	"minute", "second", "date", "now", "round", "floor", "ceiling",
};

const char *
odata_edm_type(enum odata_type t)
{
	switch (t) {
	case ODATA_BOOLEAN:	return "Edm.Boolean";
	case ODATA_INT32:	return "Edm.Int32";
	case ODATA_INT64:	return "Edm.Int64";
	case ODATA_DECIMAL:	return "Edm.Decimal";
	case ODATA_DOUBLE:	return "Edm.Double";
	case ODATA_DATE:	return "Edm.Date";
	case ODATA_DATETIME:	return "Edm.DateTimeOffset";
	case ODATA_STRING:
	default:		return "Edm.String";
	}
}

/* Text as an XML attribute value. */
static void
attr(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s);
		}
}

static void
description(struct buf *b, const char *indent, const char *doc)
{
	if (doc == NULL || *doc == '\0')
		return;
	buf_printf(b, "%s<Annotation Term=\"Core.Description\" String=\"", indent);
	attr(b, doc);
	buf_puts(b, "\"/>\n");
}

static void
entity_type(struct buf *b, const struct odata_entity *e)
{
	size_t i;

	buf_printf(b, "      <EntityType Name=\"%s\">\n        <Key><PropertyRef "
	    "Name=\"%s\"/></Key>\n", e->type, e->key);
	for (i = 0; i < e->ncolumns; i++) {
		const struct odata_column *c = &e->columns[i];

		buf_printf(b, "        <Property Name=\"%s\" Type=\"%s\"%s%s>\n", c->name,
		    odata_edm_type(c->type), c->nullable ? "" : " Nullable=\"false\"",
		    c->type == ODATA_DECIMAL ? " Scale=\"variable\"" :
		    c->type == ODATA_DATETIME ? " Precision=\"3\"" : "");
		description(b, "          ", c->doc);
		buf_puts(b, "        </Property>\n");
	}
	buf_puts(b, "      </EntityType>\n");
}

static void
boolean_term(struct buf *b, const char *term, int value)
{
	buf_printf(b, "          <Annotation Term=\"Capabilities.%s\" Bool=\"%s\"/>\n",
	    term, value ? "true" : "false");
}

static void
restriction(struct buf *b, const char *term, const char *property, int value)
{
	buf_printf(b, "          <Annotation Term=\"Capabilities.%s\"><Record>"
	    "<PropertyValue Property=\"%s\" Bool=\"%s\"/></Record></Annotation>\n",
	    term, property, value ? "true" : "false");
}

static void
entity_set(struct buf *b, const struct odata_entity *e)
{
	buf_printf(b, "        <EntitySet Name=\"%s\" EntityType=\"" ODATA_NAMESPACE
	    ".%s\">\n", e->set, e->type);
	boolean_term(b, "TopSupported", 1);
	boolean_term(b, "SkipSupported", 1);
	restriction(b, "CountRestrictions", "Countable", 1);
	restriction(b, "FilterRestrictions", "Filterable", 1);
	restriction(b, "SortRestrictions", "Sortable", 1);
	restriction(b, "ExpandRestrictions", "Expandable", 0);
	restriction(b, "SearchRestrictions", "Searchable", 0);
	restriction(b, "InsertRestrictions", "Insertable", 0);
	restriction(b, "UpdateRestrictions", "Updatable", 0);
	restriction(b, "DeleteRestrictions", "Deletable", 0);
	buf_puts(b, "        </EntitySet>\n");
}

static void
reference(struct buf *b, const char *ns, const char *alias)
{
	buf_printf(b, "  <edmx:Reference Uri=\"https://oasis-tcs.github.io/"
	    "odata-vocabularies/vocabularies/%s.xml\">\n    <edmx:Include "
	    "Namespace=\"%s\" Alias=\"%s\"/>\n  </edmx:Reference>\n", ns, ns, alias);
}

int
odata_metadata_write(struct buf *b, const struct odata_entity *const *sets, size_t n)
{
	size_t i;

	buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\" "
	    "Version=\"4.0\">\n");
	reference(b, "Org.OData.Core.V1", "Core");
	reference(b, "Org.OData.Capabilities.V1", "Capabilities");
	buf_puts(b, "  <edmx:DataServices>\n    <Schema xmlns=\"http://docs.oasis-open.org/"
	    "odata/ns/edm\" Namespace=\"" ODATA_NAMESPACE "\">\n");
	for (i = 0; i < n; i++)
		entity_type(b, sets[i]);
	buf_puts(b, "      <EntityContainer Name=\"" ODATA_CONTAINER "\">\n");
	for (i = 0; i < n; i++)
		entity_set(b, sets[i]);
	buf_puts(b, "        <Annotation Term=\"Capabilities.ConformanceLevel\" "
	    "EnumMember=\"Capabilities.ConformanceLevelType/Intermediate\"/>\n"
	    "        <Annotation Term=\"Capabilities.SupportedFormats\"><Collection>"
	    "<String>application/json;odata.metadata=minimal</String>"
	    "</Collection></Annotation>\n"
	    "        <Annotation Term=\"Capabilities.AsynchronousRequestsSupported\" "
	    "Bool=\"false\"/>\n"
	    "        <Annotation Term=\"Capabilities.BatchSupported\" Bool=\"false\"/>\n"
	    "        <Annotation Term=\"Capabilities.FilterFunctions\"><Collection>");
	for (i = 0; i < sizeof(filter_functions) / sizeof(filter_functions[0]); i++)
		buf_printf(b, "<String>%s</String>", filter_functions[i]);
	buf_puts(b, "</Collection></Annotation>\n      </EntityContainer>\n    </Schema>\n"
	    "  </edmx:DataServices>\n</edmx:Edmx>\n");
	return b->oom ? -1 : 0;
}
