"""konflikt.store"""
