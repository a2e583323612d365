// The one C++ file: ctemplate behind a C interface. No exception crosses
// into C; every entry point catches everything and reports -1 or NULL.
#include <dirent.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>
#include <algorithm>

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>

extern "C" {
#include "core/buf.h"
#include "view/view.h"
}

using ctemplate::TemplateCache;
using ctemplate::TemplateDictionary;

static TemplateCache *cache;

static TemplateDictionary *
D(struct view_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct view_dict *
V(TemplateDictionary *d)
{
	return reinterpret_cast<struct view_dict *>(d);
}

// Every template must turn auto-escaping on in its first line, so no page
// can forget it.
static bool
starts_with_autoescape(const std::string &path)
{
	std::ifstream in(path.c_str());
	std::string first;

	if (!in || !std::getline(in, first))
		return false;
	return first.compare(0, 13, "{{%AUTOESCAPE") == 0;
}

static std::vector<std::string>
list_templates(const char *dir)
{
	std::vector<std::string> names;
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n;

	if (d == NULL)
		return names;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n > 4 && strcmp(e->d_name + n - 4, ".tpl") == 0)
			names.push_back(e->d_name);
	}
	closedir(d);
	std::sort(names.begin(), names.end());
	return names;
}

// Loads and checks every *.tpl in dir into a new cache, and only then
// replaces the current one, so a bad edit followed by a reload keeps the
// old templates serving. Returns -1 with a message naming the template.
extern "C" int
view_load(const char *dir, char *err, size_t errlen)
{
	try {
		std::vector<std::string> names = list_templates(dir);
		TemplateCache *next;

		if (names.empty()) {
			snprintf(err, errlen, "%s: no templates (*.tpl) found", dir);
			return -1;
		}
		next = new TemplateCache();
		next->SetTemplateRootDirectory(dir);
		for (size_t i = 0; i < names.size(); i++) {
			std::string path = std::string(dir) + "/" + names[i];

			if (!starts_with_autoescape(path)) {
				snprintf(err, errlen, "%s: the first line must be "
				    "{{%%AUTOESCAPE context=\"HTML\"}}", path.c_str());
				delete next;
				return -1;
			}
			if (!next->LoadTemplate(names[i], ctemplate::STRIP_BLANK_LINES)) {
				snprintf(err, errlen, "%s: does not parse (ctemplate's "
				    "message is above)", path.c_str());
				delete next;
				return -1;
			}
		}
		next->Freeze();
		delete cache;
		cache = next;
		return 0;
	} catch (...) {
		snprintf(err, errlen, "%s: loading templates failed", dir);
		return -1;
	}
}

extern "C" void
view_unload(void)
{
	delete cache;
	cache = NULL;
}

extern "C" struct view_dict *
view_dict_new(void)
{
	try {
		return V(new TemplateDictionary("page"));
	} catch (...) {
		return NULL;
	}
}

extern "C" void
view_dict_free(struct view_dict *d)
{
	delete D(d);
}

extern "C" int
view_set(struct view_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetValue(key, val != NULL ? val : "");
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int
view_set_int(struct view_dict *d, const char *key, long val)
{
	try {
		D(d)->SetIntValue(key, val);
		return 0;
	} catch (...) {
		return -1;
	}
}

// A value seen by this dictionary and every one included in it (layout
// header and footer): ctemplate does not pass ordinary values down.
extern "C" int
view_set_global(struct view_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetTemplateGlobalValue(key, val != NULL ? val : "");
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int
view_show(struct view_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(section);
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" int
view_show_global(struct view_dict *d, const char *section)
{
	try {
		D(d)->ShowTemplateGlobalSection(section);
		return 0;
	} catch (...) {
		return -1;
	}
}

// Adds one repetition of a section and returns its dictionary, or NULL.
extern "C" struct view_dict *
view_section(struct view_dict *d, const char *section)
{
	try {
		return V(D(d)->AddSectionDictionary(section));
	} catch (...) {
		return NULL;
	}
}

extern "C" struct view_dict *
view_include(struct view_dict *d, const char *name, const char *file)
{
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(name);

		inc->SetFilename(file);
		return V(inc);
	} catch (...) {
		return NULL;
	}
}

// Expands a loaded template into out. Returns -1 when the template is
// unknown or expansion fails.
extern "C" int
view_render(const char *file, struct view_dict *d, struct buf *out)
{
	try {
		std::string s;

		if (cache == NULL || !cache->ExpandNoLoad(file,
		    ctemplate::STRIP_BLANK_LINES, D(d), NULL, &s))
			return -1;
		return buf_append(out, s.data(), s.size());
	} catch (...) {
		return -1;
	}
}
