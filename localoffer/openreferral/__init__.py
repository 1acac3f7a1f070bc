"""Open Referral UK: importing other directories' feeds and exporting ours (issue 5).

The API that publishes the feed lives in localoffer/api with its serialiser in
localoffer/data/oruk.py; the JSON export reuses that serialiser.
"""
