"""Events from mentions, and the analysts' reviews over them."""
