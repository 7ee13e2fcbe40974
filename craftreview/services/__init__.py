"""Services: one function per write; each owns its transaction and side effects."""
