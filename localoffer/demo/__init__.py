"""The demo data set: a realistic Essex SEND directory for trying the portal out, plus
generated services for load tests. `flask demo load` (cli.py) is the way in; plan.py says what
is in the set, writer.py writes each listing, loader.py puts it in the database."""
