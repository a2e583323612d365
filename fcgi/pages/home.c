/* The home page: what Concord is, and the two ways in. */
#include "http/request.h"
#include "pages/layout.h"
#include "pages/pages.h"

/* GET / */
void
home_get(struct req *r)
{
	resp_header(r, "Cache-Control", "no-cache");
	page_render(r, 200, "home.tpl", "Concord: report and manage anti-social behaviour",
	    page_dict(r));
}
