"""The static assumption explorer: ``axiomdl site OUT/`` (works offline from file://)."""

from axiomdl.site.build import SiteResult, build_site, write_site

__all__ = ["SiteResult", "build_site", "write_site"]
