"""warta's spiders."""
