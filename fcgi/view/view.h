#ifndef VIEW_VIEW_H
#define VIEW_VIEW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct buf;

/* A template dictionary. Only the root one is freed; section and include
 * dictionaries belong to their parent. */
struct view_dict;

int			 view_load(const char *dir, char *err, size_t errlen);
void			 view_unload(void);
struct view_dict	*view_dict_new(void);
void			 view_dict_free(struct view_dict *);
int			 view_set(struct view_dict *, const char *key, const char *val);
int			 view_set_int(struct view_dict *, const char *key, long val);
int			 view_set_global(struct view_dict *, const char *key,
			    const char *val);
int			 view_show(struct view_dict *, const char *section);
int			 view_show_global(struct view_dict *, const char *section);
struct view_dict	*view_section(struct view_dict *, const char *section);
struct view_dict	*view_include(struct view_dict *, const char *name,
			    const char *file);
int			 view_render(const char *file, struct view_dict *,
			    struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
