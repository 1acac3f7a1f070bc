"""The data layer: every query and write the views need lives here, so views never build
ad-hoc queries. Functions take plain values and return models or plain data."""
