"""WPK Archive: a local research archive of articles on the Workers' Party of Korea."""

__version__ = "0.1.0"
