"""konflikt.eval"""
