"""Routes: to be written."""
