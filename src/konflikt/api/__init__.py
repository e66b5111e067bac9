"""konflikt.api"""
