"""Knowledge base pages: the public base and answer bot, and the staff article editor."""
