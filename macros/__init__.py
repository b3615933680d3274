"""Site-level macros for mkdocs-macros (`module_name: macros` in mkdocs.yml).

The werkplaats macros (`term`, `method`, `case`, `competence`, `circle`, `instrument`, `module`, `questions`,
`quiz`) come from the package; add a site's own macros below.
"""

from werkplaats.macros import define_env as define_werkplaats_macros


def define_env(env):
    """Called by mkdocs-macros when the site is built."""
    define_werkplaats_macros(env)
