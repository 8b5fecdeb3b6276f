"""The workbook's live slideshow, served by Jupyter itself at <base_url>workbook-slides/.

A server extension for both servers a learner may have: classic Notebook 6 (Debian's) loads it
through NotebookApp.nbserver_extensions, and jupyter_server (Notebook 7, JupyterLab) through
ServerApp.jpserver_extensions; ./workbook start enables it in the workbook's own config dir
(target/jupyter-config), never in the user's. Served from the same origin as the notebooks, the
page's calls to the REST and WebSocket API carry the user's login like the notebook page's do.

  workbook-slides/                   the notebooks, each a link to its live slideshow
  workbook-slides/live?path=NB.ipynb the slideshow (&cell=N starts on the slide that shows cell N)
  workbook-slides/static/...         reveal.js, marked and the deck's scripts (from npm, pinned)

install-in-jupyter.mjs puts this module in DATA_DIR/workbook-slides/python, next to static/ and
live.html.
"""
import os

from tornado import web

HERE = os.path.dirname(os.path.abspath(__file__))
STATIC = os.path.normpath(os.path.join(HERE, "..", "static"))
LIVE_PAGE = os.path.normpath(os.path.join(HERE, "..", "live.html"))


def _handlers(base_url, handler_class, url_path_join):
    class LivePage(handler_class):
        """The page; logging in first, and setting the _xsrf cookie its API calls send back."""

        @web.authenticated
        def get(self):
            self.xsrf_token  # noqa: B018 (reading it sets the cookie)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            with open(LIVE_PAGE, "rb") as page:
                self.finish(page.read())

    class RedirectToSlash(handler_class):
        def get(self):
            self.redirect(url_path_join(base_url, "workbook-slides/"))

    root = url_path_join(base_url, "workbook-slides")
    return [
        (root, RedirectToSlash),
        (root + "/", LivePage),
        (root + "/live", LivePage),
        (root + "/static/(.*)", web.StaticFileHandler, {"path": STATIC}),
    ]


def _register(app, handler_class, url_path_join):
    # Once per server, whichever way it was loaded (jupyter_server also reads a Notebook 6 config).
    if app.web_app.settings.get("workbook_slides_registered"):
        return
    app.web_app.settings["workbook_slides_registered"] = True
    app.web_app.add_handlers(".*$", _handlers(app.web_app.settings["base_url"], handler_class, url_path_join))
    url = getattr(app, "connection_url", None) or app.web_app.settings["base_url"]
    app.log.info("Live slideshow: %sworkbook-slides/ (or the Slideshow button in a classic notebook's toolbar)", url)


def load_jupyter_server_extension(app):
    """Classic Notebook 6 (and jupyter_server, should it load the extension by its old name)."""
    if type(app).__module__.startswith("jupyter_server"):
        _load_jupyter_server_extension(app)
        return
    from notebook.base.handlers import IPythonHandler
    from notebook.utils import url_path_join

    _register(app, IPythonHandler, url_path_join)


def _jupyter_server_extension_points():
    """jupyter_server (Notebook 7, JupyterLab): this module is the extension."""
    return [{"module": "workbook_slides"}]


def _load_jupyter_server_extension(serverapp):
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join

    _register(serverapp, JupyterHandler, url_path_join)
