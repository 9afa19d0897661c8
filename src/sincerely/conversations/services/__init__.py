"""Every state change of conversations, one module per subject: posts, comments, inbox,
incidents. Callers import the module they need; nothing is re-exported here."""
