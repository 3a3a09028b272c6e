"""Shymkent ties: places and international relations from news articles, on a map."""

__version__ = "0.1.0"
