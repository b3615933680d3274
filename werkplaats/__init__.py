"""werkplaats: a knowledge site with e-learning modules for the Wmo-werkplaatsen."""
__version__ = "0.1.0"
