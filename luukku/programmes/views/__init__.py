"""Programme pages, one module per area: programmes, content, editing, members."""
